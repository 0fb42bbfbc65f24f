import * as v from "valibot";

/**
 * A complaint's open case, as the complaint's and its referral's pages name it to an officer who may
 * open cases (one-per-complaint.ts). A module of its own: the complaint's schemas, which the intake
 * form loads, need this and none of the case schemas.
 */
export const OpenCaseLinkSchema = v.object({ id: v.string(), workerName: v.string(), readable: v.boolean() });
export type OpenCaseLink = v.InferOutput<typeof OpenCaseLinkSchema>;
