import { createStore, del, entries, get, set, update, type UseStore } from "idb-keyval";
import { canSeal } from "./id.ts";

/**
 * One user's own IndexedDB database (`puskesos.<name>.<username>`) whose records keep a few fields in
 * clear (what lists and counts need: ids, states, times) and the rest sealed with AES-GCM.
 *
 * The key is made on this device for this user, non-extractable, and kept in the same database, so the
 * app can send the user's records in any tab after any restart, online or not. What that protects and
 * what it does not:
 * - the app opens only the signed-in user's database: another user's screens never list, show or send
 *   these records;
 * - the resident's data is not in plain sight (devtools' storage view, a copy of the records);
 * - it is NOT a secret from someone who can run scripts in this browser profile: the key is beside the
 *   data. Real protection needs a secret the user brings at each sign-in (a key wrapped with one derived
 *   from the password) or a per-user key from the server; neither reaches this package today.
 */
const KEY = "#key";

type Sealed = { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };
type Stored<Clear> = { clear: Clear; sealed: Sealed };

export interface SealedStore<T extends { id: string }, Clear extends keyof T> {
  readonly owner: string;
  get(id: string): Promise<T | undefined>;
  put(item: T): Promise<void>;
  /** Every record, opened; a record that cannot be opened (key lost) is left out. */
  all(): Promise<T[]>;
  /** The clear fields of every record, without opening any. */
  peek(): Promise<Pick<T, Clear>[]>;
  del(id: string): Promise<void>;
  /** Drops the key once nothing sealed with it is left. */
  dropKey(): Promise<void>;
}

export function sealedStore<T extends { id: string }, Clear extends keyof T>(
  name: string,
  owner: string,
  clearFields: readonly Clear[],
): SealedStore<T, Clear> {
  if (!canSeal()) return pageStore(owner, clearFields);
  const store: UseStore = createStore(`puskesos.${name}.${owner}`, name);
  let key: Promise<CryptoKey> | undefined;
  const keyOf = () =>
    (key ??= (async () => {
      const made = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, [
        "encrypt",
        "decrypt",
      ]);
      // Two tabs may make one at once: the first stored wins and both use it.
      await update<CryptoKey>(KEY, (stored) => stored ?? made, store);
      return (await get<CryptoKey>(KEY, store))!;
    })());

  const seal = async (item: T): Promise<Stored<Pick<T, Clear>>> => {
    const clear = {} as Pick<T, Clear>;
    const secret: Partial<T> = { ...item };
    for (const field of clearFields) {
      clear[field] = item[field];
      delete secret[field];
    }
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = new TextEncoder().encode(JSON.stringify(secret));
    return {
      clear,
      sealed: { iv, data: await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await keyOf(), plain) },
    };
  };

  const open = async (stored: Stored<Pick<T, Clear>>): Promise<T | undefined> => {
    try {
      const { iv, data } = stored.sealed;
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv }, await keyOf(), data);
      return { ...(JSON.parse(new TextDecoder().decode(plain)) as Partial<T>), ...stored.clear } as T;
    } catch (error) {
      console.warn("catatan di perangkat tidak dapat dibuka", error);
      return undefined;
    }
  };

  const records = async () =>
    (await entries<string, Stored<Pick<T, Clear>>>(store)).filter(([id]) => id !== KEY).map(([, r]) => r);

  return {
    owner,
    get: async (id) => {
      const stored = await get<Stored<Pick<T, Clear>>>(id, store);
      return stored && open(stored);
    },
    put: async (item) => set(item.id, await seal(item), store),
    all: async () => {
      const opened: T[] = [];
      for (const record of await records()) {
        const item = await open(record);
        if (item) opened.push(item);
      }
      return opened;
    },
    peek: async () => (await records()).map((r) => r.clear),
    del: (id) => del(id, store),
    dropKey: async () => {
      if ((await records()).length) return;
      key = undefined;
      await del(KEY, store);
    },
  };
}

/**
 * Where nothing can be sealed (a plain-http address: no Web Crypto), records are kept in this page's
 * memory only, never in clear on the device: they are gone when the tab closes (the layout says so).
 */
function pageStore<T extends { id: string }, Clear extends keyof T>(
  owner: string,
  clearFields: readonly Clear[],
): SealedStore<T, Clear> {
  const records = new Map<string, T>();
  const clearOf = (item: T) => {
    const clear = {} as Pick<T, Clear>;
    for (const field of clearFields) clear[field] = item[field];
    return clear;
  };
  return {
    owner,
    get: async (id) => records.get(id),
    put: async (item) => void records.set(item.id, structuredClone(item)),
    all: async () => [...records.values()],
    peek: async () => [...records.values()].map(clearOf),
    del: async (id) => void records.delete(id),
    dropKey: async () => undefined,
  };
}
