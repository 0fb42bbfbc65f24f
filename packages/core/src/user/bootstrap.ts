import * as v from "valibot";
import * as Actor from "../actor/index.ts";
import { useConfig } from "../config/index.ts";
import { putIfAbsent } from "../db/index.ts";
import { ConflictError } from "../error/index.ts";
import { parse } from "../validation/index.ts";
import { newRecord, temporaryPassword, toUser } from "./record.ts";
import { FullNameSchema, UsernameSchema, type User } from "./schema.ts";

export const FirstAdminSchema = v.strictObject({ username: UsernameSchema, name: FullNameSchema });

/**
 * The first admin of a new stage: a one-time password, changed at first sign-in. Refuses to touch
 * an existing user, so it can never reset someone's password by accident; a deployed stage has no
 * other way in and no default password.
 */
export async function createFirstAdmin(input: unknown): Promise<{ user: User; temporaryPassword: string }> {
  const data = parse(FirstAdminSchema, input);
  const password = temporaryPassword();
  const kabupaten = useConfig().kabupatenCode;
  return Actor.provide({ type: "system", name: "bootstrap-admin" }, async () => {
    const record = await newRecord(
      { ...data, role: "admin", scope: { level: "kabupaten", code: kabupaten } },
      password,
      { mustChangePassword: true, createdBy: "sistem:bootstrap-admin" },
    );
    if (!(await putIfAbsent(record)))
      throw ConflictError(
        `Pengguna "${data.username}" sudah ada; perintah ini tidak menimpa pengguna. Pilih nama pengguna lain.`,
      );
    return { user: toUser(record), temporaryPassword: password };
  });
}
