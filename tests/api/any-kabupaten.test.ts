import { beforeAll, describe, expect, it } from "vitest";
import * as Demo from "@puskesos/core/demo";
import { startLocal } from "@puskesos/functions/local";
import { Client, DEMO_PASSWORD, freshTable, signedIn } from "../support/api.ts";
import { complaint, WATI } from "../support/residents.ts";

/**
 * The app outside Kabupaten Tegal: a kota of kelurahan only in WITA and a kota in WIT. The demo
 * users are placed in the kota's own kecamatan and desa (demo/users.ts), sign in and work there.
 */
const KOTA = [
  {
    code: "73.71",
    name: "Kota Makassar",
    zone: "Asia/Makassar",
    home: "fo.bontorannu",
    place: "Kelurahan Bontorannu",
    spv: "spv.mariso",
    villages: "kelurahan",
  },
  {
    code: "91.71",
    name: "Kota Jayapura",
    zone: "Asia/Jayapura",
    home: "fo.kayobatu",
    place: "Desa Kayo Batu",
    spv: "spv.jayapurautara",
    villages: "desa/kelurahan",
  },
] as const;

const inside = (kota: string, code: string) => code === kota || code.startsWith(`${kota}.`);

for (const [k, kota] of KOTA.entries()) {
  describe(`${kota.name} (${kota.code})`, () => {
    let demo: Demo.DemoUser[];
    const clients = new Map<string, Client>();

    beforeAll(async () => {
      await freshTable({ kabupatenCode: kota.code });
      demo = await Demo.users();
      for (const [i, user] of demo.entries())
        clients.set(user.username, await signedIn(user.username, undefined, `10.90.${k}.${i}`));
    });

    it("signs every demo user in, each with its scope inside the kota", async () => {
      expect(demo.map((u) => u.username)).toContain(kota.home);
      expect(demo.map((u) => u.username)).toContain(kota.spv);
      for (const user of demo) {
        const me = await clients.get(user.username)!.get("/api/auth/me");
        expect(me.status, user.username).toBe(200);
        expect(me.body).toMatchObject({ username: user.username, role: user.role, scope: user.scope });
        expect(me.body.scopeName).toBe(user.scopeName);
        expect(inside(kota.code, me.body.scope.code), user.username).toBe(true);
      }
    });

    it("lets the home front office take a queue number and register a complaint in its own desa", async () => {
      const fo = clients.get(kota.home)!;
      const desa = demo.find((u) => u.username === kota.home)!.scope.code;
      const ticket = await fo.post("/api/queue");
      expect(ticket.status).toBe(201);
      expect(ticket.body).toMatchObject({ number: 1, office: desa });
      expect(ticket.body.day).toBe(
        new Intl.DateTimeFormat("en-CA", { timeZone: kota.zone }).format(new Date()),
      );
      const res = await fo.post("/api/complaints", complaint({ queueNumber: 1 }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ desaCode: desa, state: "diteruskan", dpm: { found: false } });
      expect((await fo.get(`/api/complaints/${res.body.id}`)).status).toBe(200);
      // A kelurahan is named as one to its resident, not as a desa.
      const status = await new Client(`10.91.${k}.1`).post("/api/status", {
        code: res.body.trackingCode,
        nikLast4: WATI.nik.slice(-4),
      });
      expect(status.body.desa).toBe(kota.place);
    });

    it("calls the kota's villages by their kind in its dashboard, its reports and their files", async () => {
      const manajer = clients.get("manajer")!;
      const month = new Intl.DateTimeFormat("en-CA", { timeZone: kota.zone }).format(new Date()).slice(0, 7);
      const dash = await manajer.get(`/api/reports/dashboard?period=${month}`);
      expect(dash.status).toBe(200);
      expect(dash.body.area).toMatchObject({ code: kota.code, villages: kota.villages });
      const file = await manajer.get(
        `/api/reports/dashboard/file?${new URLSearchParams({ period: month, format: "csv" })}`,
      );
      expect(file.status).toBe(200);
      const csv = file.body as string;
      expect(csv).toContain(`Dasbor Puskesos;${kota.name}`);
      expect(csv).toContain(`Diselesaikan di ${kota.villages}`);
      const home = demo.find((u) => u.username === kota.home)!.scope.code;
      const monthly = await manajer.get(`/api/reports/monthly?month=${month}&desa=${home}`);
      expect(monthly.status).toBe(200);
      const kind = kota.place.startsWith("Kelurahan") ? "kelurahan" : "desa";
      expect(monthly.body.desaKind).toBe(kind);
      const sheet = await manajer.get(
        `/api/reports/monthly/file?${new URLSearchParams({ month, desa: home, format: "csv" })}`,
      );
      expect(sheet.status).toBe(200);
      const text = sheet.body as string;
      expect(text).toContain(`Laporan bulanan Puskesos;${kota.place}, Kec.`);
      expect(text).toContain(`Kode ${kind};`);
      expect(text).toContain(`Diselesaikan di ${kind};`);
    });

    it("shows a supervisor its own kecamatan only, and the manager the whole kota in its zone", async () => {
      const kecamatan = demo.find((u) => u.username === kota.spv)!.scope.code;
      const spv = await clients.get(kota.spv)!.get("/api/regions");
      expect(spv.status).toBe(200);
      expect(spv.body.kecamatan.map((kec: { code: string }) => kec.code)).toEqual([kecamatan]);
      const manajer = await clients.get("manajer")!.get("/api/regions");
      expect(manajer.body).toMatchObject({ code: kota.code, name: kota.name, timeZone: kota.zone });
      expect(manajer.body.kecamatan.length).toBeGreaterThan(1);
      const home = demo.find((u) => u.username === kota.home)!.scope.code;
      expect((await clients.get(kota.spv)!.get(`/api/regions/${home}`)).status).toBe(200);
      const second = demo.find((u) => u.role === "supervisor" && u.username !== kota.spv)!;
      expect((await clients.get(kota.spv)!.get(`/api/regions/${second.scope.code}`)).status).toBe(404);
    });
  });
}

describe("the local server (npm start)", () => {
  it("starts for KABUPATEN_CODE=73.71 and signs the home front office in over HTTP", async () => {
    const server = await startLocal({
      port: 0,
      dataDir: undefined,
      webDir: undefined,
      seedDemo: true,
      config: { kabupatenCode: "73.71" },
    });
    try {
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ username: "fo.bontorannu", password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).user).toMatchObject({
        username: "fo.bontorannu",
        scope: { level: "desa", code: "73.71.01.1001" },
        scopeName: "Kelurahan Bontorannu",
      });
    } finally {
      await server.close();
    }
  });

  it("refuses an unknown kabupaten code before starting anything, naming it and where codes come from", async () => {
    const start = startLocal({
      port: 0,
      dataDir: undefined,
      webDir: undefined,
      seedDemo: true,
      config: { kabupatenCode: "99.99" },
    });
    await expect(start).rejects.toThrow(
      'Kode kabupaten/kota "99.99" (KABUPATEN_CODE) tidak dikenal. Kode yang berlaku adalah kode wilayah Kemendagri dari data idn-area-data',
    );
  });
});
