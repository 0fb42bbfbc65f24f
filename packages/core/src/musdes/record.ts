import { getItem } from "../db/index.ts";
import { isUuid } from "../validation/fields.ts";
import type { MusdesView } from "./schema.ts";

export type MusdesRecord = MusdesView;

export const key = (id: string) => ({ pk: `MUSDES#${id}`, sk: "MUSDES" });

export const load = async (id: string) => (isUuid(id) ? getItem<MusdesRecord>(key(id)) : undefined);

/** A desa's musdes by date (index gsi1). */
export const desaIndex = (desa: string) => `MUSDES#${desa}`;
