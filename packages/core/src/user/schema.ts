import * as v from "valibot";
import {
  levelOf,
  ROLE_SCOPES,
  ROLES,
  RoleSchema,
  SCOPE_LEVELS,
  ScopeLevelSchema,
  TIED_TO_OPD,
} from "../actor/schema.ts";
import { code, CursorSchema, fullName, pageOf, RegionCodeSchema } from "../validation/fields.ts";

/** Schemas shared by the API and the Solid forms; every message names its field in Indonesian. */

export const UsernameSchema = v.pipe(
  v.string("Nama pengguna harus berupa teks."),
  v.title("Nama pengguna"),
  v.trim(),
  v.toLowerCase(),
  v.minLength(3, "Nama pengguna minimal 3 karakter."),
  v.maxLength(32, "Nama pengguna maksimal 32 karakter."),
  v.regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    "Nama pengguna hanya boleh berisi huruf kecil, angka, titik, garis bawah, atau tanda hubung.",
  ),
);

export const PASSWORD_MIN = 8;
export const NewPasswordSchema = v.pipe(
  v.string("Kata sandi baru harus berupa teks."),
  v.title("Kata sandi baru"),
  v.minLength(PASSWORD_MIN, `Kata sandi baru minimal ${PASSWORD_MIN} karakter.`),
  v.maxLength(128, "Kata sandi baru maksimal 128 karakter."),
);

export const FullNameSchema = fullName("Nama lengkap");

// Kept with the field builders so the registration form does not pull in the user schemas.
export { RegionCodeSchema } from "../validation/fields.ts";

export const ScopeSchema = v.pipe(
  v.object(
    { level: ScopeLevelSchema, code: RegionCodeSchema },
    "Wilayah tugas harus berupa objek { level, code }.",
  ),
  v.title("Wilayah tugas"),
  v.forward(
    v.check(
      (scope) => levelOf(scope.code) === scope.level,
      "Kode wilayah tidak sesuai dengan tingkat wilayah.",
    ),
    ["code"],
  ),
);

export const OpdCodeSchema = code("OPD", "Kode OPD tidak valid.");

export const CreateUserSchema = v.pipe(
  v.strictObject(
    {
      username: UsernameSchema,
      name: FullNameSchema,
      role: RoleSchema,
      scope: ScopeSchema,
      opd: v.optional(OpdCodeSchema),
    },
    "Data pengguna harus berupa objek JSON.",
  ),
  v.forward(
    v.check(
      (input) => ROLE_SCOPES[input.role].includes(input.scope.level),
      "Tingkat wilayah tidak sesuai dengan peran ini.",
    ),
    ["scope", "level"],
  ),
  v.forward(
    v.check((input) => !TIED_TO_OPD[input.role] || Boolean(input.opd), "OPD wajib dipilih untuk peran OPD."),
    ["opd"],
  ),
  v.forward(
    v.check((input) => TIED_TO_OPD[input.role] || !input.opd, "OPD hanya diisi untuk peran OPD."),
    ["opd"],
  ),
);
export type CreateUserInput = v.InferInput<typeof CreateUserSchema>;

export const SetActiveSchema = v.strictObject(
  {
    active: v.pipe(v.boolean("Status aktif harus bernilai true atau false."), v.title("Status aktif")),
  },
  "Data harus berupa objek JSON.",
);

export const ListUsersSchema = v.object({
  scope: v.optional(RegionCodeSchema),
  cursor: v.optional(CursorSchema),
});

/** A user as the API shows it: never the password hash. */
export const UserSchema = v.object({
  username: v.string(),
  name: v.string(),
  role: v.picklist(ROLES),
  scope: v.object({ level: v.picklist(SCOPE_LEVELS), code: v.string() }),
  scopeName: v.string(),
  opd: v.optional(v.string()),
  active: v.boolean(),
  mustChangePassword: v.boolean(),
  createdAt: v.string(),
  createdBy: v.string(),
  updatedAt: v.string(),
});
export type User = v.InferOutput<typeof UserSchema>;

export const UserPageSchema = pageOf(UserSchema);
export type UserPage = v.InferOutput<typeof UserPageSchema>;

/** A created or reset user with the one-time password, the only time it is shown. */
export const UserWithPasswordSchema = v.object({ user: UserSchema, temporaryPassword: v.string() });
export type UserWithPassword = v.InferOutput<typeof UserWithPasswordSchema>;
