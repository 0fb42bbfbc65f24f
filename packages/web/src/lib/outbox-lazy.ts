import type * as Outbox from "./outbox.ts";

let loading: Promise<typeof Outbox> | undefined;

/**
 * The outbox (with IndexedDB and its sealing), loaded and started once, by whoever asks first: the app
 * once the session is known, sign-out, a form saving a record. It is not part of any screen's first
 * paint on a weak connection (issue 15); the service worker keeps it for offline use.
 */
export const outbox = () =>
  (loading ??= import("./outbox.ts").then((module) => {
    module.startOutbox();
    return module;
  }));
