import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Client, freshTable, signedIn } from "../support/api.ts";
import { complaint, dpmCsv, SITI } from "../support/residents.ts";

/**
 * Each programme carries one of the four fields of social welfare services (UU 11/2009): the national
 * ones a default from the catalog, the kabupaten's own one chosen when added, and any of them changed
 * by the manager without a redeploy.
 */
let fo: Client, bo: Client, spv: Client, manajer: Client, admin: Client;

beforeAll(async () => {
  await freshTable();
  const ip = (i: number) => `10.93.0.${i}`;
  fo = await signedIn("fo.kalisapu", undefined, ip(1));
  bo = await signedIn("bo.kalisapu", undefined, ip(2));
  spv = await signedIn("spv.slawi", undefined, ip(3));
  manajer = await signedIn("manajer", undefined, ip(4));
  admin = await signedIn("admin", undefined, ip(5));
  await admin.request("PUT", "/api/dpm/33.28.10.2001", dpmCsv([SITI]), { "content-type": "text/csv" });
});

type Program = { code: string; name: string; serviceField?: string };
const programs = async (client: Client): Promise<Program[]> =>
  (await client.get("/api/catalog")).body.programs;
const fieldOf = async (code: string, client: Client = bo) =>
  (await programs(client)).find((p) => p.code === code)?.serviceField;
const setField = (client: Client, code: string, body: unknown) =>
  client.put(`/api/catalog/programs/${code}/service-field`, body);

describe("programmes' fields of social welfare services", () => {
  it("gives every national programme its default field", async () => {
    const all = await programs(bo);
    expect(all.filter((p) => !p.serviceField).map((p) => p.code)).toEqual([]);
    expect(all.find((p) => p.code === "pkh")?.serviceField).toBe("jaminan");
    expect(all.find((p) => p.code === "rehsos")?.serviceField).toBe("rehabilitasi");
    expect(all.find((p) => p.code === "kube")?.serviceField).toBe("pemberdayaan");
    expect(all.find((p) => p.code === "bpnt")?.serviceField).toBe("perlindungan");
  });

  it("lets the manager change a national programme's field, seen at once by everyone", async () => {
    const changed = await setField(manajer, "pkh", { serviceField: "perlindungan" });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ code: "pkh", level: "pusat", serviceField: "perlindungan" });
    expect(await fieldOf("pkh")).toBe("perlindungan");
    // The other programmes keep theirs, and the change can be made again.
    expect(await fieldOf("kis-pbi")).toBe("jaminan");
    expect((await setField(admin, "pkh", { serviceField: "jaminan" })).status).toBe(200);
    expect(await fieldOf("pkh")).toBe("jaminan");
    // The field it already has: said so on the field, not saved again, not in the audit log.
    const same = await setField(admin, "pkh", { serviceField: "jaminan" });
    expect(same.status).toBe(422);
    expect(same.body.error.fields).toEqual([
      {
        field: "serviceField",
        message:
          "Bidang layanan Program Keluarga Harapan (PKH) sudah Jaminan sosial; pilih bidang lain untuk mengubahnya.",
      },
    ]);

    const log = await admin.get("/api/audit?targetType=catalog&targetId=pkh");
    expect(log.body.items.map((e: { action: string; by: string }) => [e.action, e.by])).toEqual(
      expect.arrayContaining([
        ["catalog.program-field", "manajer"],
        ["catalog.program-field", "admin"],
      ]),
    );
  });

  it("adds a kabupaten programme with its field, and changes it like any other", async () => {
    const added = await manajer.post("/api/catalog/programs", {
      name: "Bantuan Usaha Mikro Tegal",
      field: "ekonomi",
      serviceField: "pemberdayaan",
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      code: "bantuan-usaha-mikro-tegal",
      name: "Bantuan Usaha Mikro Tegal",
      field: "ekonomi",
      level: "kabupaten",
      serviceField: "pemberdayaan",
    });
    expect(await fieldOf("bantuan-usaha-mikro-tegal")).toBe("pemberdayaan");
    // The same name again: 409, naming the field the form marks.
    const again = await manajer.post("/api/catalog/programs", {
      name: "Bantuan Usaha Mikro Tegal",
      field: "ekonomi",
      serviceField: "jaminan",
    });
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toEqual([
      { field: "name", message: 'Program "Bantuan Usaha Mikro Tegal" sudah ada di katalog.' },
    ]);
    const changed = await setField(manajer, "bantuan-usaha-mikro-tegal", { serviceField: "jaminan" });
    expect(changed.body).toMatchObject({ level: "kabupaten", serviceField: "jaminan" });
    expect(await fieldOf("bantuan-usaha-mikro-tegal")).toBe("jaminan");
  });

  it("refuses a programme without a field, or with one outside the four, naming serviceField", async () => {
    const without = await manajer.post("/api/catalog/programs", {
      name: "Program Tanpa Bidang",
      field: "sosial",
    });
    expect(without.status).toBe(422);
    expect(without.body.error.fields).toEqual([
      { field: "serviceField", message: "Bidang layanan wajib diisi." },
    ]);
    const wrong = "Bidang layanan harus rehabilitasi, perlindungan, jaminan, atau pemberdayaan sosial.";
    const bad = await manajer.post("/api/catalog/programs", {
      name: "Program Hiburan",
      field: "sosial",
      serviceField: "hiburan",
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual([{ field: "serviceField", message: wrong }]);
    expect((await programs(manajer)).map((p) => p.code)).not.toContain("program-hiburan");

    for (const body of [{ serviceField: "hiburan" }, { serviceField: "" }, { serviceField: 3 }]) {
      const res = await setField(manajer, "pkh", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.fields, JSON.stringify(body)).toEqual([
        { field: "serviceField", message: wrong },
      ]);
    }
    const missing = await setField(manajer, "pkh", {});
    expect(missing.body.error.fields).toEqual([
      { field: "serviceField", message: "Bidang layanan wajib diisi." },
    ]);
    expect(await fieldOf("pkh")).toBe("jaminan");
  });

  it("lets only the roles that may change the catalog change a field", async () => {
    for (const client of [fo, bo, spv]) {
      const res = await setField(client, "kube", { serviceField: "jaminan" });
      expect(res.status).toBe(403);
    }
    expect((await setField(new Client("10.93.0.9"), "kube", { serviceField: "jaminan" })).status).toBe(401);
    expect(await fieldOf("kube")).toBe("pemberdayaan");
  });

  it("answers 404 for a programme the catalog does not have", async () => {
    const res = await setField(manajer, "program-tidak-ada", { serviceField: "jaminan" });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe("Program tidak ditemukan.");
    expect((await programs(manajer)).map((p) => p.code)).not.toContain("program-tidak-ada");
  });

  it("gives a referral approved afterwards the programme's current field", async () => {
    expect((await setField(manajer, "kis-pbi", { serviceField: "perlindungan" })).status).toBe(200);
    const c = await fo.post("/api/complaints", complaint({}, { nik: SITI.nik, name: SITI.name }));
    const created = await bo.post("/api/referrals", {
      id: randomUUID(),
      complaintId: c.body.id,
      reason: "Biaya operasi di luar kemampuan desa.",
      urgency: "segera",
      needs: "Jaminan kesehatan (PBI).",
      opds: ["dinas-kesehatan"],
      programs: ["kis-pbi"],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await spv.post(`/api/referrals/${id}/forward`, { version: 1 })).status).toBe(200);
    const approved = await manajer.post(`/api/referrals/${id}/approve`, {
      version: 2,
      opd: "dinas-kesehatan",
      program: "kis-pbi",
    });
    expect(approved.status).toBe(200);
    expect((await manajer.get(`/api/referrals/${id}`)).body.serviceField).toBe("perlindungan");
  });
});
