import { describe, expect, it } from "vitest";
import { CreateUserSchema } from "../user/schema.ts";
import { parse } from "./index.ts";

const valid = {
  username: "fo.kagok",
  name: "Wulan",
  role: "front-office",
  scope: { level: "desa", code: "33.28.10.1007" },
};

describe("parse", () => {
  it("returns the cleaned output", () => {
    expect(parse(CreateUserSchema, { ...valid, username: "  FO.Kagok " }).username).toBe("fo.kagok");
  });

  it("throws a validation error naming each field in Indonesian", () => {
    try {
      parse(CreateUserSchema, { ...valid, username: "x", name: undefined });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: "validation",
        message: "Nama pengguna minimal 3 karakter. (dan 1 isian lain)",
        fields: [
          { field: "username", message: "Nama pengguna minimal 3 karakter." },
          { field: "name", message: "Nama lengkap wajib diisi." },
        ],
      });
    }
  });

  it("names nested fields with a dotted path", () => {
    expect(() => parse(CreateUserSchema, { ...valid, scope: { level: "desa" } })).toThrowError(
      expect.objectContaining({ fields: [{ field: "scope.code", message: "Kode wilayah wajib diisi." }] }),
    );
  });
});
