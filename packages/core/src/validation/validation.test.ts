import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { EvaluationSchema, PlanSchema } from "../casework/inputs.ts";
import { CreateUserSchema } from "../user/schema.ts";
import { isoDate, text } from "./fields.ts";
import { parse } from "./index.ts";

const valid = {
  username: "fo.kagok",
  name: "Wulan",
  role: "front-office",
  scope: { level: "desa", code: "33.28.10.1007" },
};

describe("text", () => {
  it("calls nothing typed (or only spaces) missing, and too little typed short", () => {
    const name = v.object({ name: text("Nama pelapor", 2, 100) });
    const reason = (input: string) =>
      v.safeParse(name, { name: input }).issues?.map((issue) => issue.message) ?? [];
    expect(reason("")).toEqual(["Nama pelapor wajib diisi."]);
    expect(reason("   ")).toEqual(["Nama pelapor wajib diisi."]);
    expect(reason("W")).toEqual(["Nama pelapor minimal 2 karakter."]);
    expect(reason("Wati")).toEqual([]);
  });
});

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

describe("a date field", () => {
  const schema = v.object({ visitDate: isoDate("Tanggal kunjungan") });
  const reason = (visitDate: string) => {
    const result = v.safeParse(schema, { visitDate });
    return result.success ? undefined : result.issues[0]?.message;
  };
  it("says an empty one is missing, and a wrong one how to write it", () => {
    expect(reason("")).toBe("Tanggal kunjungan wajib diisi.");
    expect(reason("4/12/2026")).toBe("Tanggal kunjungan harus berformat TTTT-BB-HH.");
    expect(reason("2026-12-04")).toBeUndefined();
  });

  it("numbers a field inside a list by its place, never by its path", () => {
    const fields = (schema: v.GenericSchema, input: unknown) => {
      try {
        parse(schema, input);
        return expect.unreachable();
      } catch (error) {
        return (error as { fields: { field: string; message: string }[] }).fields;
      }
    };
    expect(fields(PlanSchema, { version: 1, goals: [{}] })).toEqual([
      { field: "goals.0.goal", message: "Tujuan 1 wajib diisi." },
      { field: "goals.0.strategy", message: "Strategi 1 wajib diisi." },
      { field: "goals.0.steps", message: "Langkah tujuan 1 wajib diisi." },
    ]);
    const goal = { goal: "Punya tempat tinggal", strategy: "Cari rumah singgah" };
    expect(
      fields(PlanSchema, { version: 1, goals: [{ ...goal, steps: [{ targetDate: "2026-12-20" }] }] }),
    ).toEqual([{ field: "goals.0.steps.0.step", message: "Langkah 1.1 wajib diisi." }]);
    expect(fields(EvaluationSchema, { version: 1, date: "2026-12-01", goals: [{ goalId: "g1" }] })).toEqual([
      { field: "goals.0.progress", message: "Kemajuan 1 wajib diisi." },
    ]);
  });
});
