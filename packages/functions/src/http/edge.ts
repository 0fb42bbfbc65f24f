/**
 * The header CloudFront adds to every request it passes to the API, with the stack's edge key
 * (infra/site.ts); the API believes forwarded viewer addresses only with it (client-ip.ts).
 */
export const EDGE_HEADER = "x-origin-verify";
