import { beforeAll, describe, expect, it } from "vitest";
import { Client, freshTable, signedIn } from "../support/api.ts";
import { complaint } from "../support/residents.ts";

/**
 * Registering a complaint from the ticket being served finishes that ticket and ties it to the
 * complaint, in the same write; any other number (waiting, another office's, an offline provisional
 * one, none at all) is kept on the complaint and moves nothing.
 */

let fo: Client;
let other: Client;

const ticket = async (client: Client, number: number) =>
  (await client.get("/api/queue")).body.tickets.find((t: { number: number }) => t.number === number);

beforeAll(async () => {
  await freshTable();
  fo = await signedIn("fo.kalisapu", undefined, "10.95.0.1");
  other = await signedIn("fo.pagiyanten", undefined, "10.95.0.2");
});

describe("registering from a queue ticket", () => {
  it("finishes the ticket being served and records the complaint on it", async () => {
    const taken = await fo.post("/api/queue");
    expect(taken.status).toBe(201);
    expect((await fo.post(`/api/queue/${taken.body.number}/call`)).body.state).toBe("dilayani");
    const body = complaint({ queueNumber: taken.body.number });
    const res = await fo.post("/api/complaints", body);
    expect(res.status).toBe(201);
    expect(res.body.queueNumber).toBe(taken.body.number);
    expect(await ticket(fo, taken.body.number)).toMatchObject({
      state: "selesai",
      complaintId: body.id,
      actions: [],
    });
    const counts = (await fo.get("/api/queue")).body.counts;
    expect(counts).toMatchObject({ dilayani: 0, selesai: 1 });

    // The outbox sends the same registration again: the same complaint, and no refusal.
    const again = await fo.post("/api/complaints", body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(body.id);
    expect(await ticket(fo, taken.body.number)).toMatchObject({ state: "selesai", complaintId: body.id });
  });

  it("moves nothing for a number that is not a ticket being served in the caller's office today", async () => {
    const waiting = (await fo.post("/api/queue")).body.number as number;
    const res = await fo.post("/api/complaints", complaint({ queueNumber: waiting }));
    expect(res.status).toBe(201);
    expect(await ticket(fo, waiting)).toMatchObject({ state: "menunggu" });
    expect((await ticket(fo, waiting)).complaintId).toBeUndefined();

    // A provisional number from a device that was offline: no such ticket, still accepted.
    expect((await fo.post("/api/complaints", complaint({ queueNumber: 9999 }))).status).toBe(201);

    // Another office's ticket being served keeps its state when Kalisapu uses its number.
    const elsewhere = (await other.post("/api/queue")).body.number as number;
    await other.post(`/api/queue/${elsewhere}/call`);
    const own = await ticket(fo, elsewhere);
    const registered = await fo.post("/api/complaints", complaint({ queueNumber: elsewhere }));
    expect(registered.status).toBe(201);
    expect(await ticket(other, elsewhere)).toMatchObject({ state: "dilayani" });
    expect((await ticket(other, elsewhere)).complaintId).toBeUndefined();
    // Kalisapu's own ticket of that number (waiting) did not move either.
    expect(await ticket(fo, elsewhere)).toMatchObject({ state: own.state });
  });

  it("registers twice at once from one served ticket as one complaint", async () => {
    const number = (await fo.post("/api/queue")).body.number as number;
    await fo.post(`/api/queue/${number}/call`);
    const body = complaint({ queueNumber: number });
    const [a, b] = await Promise.all([fo.post("/api/complaints", body), fo.post("/api/complaints", body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(await ticket(fo, number)).toMatchObject({ state: "selesai", complaintId: body.id });
  });

  it("still registers when the ticket was finished by hand in between", async () => {
    const number = (await fo.post("/api/queue")).body.number as number;
    await fo.post(`/api/queue/${number}/call`);
    await fo.post(`/api/queue/${number}/finish`);
    const res = await fo.post("/api/complaints", complaint({ queueNumber: number }));
    expect(res.status).toBe(201);
    expect(await ticket(fo, number)).toMatchObject({ state: "selesai" });
    expect((await ticket(fo, number)).complaintId).toBeUndefined();
  });
});
