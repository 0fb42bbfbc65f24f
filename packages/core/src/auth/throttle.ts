import { BatchGetCommand, DeleteCommand, UpdateCommand } from "../db/commands.ts";
import { useDb } from "../db/index.ts";
import { AppError } from "../error/index.ts";
import { epochSeconds } from "../time/index.ts";

/**
 * Throttling in the table (Lambda instances share nothing else): failed sign-ins per username and
 * per address, public status lookups per address. Counts live in fixed 15-minute windows; the estimate weighs the previous
 * window by how much of it still overlaps the sliding window, so a burst cannot straddle a boundary.
 */
export const WINDOW_SECONDS = 15 * 60;
export const LIMITS = { user: 5, ip: 30, status: 30 } as const;
type Kind = keyof typeof LIMITS;

const MESSAGES: Record<Kind, string> = {
  user: "Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini.",
  ip: "Terlalu banyak percobaan masuk yang gagal dari alamat ini.",
  status: "Terlalu banyak pencarian status dari alamat ini.",
};

export interface ThrottleKey {
  kind: Kind;
  value: string;
}

const itemKey = (key: ThrottleKey, window: number) => ({
  pk: `THROTTLE#${key.kind}#${key.value}#${window}`,
  sk: "THROTTLE",
});

/** Refuses with 429 when any key has reached its limit. */
export async function check(keys: ThrottleKey[], now = Date.now()): Promise<void> {
  const db = useDb();
  const window = Math.floor(now / 1000 / WINDOW_SECONDS);
  const elapsed = (now / 1000 - window * WINDOW_SECONDS) / WINDOW_SECONDS;
  const out = await db.doc.send(
    new BatchGetCommand({
      RequestItems: {
        [db.table]: {
          Keys: keys.flatMap((key) => [itemKey(key, window), itemKey(key, window - 1)]),
          ProjectionExpression: "pk, failures",
          ConsistentRead: true,
        },
      },
    }),
  );
  const counts = new Map(
    (out.Responses?.[db.table] ?? []).map((item) => [item.pk as string, item.failures as number]),
  );
  for (const key of keys) {
    const current = counts.get(itemKey(key, window).pk) ?? 0;
    const previous = counts.get(itemKey(key, window - 1).pk) ?? 0;
    // Rounded up: right after a boundary the previous window still counts in full, never 29.97 of 30.
    const estimate = current + Math.ceil(previous * (1 - elapsed));
    if (estimate >= LIMITS[key.kind]) {
      const retryAfter = Math.ceil((1 - elapsed) * WINDOW_SECONDS);
      throw new AppError(
        "too_many_requests",
        `${MESSAGES[key.kind]} Coba lagi dalam ${Math.ceil(retryAfter / 60)} menit.`,
        { retryAfter },
      );
    }
  }
}

/** Counts one attempt (a failed sign-in, a status lookup) against each key. */
export async function record(keys: ThrottleKey[], now = Date.now()): Promise<void> {
  const db = useDb();
  const window = Math.floor(now / 1000 / WINDOW_SECONDS);
  await Promise.all(
    keys.map((key) =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: itemKey(key, window),
          UpdateExpression: "ADD failures :one SET expiresAt = :ttl",
          ExpressionAttributeValues: { ":one": 1, ":ttl": epochSeconds(now) + 2 * WINDOW_SECONDS },
        }),
      ),
    ),
  );
}

/** After a successful sign-in the username's count starts over; the address's does not. */
export async function clear(key: ThrottleKey, now = Date.now()): Promise<void> {
  const db = useDb();
  const window = Math.floor(now / 1000 / WINDOW_SECONDS);
  await Promise.all(
    [window, window - 1].map((w) =>
      db.doc.send(new DeleteCommand({ TableName: db.table, Key: itemKey(key, w) })),
    ),
  );
}
