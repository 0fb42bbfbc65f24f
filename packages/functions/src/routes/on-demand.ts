// Every resource the Lambda does not load at cold start, and the API's reference page: one module,
// so that the bundle has one chunk for all of them, loaded with the first request to any of them
// (lambda-app.ts, docs.ts). Each dynamic import is a chunk boundary of its own, and the code two of
// them share is split again, so two groups here meant more chunks for every cold start to load.
export { audit } from "./audit.ts";
export { cases } from "./cases.ts";
export { catalog } from "./catalog.ts";
export { complaints } from "./complaints.ts";
export { dpm } from "./dpm.ts";
export { facilities } from "./facilities.ts";
export { indicators } from "./indicators.ts";
export { musdes } from "./musdes.ts";
export { privacy } from "./privacy.ts";
export { proposalExports } from "./proposal-exports.ts";
export { proposals } from "./proposals.ts";
export { psks } from "./psks.ts";
export { queue } from "./queue.ts";
export { referrals } from "./referrals.ts";
export { reports } from "./reports.ts";
export { settings } from "./settings.ts";
export { status } from "./status.ts";
export { users } from "./users.ts";
export * as DocsPage from "./docs-page.ts";
