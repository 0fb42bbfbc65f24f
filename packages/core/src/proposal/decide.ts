import { ValidationError } from "../error/index.ts";
import * as Musdes from "../musdes/record.ts";
import { formatDay, nowIso } from "../time/index.ts";
import { step } from "./step.ts";

/**
 * The desa's decision at its Musyawarah Desa on a verified household: confirmed for the DPM, or not
 * with the reason. The musdes must exist, be of the proposal's desa, and not be dated before the
 * verification it decides on.
 */
export const decide = step("decide", async (input, { record, caller }) => {
  const musdes = await Musdes.load(input.musdesId);
  if (!musdes || musdes.desaCode !== record.desaCode)
    throw ValidationError("Musdes tidak ditemukan di desa/kelurahan ini.", [
      { field: "musdesId", message: "Musdes tidak ditemukan di desa/kelurahan ini." },
    ]);
  if (record.verification && musdes.date < record.verification.visitDate)
    throw ValidationError("Musdes tidak boleh sebelum hasil verval.", [
      {
        field: "date",
        message: `Tanggal musdes ${formatDay(musdes.date, "medium")} sebelum kunjungan verval ${formatDay(record.verification.visitDate, "medium")}.`,
      },
    ]);
  return {
    to: input.confirmed ? "ditetapkan-musdes" : "tidak-ditetapkan",
    set: {
      musdes: {
        id: musdes.id,
        date: musdes.date,
        confirmed: input.confirmed,
        ...(input.reason ? { reason: input.reason } : {}),
        by: caller.username,
        at: nowIso(),
      },
    },
    note: input.confirmed ? `Musdes ${musdes.date}` : input.reason,
  };
});
