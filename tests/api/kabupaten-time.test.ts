import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Demo from "@puskesos/core/demo";
import { Client, freshTable, signedIn } from "../support/api.ts";
import { complaint, dpmCsv, referral, SITI, WATI } from "../support/residents.ts";

/**
 * Days, months and years are the kabupaten's own (WITA, WIT), never UTC and never a fixed +07:00:
 * the queue day, due dates, "overdue", the letter number's month and year and its yearly counter,
 * each checked a minute either side of local midnight, of a month's end and of a year's end, at
 * instants where the UTC day (the Lambda's clock) and WIB's day are still the other side.
 */
const ZONES = [
  { code: "73.71", name: "Kota Makassar (WITA)", offsetHours: 8, tz: "Asia/Makassar" },
  { code: "91.71", name: "Kota Jayapura (WIT)", offsetHours: 9, tz: "Asia/Jayapura" },
];

/** The instant of a local wall-clock time in a zone `offsetHours` ahead of UTC. */
const localInstant = (offsetHours: number, local: string) =>
  new Date(Date.parse(`${local}Z`) - offsetHours * 3_600_000);

afterAll(() => vi.useRealTimers());

for (const zone of ZONES) {
  describe(zone.name, () => {
    let users: Demo.DemoUser[];
    /** The first demo user of a role: for the front office, the home desa's. */
    const named = (role: string) => users.find((u) => u.role === role)!;
    let home: string;
    const at = (local: string) => vi.setSystemTime(localInstant(zone.offsetHours, local));
    /** Signs in again after the clock jumped (sessions end after 12 hours). */
    const as = async (role: string) =>
      signedIn(named(role).username, undefined, `10.80.${zone.offsetHours}.${role.length}`);

    beforeAll(async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      at("2026-11-30T12:00:00");
      await freshTable({ kabupatenCode: zone.code });
      users = await Demo.users();
      home = users.find((u) => u.role === "front-office")!.scope.code;
      const admin = await as("admin");
      const imported = await admin.request("PUT", `/api/dpm/${home}`, dpmCsv([SITI]), {
        "content-type": "text/csv",
      });
      expect(imported.status).toBe(200);
    });

    it("starts the queue over at local midnight, not at UTC's or WIB's", async () => {
      at("2026-12-31T23:59:30");
      let fo = await as("front-office");
      const before = await fo.post("/api/queue");
      expect(before.body).toMatchObject({ day: "2026-12-31" });
      const lastOfYear = before.body.number;
      at("2027-01-01T00:00:30");
      // Here UTC (and WIB) still read 31 December.
      expect(new Date().toISOString().slice(0, 10)).toBe("2026-12-31");
      fo = await as("front-office");
      const after = await fo.post("/api/queue");
      expect(after.body).toMatchObject({ day: "2027-01-01", number: 1 });
      const queue = await fo.get("/api/queue");
      expect(queue.body.day).toBe("2027-01-01");
      expect(queue.body.tickets.map((t: { number: number }) => t.number)).toEqual([1]);
      // Yesterday's number is not today's.
      expect(lastOfYear).toBeGreaterThanOrEqual(1);
      const complaintToday = await fo.post("/api/complaints", complaint({ queueNumber: 1 }));
      expect(complaintToday.body.queueDay).toBe("2027-01-01");
      // The resident's status page names the kabupaten's zone, so a phone set to WIB reads local dates.
      const status = await new Client(`10.81.${zone.offsetHours}.1`).post("/api/status", {
        code: complaintToday.body.trackingCode,
        nikLast4: WATI.nik.slice(-4),
      });
      expect(status.body).toMatchObject({ registeredOn: "2027-01-01", timeZone: zone.tz });
    });

    it("takes a resident's request dated today a minute after local midnight, overdue only from the local day after its due day", async () => {
      at("2027-02-01T00:00:30");
      // UTC (and WIB) still read 31 January: a server day would refuse "today" as a future date.
      expect(new Date().toISOString().slice(0, 10)).toBe("2027-01-31");
      const id = randomUUID();
      const made = await (
        await as("pelindungan-data")
      ).post("/api/privacy/requests", {
        id,
        kind: "akses",
        nik: SITI.nik,
        name: SITI.name,
        detail: "Siapa saja yang membuka data saya?",
        receivedOn: "2027-02-01",
      });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ receivedOn: "2027-02-01", dueOn: "2027-02-04", overdue: false });
      const overdue = async () => {
        const open = await (await as("pelindungan-data")).get("/api/privacy/requests");
        return open.body.items.find((r: { id: string }) => r.id === id)?.overdue;
      };
      // The last minute of the due day, local time: not yet overdue, though UTC's day is already the 4th.
      at("2027-02-04T23:59:30");
      expect(await overdue()).toBe(false);
      // A minute into the 5th, local time: overdue, though UTC and WIB still read the 4th.
      at("2027-02-05T00:00:30");
      expect(new Date().toISOString().slice(0, 10)).toBe("2027-02-04");
      expect(await overdue()).toBe(true);
    });

    /** A complaint of a resident in the DPM, referred by the back office, as of the current clock. */
    async function referred() {
      const fo = await as("front-office");
      const c = await fo.post("/api/complaints", complaint({}, { nik: SITI.nik, name: SITI.name }));
      expect(c.body.state).toBe("diteruskan");
      const bo = await as("back-office");
      const r = await bo.post("/api/referrals", referral(c.body.id));
      expect(r.status).toBe(201);
      return r.body as { id: string; dueAt: string; version: number };
    }

    it("gives due dates as the end of a local day, and counts overdue from the local clock", async () => {
      at("2026-11-30T23:59:30");
      const r = await referred();
      // Supervisor: 3 days; due at the end of 3 December, local time.
      expect(r.dueAt).toBe(localInstant(zone.offsetHours, "2026-12-03T23:59:59.999").toISOString());
      at("2026-12-03T23:59:00");
      let spv = await as("supervisor");
      let view = (await spv.get(`/api/referrals/${r.id}`)).body;
      expect(view.overdue).toBe(false);
      at("2026-12-04T00:00:30");
      expect(new Date().toISOString().slice(0, 10)).toBe("2026-12-03");
      spv = await as("supervisor");
      view = (await spv.get(`/api/referrals/${r.id}`)).body;
      expect(view.overdue).toBe(true);
      expect((await spv.get("/api/referrals/inbox")).body.overdue).toBeGreaterThanOrEqual(1);
      // And the manager may now decide it in the supervisor's place.
      const manajer = await as("manajer");
      expect(view.actions).toEqual(["forward", "return-to-desa"]);
      const forManager = (await manajer.get(`/api/referrals/${r.id}`)).body;
      expect(forManager.actions).toEqual(["approve", "reject"]);
    });

    it("numbers letters by the local month and year, starting again at 0001 in a new local year", async () => {
      const approve = async (dueDate?: string) => {
        const r = await referred();
        const spv = await as("supervisor");
        const forwarded = await spv.post(`/api/referrals/${r.id}/forward`, { version: 1 });
        expect(forwarded.status).toBe(200);
        const manajer = await as("manajer");
        return manajer.post(`/api/referrals/${r.id}/approve`, {
          version: 2,
          opd: "dinas-kesehatan",
          program: "kis-pbi",
          ...(dueDate ? { dueDate } : {}),
        });
      };
      at("2026-11-30T23:59:30");
      const november = await approve();
      expect(november.body.letterNumber).toMatch(new RegExp(`^\\d{4}/SLRT-${zone.code}/XI/2026$`));
      at("2026-12-01T00:00:30");
      expect(new Date().toISOString().slice(0, 7)).toBe("2026-11");
      const december = await approve();
      expect(december.body.letterNumber).toMatch(new RegExp(`/SLRT-${zone.code}/XII/2026$`));
      expect(Number(december.body.letterNumber.split("/")[0])).toBe(
        Number(november.body.letterNumber.split("/")[0]) + 1,
      );
      at("2026-12-31T23:59:30");
      const lastOfYear = await approve("2027-01-05");
      expect(lastOfYear.body.letterNumber).toMatch(new RegExp(`/SLRT-${zone.code}/XII/2026$`));
      // The manager's own due day is the end of that local day.
      expect(lastOfYear.body.dueAt).toBe(
        localInstant(zone.offsetHours, "2027-01-05T23:59:59.999").toISOString(),
      );
      at("2027-01-01T00:00:30");
      expect(new Date().toISOString().slice(0, 4)).toBe("2026");
      const firstOfYear = await approve();
      expect(firstOfYear.body.letterNumber).toBe(`0001/SLRT-${zone.code}/I/2027`);
      // 31 December is already past here, although UTC still reads it as today.
      const past = await approve("2026-12-31");
      expect(past.status).toBe(422);
      expect(past.body.error.fields).toEqual([
        { field: "dueDate", message: "Batas waktu tidak boleh di masa lalu." },
      ]);
    });
  });
}
