export * from "./schema.ts";
export { key, load, moveItem, toView, type ComplaintRecord } from "./record.ts";
export { register, trackingCode } from "./register.ts";
export { get, getWithTimeline, list, revealNik, timeline } from "./read.ts";
export { handle, resolve } from "./handling.ts";
