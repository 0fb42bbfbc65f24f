import { generateKeyPairSync, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { freshTable, signedIn } from "../support/api.ts";

/**
 * A handover between two kabupaten, each with its own stack (here one after the other in the same
 * process: Kabupaten Tegal sends, Kabupaten Brebes receives). The file is signed by the sender's key and
 * checked against the public key the receiver registered beforehand.
 */
let sentFile = "";
let senderKey = "";
let caseId = "";

beforeAll(async () => {
  await freshTable();
});

describe("handing a client over to another kabupaten", () => {
  it("closes the sending case and gives a signed file with the case summary", async () => {
    const worker = await signedIn("peksos.slawi", undefined, "10.86.0.1");
    const opened = await worker.post("/api/cases", {
      id: randomUUID(),
      source: "penjangkauan",
      client: {
        name: "Darto",
        sex: "L",
        estimatedAge: 60,
        origin: "Mengaku dari Kecamatan Bumiayu, Brebes",
        ppks: "gelandangan",
      },
    });
    caseId = opened.body.id;
    await worker.post(`/api/cases/${caseId}/assess`, {
      version: 1,
      problems: "Terlantar di jalan, tidak punya tempat tinggal.",
      needs: "Dipulangkan ke keluarga di Brebes.",
    });
    const same = await worker.post(`/api/cases/${caseId}/hand-over`, {
      version: 2,
      toKabupatenCode: "33.28",
      receiver: "Dinas Sosial",
      reason: "Klien berasal dari kabupaten ini.",
    });
    expect(same.body.error.fields[0]).toMatchObject({ field: "toKabupatenCode" });
    // A name the form could not turn into a code, and nothing at all, each in its own words.
    for (const [typed, said] of [
      ["Brebes", 'Kabupaten tujuan "Brebes" belum menunjuk satu kabupaten/kota: pilih dari daftar'],
      ["", "Kabupaten tujuan wajib diisi."],
    ]) {
      const refused = await worker.post(`/api/cases/${caseId}/hand-over`, {
        version: 2,
        toKabupatenCode: typed,
        receiver: "Dinas Sosial",
        reason: "Klien berasal dari kabupaten itu.",
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.fields[0].field).toBe("toKabupatenCode");
      expect(refused.body.error.fields[0].message).toContain(said);
    }
    const out = await worker.post(`/api/cases/${caseId}/hand-over`, {
      version: 2,
      toKabupatenCode: "33.29",
      receiver: "Dinas Sosial Kabupaten Brebes",
      reason: "Klien berasal dari Brebes; keluarganya di Bumiayu.",
    });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({
      state: "diserahkan",
      handover: { toKabupatenCode: "33.29" },
      actions: [],
    });
    const file = await worker.get(`/api/cases/${caseId}/handover`);
    expect(file.body.file).toMatchObject({
      format: "puskesos-serah-terima/1",
      document: {
        from: { kabupatenCode: "33.28", workerName: "Fitri Handayani" },
        to: { kabupatenCode: "33.29", receiver: "Dinas Sosial Kabupaten Brebes" },
        client: { name: "Darto" },
        summary: { assessment: { problems: "Terlantar di jalan, tidak punya tempat tinggal." } },
      },
    });
    sentFile = file.body.text;
    expect(JSON.parse(sentFile)).toEqual(file.body.file);
    const manajer = await signedIn("manajer", undefined, "10.86.0.2");
    const keys = await manajer.get("/api/cases/handover-keys");
    expect(keys.body.own).toMatchObject({
      kabupatenCode: "33.28",
      keyId: file.body.file.document.from.keyId,
    });
    senderKey = keys.body.own.publicKey;
    expect(senderKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it("is refused by the receiving stack until the sender's key is trusted, and when a byte is changed", async () => {
    await freshTable({ kabupatenCode: "33.29" });
    const worker = await signedIn("peksos", undefined, "10.86.0.3");
    const manajer = await signedIn("manajer", undefined, "10.86.0.4");
    const unknown = await worker.post("/api/cases/import", { file: sentFile });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields[0].field).toBe("file");
    expect(unknown.body.error.message).toMatch(/belum terdaftar di sini sebagai pengirim tepercaya/);

    const badKey = await manajer.post("/api/cases/handover-keys", {
      kabupatenCode: "33.28",
      publicKey: "bukan kunci",
    });
    expect(badKey.body.error.fields[0]).toMatchObject({ field: "publicKey" });
    expect(
      (await worker.post("/api/cases/handover-keys", { kabupatenCode: "33.28", publicKey: senderKey }))
        .status,
    ).toBe(403);
    // Keys pasted from the wrong place: a private key (never stored), and this stack's own.
    const { privateKey } = generateKeyPairSync("ed25519");
    const secret = await manajer.post("/api/cases/handover-keys", {
      kabupatenCode: "33.28",
      publicKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    });
    expect(secret.status).toBe(422);
    expect(secret.body.error.fields[0]).toMatchObject({ field: "publicKey" });
    expect(secret.body.error.message).toMatch(/^Ini kunci privat, bukan kunci publik/);
    const ownKey = (await manajer.get("/api/cases/handover-keys")).body.own.publicKey;
    const mine = await manajer.post("/api/cases/handover-keys", {
      kabupatenCode: "33.28",
      publicKey: ownKey,
    });
    expect(mine.body.error.fields).toEqual([
      {
        field: "publicKey",
        message:
          "Ini kunci publik kabupaten ini sendiri, bukan kunci Kabupaten Tegal. Minta teks kunci dari admin Kabupaten Tegal.",
      },
    ]);
    const trusted = await manajer.post("/api/cases/handover-keys", {
      kabupatenCode: "33.28",
      publicKey: senderKey,
    });
    expect(trusted.status).toBe(201);
    expect(trusted.body.replacedKeyId).toBeUndefined();
    // The same key again, or for another kabupaten: a mix-up, refused on the key.
    for (const [kabupatenCode, said] of [
      ["33.28", "Kunci ini sudah terdaftar untuk Kabupaten Tegal."],
      ["33.76", "Kunci ini sudah terdaftar untuk Kabupaten Tegal. Setiap kabupaten punya kuncinya sendiri"],
    ]) {
      const again = await manajer.post("/api/cases/handover-keys", { kabupatenCode, publicKey: senderKey });
      expect(again.status).toBe(422);
      expect(again.body.error.fields[0].field).toBe("publicKey");
      expect(again.body.error.fields[0].message).toContain(said);
    }

    // One byte changed in the client's name.
    const altered = sentFile.replace('"name":"Darto"', '"name":"Dartu"');
    expect(altered.length).toBe(sentFile.length);
    expect(altered).not.toBe(sentFile);
    const refused = await worker.post("/api/cases/import", { file: altered });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/telah diubah sejak ditandatangani/);
    // Not even a space, or a number written another way, passes: the file must be the bytes that were signed.
    for (const respelled of [
      sentFile.replace('"format":', '"format": '),
      sentFile.replace('"estimatedAge":60', '"estimatedAge":60.0'),
    ]) {
      expect(respelled).not.toBe(sentFile);
      const answer = await worker.post("/api/cases/import", { file: respelled });
      expect(answer.body.error.message).toMatch(/telah diubah sejak ditandatangani/);
    }
    const resigned = JSON.parse(sentFile);
    resigned.signature = ` ${resigned.signature}`;
    expect((await worker.post("/api/cases/import", { file: JSON.stringify(resigned) })).status).toBe(422);
    // A sender's name of 40,000 characters with a direction mark: refused and logged in a few words.
    const padded = JSON.parse(sentFile);
    padded.document.from.kabupatenName = `\u202e${"Tegal".repeat(8_000)}`;
    const long = await worker.post("/api/cases/import", { file: JSON.stringify(padded) });
    expect(long.status).toBe(422);
    expect(long.body.error.message.length).toBeLessThan(400);
    expect(long.body.error.message).not.toContain("\u202e");
    const broken = await worker.post("/api/cases/import", { file: sentFile.slice(0, -2) });
    expect(broken.body.error.message).toBe(
      "Berkas serah terima rusak atau terpotong. Minta berkas asli dari pengirim.",
    );

    const imported = await worker.post("/api/cases/import", { file: `${sentFile}\n` });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      state: "asesmen",
      worker: "peksos",
      source: { kind: "serah-terima" },
      client: { name: "Darto", identityVerified: false },
    });
    expect(imported.body.id).not.toBe(caseId);
    const again = await worker.post("/api/cases/import", { file: sentFile });
    expect(again.status).toBe(409);
    expect(again.body.error.fields[0].field).toBe("file");
    expect(again.body.error.message).toMatch(
      /^Berkas ini sudah diimpor: kasus Darto, dibuka .+, ditangani Yusuf Maulana\./,
    );
    // Each refused file is in the log under the sender it claims, with the reason; the import too.
    const admin = await signedIn("admin", undefined, "10.86.0.5");
    const log = await admin.get("/api/audit?targetType=trusted-sender&targetId=33.28");
    const refusals = log.body.items.filter((e: { action: string }) => e.action === "case.import-refused");
    expect(refusals.map((e: { by: string }) => e.by)).toEqual(Array(refusals.length).fill("peksos"));
    expect(
      refusals.map((e: { summary: string }) => e.summary.replace(/^.* ditolak: /, "").slice(0, 30)),
    ).toEqual(expect.arrayContaining(["Kabupaten Tegal belum terdafta", "Berkas serah terima telah diub"]));
    // Unknown sender, one byte, two respellings, a changed signature, a long name; each logged briefly.
    expect(refusals).toHaveLength(6);
    for (const e of refusals) expect(e.summary.length).toBeLessThan(500);
    // No longer trusted: removed by the manajer (not the worker), logged, and gone from the list.
    expect((await worker.delete("/api/cases/handover-keys/33.28")).status).toBe(403);
    const removed = await manajer.delete("/api/cases/handover-keys/33.28");
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ kabupatenCode: "33.28", keyId: trusted.body.keyId });
    expect((await manajer.get("/api/cases/handover-keys")).body.senders).toEqual([]);
    expect((await manajer.delete("/api/cases/handover-keys/33.28")).status).toBe(404);
    // A mangled address, longer than any table key: not found, not a server error.
    expect((await manajer.delete(`/api/cases/handover-keys/${"3".repeat(1100)}`)).status).toBe(404);
    const untrusted = await admin.get("/api/audit?targetType=trusted-sender&targetId=33.28");
    expect(untrusted.body.items.map((e: { action: string }) => e.action)).toContain("handover.untrust");
    const opened = await worker.get(`/api/cases/${imported.body.id}`);
    expect(opened.body.entries[0]).toMatchObject({
      action: "open",
      data: { reason: "Klien berasal dari Brebes; keluarganya di Bumiayu." },
    });
  });
});
