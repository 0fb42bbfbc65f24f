import { key, load, type RequestRecord } from "../privacy/requests.ts";
import { ERASED, MASKED_NIK, unchanged, type Eraser } from "./erase.ts";

type Stored = RequestRecord & { anonymizedAt?: string };

/**
 * A resident's request made anonymous: the NIK (sealed), its hash and the link to the resident's access
 * report, the name, contact, what was asked and the answer go; the kind, state, the days it came in, was
 * due and was answered, and who answered stay, as the record that the kabupaten answered in time.
 */
export const requestEraser: Eraser<Stored> = {
  load,
  changedAt: (r) => r.updatedAt,
  erase: (r, at) => ({
    key: key(r.id),
    set: {
      name: ERASED,
      nikMasked: MASKED_NIK,
      detail: ERASED,
      ...(r.answer ? { answer: ERASED } : {}),
      anonymizedAt: at,
    },
    remove: ["nik", "nikh", "contact", "gsi3pk", "gsi3sk"],
    add: { version: 1 },
    expect: unchanged(r),
  }),
  // Nothing else holds its data: its audit entries are unlinked by the log's own period.
  followUp: async () => {},
};
