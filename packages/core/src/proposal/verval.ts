import * as Indicator from "../indicator/index.ts";
import { FieldError } from "../error/index.ts";
import { maskNik, nikHash, requireNik } from "../resident/index.ts";
import { formatDay, local, nowIso, today } from "../time/index.ts";
import type { ProposalRecord } from "./record.ts";
import { step } from "./step.ts";

/** Survey team: the visit's date and who goes (again, to move a visit). */
export const schedule = step("schedule", (input, { caller }) => {
  if (input.visitDate < today()) throw FieldError("visitDate", "Tanggal kunjungan tidak boleh di masa lalu.");
  return {
    to: "dijadwalkan",
    set: {
      schedule: {
        visitDate: input.visitDate,
        officers: input.officers,
        by: caller.username,
        byName: caller.name,
        at: nowIso(),
      },
    },
    note: `Kunjungan ${formatDay(input.visitDate, "medium")} oleh ${input.officers.join(", ")}`,
  };
});

/**
 * Survey team: the result of the visit on the F1 variables and the kabupaten's indicators, `layak`
 * or `tidak-layak` with the reason. Recorded from the field through the outbox: the same result
 * (its device-made id) sent again is answered without a second record.
 */
export const verify = step(
  "verify",
  async (input, { record, caller }) => {
    if (input.visitDate > today())
      throw FieldError("visitDate", "Tanggal kunjungan tidak boleh di masa depan.");
    if (input.visitDate < local(record.createdAt).day)
      throw FieldError("visitDate", "Tanggal kunjungan tidak boleh sebelum rumah tangga diusulkan.");
    await Indicator.check(input.indicators);
    const members: ProposalRecord["members"] = [];
    for (const [i, member] of input.members.entries()) {
      if (member.existing !== undefined) {
        const known = record.members[member.existing];
        if (!known) throw FieldError(`members.${i}.existing`, "Anggota ini tidak ada di usulan.");
        members.push({ ...known, name: member.name, relationship: member.relationship });
      } else {
        const nik = await requireNik(member.nik ?? "", `members.${i}.nik`, input.idConfirmed ?? false);
        members.push({
          nik: nik.value,
          nikh: nikHash(nik.value),
          nikMasked: maskNik(nik.value),
          name: member.name,
          relationship: member.relationship,
        });
      }
    }
    if (new Set(members.map((m) => m.nikh)).size !== members.length)
      throw FieldError("members", "NIK anggota rumah tangga tidak boleh ganda.");
    return {
      to: input.result,
      set: {
        members,
        houseCondition: input.houseCondition,
        incomeSource: input.incomeSource,
        assets: input.assets,
        verification: {
          resultId: input.resultId,
          result: input.result,
          reason: input.reason,
          visitDate: input.visitDate,
          indicators: input.indicators,
          by: caller.username,
          byName: caller.name,
          at: nowIso(),
        },
      },
      note: input.reason,
    };
  },
  (input, record) => record.verification?.resultId === input.resultId,
);
