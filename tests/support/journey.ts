import type { Browser } from "playwright-core";
import type { LocalServer } from "@puskesos/functions/local";
import { signedInContext } from "./browser.ts";
import { complaint, dpmCsv, referral, SITI } from "./residents.ts";

/**
 * A resident of Kalisapu in the DPM, her complaint referred by the back office and taken along the
 * chain through the API (the browser tests that use it look at a later step): `forwarded` stops at the
 * manager, `approved` at the OPD.
 */
export async function referralAt(
  app: { server: LocalServer; browser: Browser },
  stage: "forwarded" | "approved",
  recommendation?: string,
): Promise<{ complaintId: string; referralId: string }> {
  const headers = { origin: app.server.url };
  const admin = await signedInContext(app, "admin");
  await admin.request.put("/api/dpm/33.28.10.2001", {
    headers: { ...headers, "content-type": "text/csv" },
    data: dpmCsv([SITI]),
  });
  const fo = await signedInContext(app, "fo.kalisapu");
  const c = await (
    await fo.request.post("/api/complaints", {
      headers,
      data: complaint({ ppks: ["lansia-terlantar"] }, { nik: SITI.nik, name: SITI.name }),
    })
  ).json();
  const bo = await signedInContext(app, "bo.kalisapu");
  const r = await (await bo.request.post("/api/referrals", { headers, data: referral(c.id) })).json();
  const spv = await signedInContext(app, "spv.slawi");
  await spv.request.post(`/api/referrals/${r.id}/forward`, {
    headers,
    data: { version: 1, ...(recommendation ? { recommendation } : {}) },
  });
  const pages = [admin, fo, bo, spv];
  if (stage === "approved") {
    const manajer = await signedInContext(app, "manajer");
    await manajer.request.post(`/api/referrals/${r.id}/approve`, {
      headers,
      data: { version: 2, opd: "dinas-kesehatan", program: "kis-pbi" },
    });
    pages.push(manajer);
  }
  for (const context of pages) await context.close();
  return { complaintId: c.id, referralId: r.id };
}
