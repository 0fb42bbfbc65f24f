import { useUser } from "../actor/index.ts";
import { OPDS, type Opd } from "./schema.ts";

export * from "./schema.ts";

/** The OPD list, for any signed-in user (forms that pick an OPD). */
export function listOpds(): Opd[] {
  useUser();
  return OPDS;
}
