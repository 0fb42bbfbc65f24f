import type { Api } from "../http/frame.ts";
import { auth } from "./auth.ts";
import { complaints } from "./complaints.ts";
import { dpm } from "./dpm.ts";
import { health } from "./health.ts";
import { proposals } from "./proposals.ts";
import { queue } from "./queue.ts";
import { referrals } from "./referrals.ts";
import { regions } from "./regions.ts";
import { status } from "./status.ts";

/** Resources most requests use (sign-in, intake, the desa's lists, referrals); the Lambda loads all but health, sign-in and regions with their first request (lambda-app.ts). */
export const common = (api: Api) =>
  api
    .route("/health", health)
    .route("/auth", auth)
    .route("/regions", regions)
    .route("/queue", queue)
    .route("/complaints", complaints)
    .route("/dpm", dpm)
    .route("/proposals", proposals)
    .route("/status", status)
    .route("/referrals", referrals);
