import { beforeAll, describe, expect, it } from "vitest";
import { Throttle } from "@puskesos/core/auth";
import { freshTable } from "../support/api.ts";

const WINDOW_MS = Throttle.WINDOW_SECONDS * 1000;

beforeAll(() => freshTable());

describe("throttle windows", () => {
  it("still refuses right after a window boundary when the limit was reached just before it", async () => {
    const boundary = Math.ceil(Date.now() / WINDOW_MS) * WINDOW_MS + 10 * WINDOW_MS;
    const keys: Throttle.ThrottleKey[] = [{ kind: "user", value: "batas.jendela" }];
    for (let i = 0; i < Throttle.LIMITS.user; i++) await Throttle.record(keys, boundary - 500);
    await expect(Throttle.check(keys, boundary + 200)).rejects.toMatchObject({ code: "too_many_requests" });
    // Half a window later, half of the old failures still count: under the limit again.
    await expect(Throttle.check(keys, boundary + WINDOW_MS / 2 + 1000)).resolves.toBeUndefined();
  });
});
