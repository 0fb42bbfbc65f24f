import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configure, deriveKeys } from "../config/index.ts";
import { open, openFields, seal, sealFields, versionOf } from "./index.ts";

beforeAll(() => {
  configure({ ...deriveKeys(randomUUID()), dataKeyVersion: 3 });
});

describe("sealed personal fields", () => {
  it("seal with the current key version, differently each time, and open back", () => {
    const a = seal("3328104503850001");
    expect(a).toMatch(/^enc1:3:/);
    expect(a).not.toBe(seal("3328104503850001"));
    expect(open(a)).toBe("3328104503850001");
    expect(open(seal({ problems: "x", list: [1] }))).toEqual({ problems: "x", list: [1] });
    expect(versionOf(seal("x", 1))).toBe(1);
    expect(open(seal("x", 1))).toBe("x");
  });

  it("refuse a value changed after sealing, and pass values stored in clear as they are", () => {
    const sealed = seal("081298765432");
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === "A" ? "B" : "A") + sealed.at(-1);
    expect(() => open(flipped)).toThrow();
    expect(open("081298765432")).toBe("081298765432");
  });

  it("seal only the paths named for the item's key, without changing the caller's object", () => {
    const item = {
      pk: "PROPOSAL#1",
      sk: "PROPOSAL",
      kk: "3328102001150007",
      members: [{ nik: "3328104503850001", name: "Siti" }],
    };
    const stored = sealFields(item, item);
    expect(item.members[0]!.nik).toBe("3328104503850001");
    expect(stored.kk).toMatch(/^enc1:/);
    expect((stored.members as { nik: string; name: string }[])[0]).toMatchObject({ name: "Siti" });
    expect(JSON.stringify(stored)).not.toContain("3328104503850001");
    expect(openFields(stored)).toEqual(item);
    const other = { pk: "USER#x", sk: "USER", nik: "3328104503850001" };
    expect(sealFields(other, other)).toBe(other);
  });
});
