/**
 * The workflows past intake load with the first request that needs one, not with every cold start:
 * one module for all of them, so the split bundle has one chunk more at start instead of one for each
 * combination of them (Node loads every chunk as its own module).
 */
export * as Referral from "@puskesos/core/referral";
export * as Proposal from "@puskesos/core/proposal";
export * as Musdes from "@puskesos/core/musdes";
export * as Exports from "@puskesos/core/proposal-export";
export * as Report from "@puskesos/core/report";
export { browseFile } from "@puskesos/core/complaint/browse-file";
export { browse } from "@puskesos/core/complaint/browse";
export { cancel } from "@puskesos/core/complaint/cancel";
export { correct } from "@puskesos/core/complaint/correct";
export * as Privacy from "@puskesos/core/privacy";
export * as Indicator from "@puskesos/core/indicator";
export * as Psks from "@puskesos/core/psks";
export { importCsv as importDpm } from "@puskesos/core/dpm/import";
export * as Case from "@puskesos/core/casework";
export * as Facility from "@puskesos/core/facility";
