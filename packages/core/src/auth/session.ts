import { createHmac, randomBytes } from "node:crypto";
import { onWire } from "../aws/index.ts";
import { getItems } from "../db/batch.ts";
import { DeleteCommand, UpdateCommand } from "../db/commands.ts";
import type { UserActor } from "../actor/index.ts";
import { useConfig } from "../config/index.ts";
import { getItem, put, useDb, type Write } from "../db/index.ts";
import * as User from "../user/index.ts";
import { epochSeconds } from "../time/index.ts";

/**
 * Server-side sessions. The cookie holds a random token; the table holds only its HMAC under the
 * stack's session key, so neither a copy of the table nor write access to it lets anyone sign in. A session ends at sign-out, after the idle limit,
 * after the absolute limit, or when the user's `authVersion` moves (password change or reset,
 * deactivation).
 */
export interface SessionRecord {
  username: string;
  authVersion: number;
  createdAt: number;
  lastSeenAt: number;
  absoluteExpiresAt: number;
  /** TTL attribute: the earlier of the idle and absolute limits. */
  expiresAt: number;
  ip: string;
}

/** Refresh the idle deadline at most this often, to keep reads from turning into writes. */
const TOUCH_AFTER_SECONDS = 5 * 60;

export function sessionId(token: string): string {
  const key = useConfig().sessionKey;
  if (!key) throw new Error("Session key not configured");
  return createHmac("sha256", key).update(token).digest("base64url");
}
const key = (token: string) => ({ pk: `SESSION#${sessionId(token)}`, sk: "SESSION" });

export function newSession(
  user: User.UserRecord,
  ip: string,
): { token: string; put: Write; expiresAt: number } {
  const { session } = useConfig();
  // The username rides in the token so that the session and its user are read in one round trip
  // (resolve); the HMAC covers it, so an edited name finds no session.
  const token = `${randomBytes(32).toString("base64url")}~${user.username}`;
  const now = epochSeconds();
  const absoluteExpiresAt = now + session.absoluteSeconds;
  const record: SessionRecord = {
    username: user.username,
    authVersion: user.authVersion,
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt,
    expiresAt: Math.min(absoluteExpiresAt, now + session.idleSeconds),
    ip,
  };
  return {
    token,
    expiresAt: absoluteExpiresAt,
    put: put("session", { ...key(token), type: "session", ...record }),
  };
}

const TOKEN = /^[A-Za-z0-9_-]{43}(?:~([a-z0-9][a-z0-9._-]{2,31}))?$/;

// One read ahead at a time: a Lambda handles one event at a time. Under concurrent requests in one
// process (the local server never reads ahead) a `resolve` could take a read begun before it arrived.
let ahead: { token: string; records: ReturnType<typeof sessionAndUser> } | undefined;

/**
 * Starts reading a session's records before its request is handled, for the next `resolve` of the
 * same token to take. The Lambda's handler calls it before the web framework makes the request's
 * objects and waits for `sent`: on a cold start that first Request loads undici (about 10 ms of
 * CPU), which then runs while DynamoDB answers instead of before the read goes out. `drop` forgets a
 * read no `resolve` took (a request refused before its caller was looked up), so no later request
 * meets it.
 */
export function readAhead(token: string): { sent: Promise<void>; drop: () => void } | undefined {
  const named = TOKEN.exec(token)?.[1];
  if (!named) return undefined;
  const { result: records, written } = onWire(() => sessionAndUser(token, named));
  // A failed read is not lost: `resolve` awaits this same promise and throws it. Without a handler
  // here, a read dropped untaken would end the process as an unhandled rejection.
  records.then(undefined, () => undefined);
  const entry = { token, records };
  ahead = entry;
  return {
    sent: written,
    drop: () => {
      if (ahead === entry) ahead = undefined;
    },
  };
}

/**
 * The actor behind a session token, or undefined when the session is unknown or over. Takes the
 * token's read begun by `readAhead`, if one waits, instead of sending its own.
 */
export async function resolve(token: string, ip: string): Promise<UserActor | undefined> {
  const parts = TOKEN.exec(token);
  if (!parts) return undefined;
  const named = parts[1];
  const early = ahead?.token === token ? ahead.records : undefined;
  if (early) ahead = undefined;
  // A token from before the username rode in it (a session opened before an update) takes two reads.
  const [session, user] = named
    ? await (early ?? sessionAndUser(token, named))
    : await getItem<SessionRecord>(key(token)).then(
        async (found) => [found, found && (await User.load(found.username))] as const,
      );
  const now = epochSeconds();
  // TTL deletion is lazy (up to days on AWS), so expiry is checked here, not left to DynamoDB.
  if (!session || session.expiresAt <= now) return undefined;
  if (
    !user ||
    user.username !== session.username ||
    !user.active ||
    user.authVersion !== session.authVersion
  ) {
    await end(token);
    return undefined;
  }
  if (now - session.lastSeenAt >= TOUCH_AFTER_SECONDS) {
    const db = useDb();
    await db.doc
      .send(
        new UpdateCommand({
          TableName: db.table,
          Key: key(token),
          UpdateExpression: "SET lastSeenAt = :now, expiresAt = :exp",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: {
            ":now": now,
            ":exp": Math.min(session.absoluteExpiresAt, now + useConfig().session.idleSeconds),
          },
        }),
      )
      .catch((error: unknown) => {
        // A sign-out racing this refresh deleted the item; the next request will find no session.
        if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
      });
  }
  return {
    type: "user",
    username: user.username,
    name: user.name,
    role: user.role,
    scope: user.scope,
    ...(user.opd ? { opd: user.opd } : {}),
    mustChangePassword: user.mustChangePassword,
    ip,
    sessionId: sessionId(token),
  };
}

async function sessionAndUser(token: string, username: string) {
  const found: { pk: string }[] = await getItems([key(token), User.key(username)], true);
  const item = (prefix: string) => found.find((f) => f.pk.startsWith(prefix));
  return [
    item("SESSION#") as SessionRecord | undefined,
    item("USER#") as User.UserRecord | undefined,
  ] as const;
}

export async function end(token: string): Promise<void> {
  const db = useDb();
  await db.doc.send(new DeleteCommand({ TableName: db.table, Key: key(token) }));
}

export function deleteItem(token: string): Write {
  return { name: "session", item: { Delete: { TableName: useDb().table, Key: key(token) } } };
}
