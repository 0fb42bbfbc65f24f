// Resources few requests need, loaded by the Lambda as one chunk with the first request to any
// of them (lambda-app.ts).
export { audit } from "./audit.ts";
export { catalog } from "./catalog.ts";
export { indicators } from "./indicators.ts";
export { musdes } from "./musdes.ts";
export { proposalExports } from "./proposal-exports.ts";
export { psks } from "./psks.ts";
export { cases } from "./cases.ts";
export { facilities } from "./facilities.ts";
export { privacy } from "./privacy.ts";
export { reports } from "./reports.ts";
export { settings } from "./settings.ts";
export { users } from "./users.ts";
