import { createSignal } from "solid-js";
import type { Indicator } from "@puskesos/core/indicator/schema";
import type { ProposalView } from "@puskesos/core/proposal/schema";
import { api, call } from "./api.ts";
import { desaNames } from "./regions.ts";
import { sealedStore, type SealedStore } from "./sealed-store.ts";
import { me } from "./session.ts";
import { today } from "./time.ts";

/**
 * The day's field visits the surveyor takes along (DESIGN §7, §3.9): only what the visit needs of each
 * scheduled proposal (where, who, the F1 as proposed, the version the result answers) and the
 * kabupaten's active indicators, so the verval form works without a connection. Kept like the outbox:
 * the signed-in user's own IndexedDB database, the residents' data sealed (sealed-store.ts). A visit
 * goes once the server has received its result, and everything goes at sign-out.
 */
export interface Visit {
  kind: "visit";
  /** The proposal's id. */
  id: string;
  version: number;
  desaCode: string;
  desaName: string;
  address: ProposalView["address"];
  members: ProposalView["members"];
  houseCondition: string;
  incomeSource: string;
  assets: string[];
  notes?: string | undefined;
  visitDate: string;
  officers: string[];
  /** The proposal's creation: a visit date before it is refused. */
  createdAt: string;
}

interface Indicators {
  kind: "indicators";
  id: typeof INDICATORS;
  list: Indicator[];
}

type Kept = Visit | Indicators;

const INDICATORS = "indicators";
const CLEAR = ["id", "kind"] as const;
type Store = SealedStore<Kept, (typeof CLEAR)[number]>;

const stores = new Map<string, Store>();
function storeOf(owner: string): Store {
  let store = stores.get(owner);
  if (!store) stores.set(owner, (store = sealedStore<Kept, (typeof CLEAR)[number]>("visits", owner, CLEAR)));
  return store;
}
function mine(): Store {
  const username = me()?.username;
  if (!username) throw new Error("Kunjungan: tidak ada pengguna yang masuk.");
  return storeOf(username);
}

const [visits, setVisits] = createSignal<Visit[]>([]);
const [indicators, setIndicators] = createSignal<Indicator[]>([]);
export { indicators as keptIndicators, visits as keptVisits };

/** Reads what the signed-in user keeps on this device. */
export async function loadVisits(): Promise<void> {
  const all = await mine().all();
  setVisits(
    all
      .filter((k): k is Visit => k.kind === "visit")
      .sort((a, b) => a.desaName.localeCompare(b.desaName) || a.address.rt.localeCompare(b.address.rt)),
  );
  setIndicators(all.find((k): k is Indicators => k.kind === "indicators")?.list ?? []);
}

/** Every page of a list the API answers with cursors. */
async function allScheduled(visitDate: string): Promise<ProposalView[]> {
  const items: ProposalView[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(api.proposals.$get({ query: { visitDate, ...(cursor ? { cursor } : {}) } }));
    items.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return items;
}

/**
 * "Bawa kunjungan hari ini": the visits scheduled for today in the kabupaten replace those kept, except
 * the ones whose result still waits in the outbox (`waiting`), which stay until the server has it.
 */
export async function takeToday(waiting: ReadonlySet<string>): Promise<number> {
  const day = today();
  const [scheduled, active, tree] = await Promise.all([
    allScheduled(day),
    call(api.indicators.$get()),
    call(api.regions.$get()),
  ]);
  const store = mine();
  const due = scheduled.filter((p) => p.actions.includes("verify") && !waiting.has(p.id));
  const { forgetDraft } = await import("./draft.ts");
  for (const kept of await store.peek())
    if (kept.kind === "visit" && !waiting.has(kept.id)) {
      await store.del(kept.id);
      // A visit no longer scheduled today takes its half-typed result with it (no resident's data left behind).
      if (!due.some((p) => p.id === kept.id)) await forgetDraft(me()!.username, draftKey(kept.id));
    }
  for (const p of due)
    await store.put({
      kind: "visit",
      id: p.id,
      version: p.version,
      desaCode: p.desaCode,
      desaName: desaNames(tree, p.desaCode).desa,
      address: p.address,
      members: p.members,
      houseCondition: p.houseCondition,
      incomeSource: p.incomeSource,
      assets: p.assets,
      notes: p.notes,
      visitDate: p.schedule?.visitDate ?? day,
      officers: p.schedule?.officers ?? [],
      createdAt: p.createdAt,
    });
  await store.put({ kind: "indicators", id: INDICATORS, list: active.filter((i) => i.active) });
  await loadVisits();
  return due.length;
}

/** The key of a visit's verval draft (form-draft.tsx, verify-form.tsx). */
export const draftKey = (proposalId: string) => `verval:${proposalId}`;

/** Drops one visit and its draft (its result was received, or the surveyor removes it). */
export async function forgetVisit(proposalId: string, owner = me()?.username): Promise<void> {
  if (!owner) return;
  const store = storeOf(owner);
  await store.del(proposalId);
  await (await import("./draft.ts")).forgetDraft(owner, draftKey(proposalId));
  if (owner === me()?.username) setVisits(visits().filter((v) => v.id !== proposalId));
  if (!(await store.peek()).some((k) => k.kind === "visit")) {
    await store.del(INDICATORS);
    await store.dropKey();
    if (owner === me()?.username) setIndicators([]);
  }
}

/** At sign-out every visit the user took along goes, with its key. */
export async function forgetAll(owner: string): Promise<void> {
  setVisits([]);
  setIndicators([]);
  // Opening a store makes its database: a user who never took visits along gets none.
  const name = `puskesos.visits.${owner}`;
  const exists =
    stores.has(owner) ||
    typeof indexedDB.databases !== "function" ||
    (await indexedDB.databases()).some((db) => db.name === name);
  if (!exists) return;
  const store = storeOf(owner);
  for (const kept of await store.peek()) await store.del(kept.id);
  await store.dropKey();
}
