// The desa's daily work, loaded by the Lambda as one chunk with the first request to any of it
// (lambda-app.ts).
export { complaints } from "./complaints.ts";
export { dpm } from "./dpm.ts";
export { proposals } from "./proposals.ts";
export { queue } from "./queue.ts";
export { referrals } from "./referrals.ts";
export { status } from "./status.ts";
