import * as v from "valibot";
import {
  ROLE_SCOPES,
  RoleSchema,
  ScopeLevelSchema,
  levelOf,
  type Role,
  type Scope,
} from "../actor/schema.ts";

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

export const FullNameSchema = v.pipe(
  v.string("Nama lengkap harus berupa teks."),
  v.title("Nama lengkap"),
  v.trim(),
  v.minLength(2, "Nama lengkap minimal 2 karakter."),
  v.maxLength(100, "Nama lengkap maksimal 100 karakter."),
  // Control characters have no place in a name and break printed documents.
  v.regex(/^[^\p{Cc}]*$/u, "Nama lengkap berisi karakter yang tidak diizinkan."),
);

export const RegionCodeSchema = v.pipe(
  v.string("Kode wilayah harus berupa teks."),
  v.title("Kode wilayah"),
  v.trim(),
  v.regex(
    /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/,
    "Kode wilayah harus berformat PP.KK, PP.KK.CC, atau PP.KK.CC.DDDD.",
  ),
);

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

export const OpdCodeSchema = v.pipe(
  v.string("OPD harus berupa teks."),
  v.title("OPD"),
  v.regex(/^[a-z0-9-]{2,48}$/, "Kode OPD tidak valid."),
);

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
    v.check(
      (input) => (input.role === "opd") === Boolean(input.opd),
      "OPD wajib dipilih untuk peran OPD saja.",
    ),
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
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048, "Penanda halaman terlalu panjang."))),
});

/** A user as the API shows it: never the password hash. */
export interface User {
  username: string;
  name: string;
  role: Role;
  scope: Scope;
  scopeName: string;
  opd?: string;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}
