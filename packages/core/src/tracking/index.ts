import { GetCommand } from "@aws-sdk/lib-dynamodb";
import * as v from "valibot";
import { describe, use } from "../actor/index.ts";
import { Throttle } from "../auth/index.ts";
import { categoryName } from "../catalog/schema.ts";
import * as Complaint from "../complaint/index.ts";
import { COMPLAINT_STATE_LABELS } from "../complaint/schema.ts";
import { useDb } from "../db/index.ts";
import { AppError } from "../error/index.ts";
import * as Region from "../region/index.ts";
import { parse } from "../validation/index.ts";

/**
 * The resident's public status page: the receipt's tracking code and the last four digits of the NIK
 * give the complaint's state and nothing personal. Lookups are counted per address (30 per 15 min).
 */
export const StatusQuerySchema = v.strictObject(
  {
    code: v.pipe(
      v.string("Kode pelacakan harus berupa teks."),
      v.title("Kode pelacakan"),
      v.trim(),
      v.toUpperCase(),
      v.transform((s) => s.replace(/[^A-Z0-9]/g, "")),
      v.regex(/^[A-Z0-9]{8}$/, "Kode pelacakan terdiri dari 8 huruf/angka, mis. K7MP-2QXD."),
      v.transform((s) => `${s.slice(0, 4)}-${s.slice(4)}`),
    ),
    nikLast4: v.pipe(
      v.string("4 angka terakhir NIK harus berupa teks."),
      v.title("4 angka terakhir NIK"),
      v.regex(/^\d{4}$/, "Isi 4 angka terakhir NIK pelapor."),
    ),
  },
  "Data harus berupa objek JSON.",
);

export interface PublicStatus {
  code: string;
  state: string;
  stateLabel: string;
  category: string;
  desa: string;
  registeredOn: string;
  updatedAt: string;
}

const MISMATCH = "Kode pelacakan atau 4 angka terakhir NIK tidak cocok.";

export async function status(input: unknown): Promise<PublicStatus> {
  const ip = describe(use()).ip;
  const q = parse(StatusQuerySchema, input);
  const keys: Throttle.ThrottleKey[] = [{ kind: "status", value: ip }];
  await Throttle.check(keys);
  await Throttle.record(keys);
  const db = useDb();
  const track = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: { pk: `TRACK#${q.code}`, sk: "TRACK" } }),
  );
  // One answer for an unknown code and a wrong NIK: the page must not confirm that a code exists.
  if (!track.Item || track.Item.nikLast4 !== q.nikLast4) throw new AppError("not_found", MISMATCH);
  const record = await Complaint.load(String(track.Item.complaintId));
  if (!record) throw new AppError("not_found", MISMATCH);
  const desa = await Region.find(record.desaCode);
  return {
    code: q.code,
    state: record.state,
    stateLabel: COMPLAINT_STATE_LABELS[record.state],
    category: categoryName(record.category) ?? record.category,
    desa: desa?.name ?? record.desaCode,
    registeredOn: record.queueDay,
    updatedAt: record.updatedAt,
  };
}
