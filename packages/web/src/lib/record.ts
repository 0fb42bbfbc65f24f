import { createResource, createSignal } from "solid-js";
import { sentenceFromApi } from "../components/form.tsx";

/**
 * The record a page shows, reloaded after each change the page saves. A reload that fails keeps the
 * page with what it had and says why in `unreloaded` (shown by components/unreloaded.tsx): the page's
 * error in its place would read as if the change had failed.
 */
export function createRecord<T>(id: () => string, read: (id: string) => Promise<T>) {
  const [record, { mutate }] = createResource(id, read);
  const [unreloaded, setUnreloaded] = createSignal("");
  const reload = async (): Promise<T | undefined> => {
    try {
      const fresh = await read(id());
      mutate(() => fresh);
      setUnreloaded("");
      return fresh;
    } catch (error) {
      setUnreloaded(sentenceFromApi(error));
      return undefined;
    }
  };
  return { record, mutate, reload, unreloaded };
}

/**
 * Whether the newest entry of a record's history is this officer's own `action`: then a change refused
 * as "sudah berubah" was made by the officer's own earlier try, whose answer was lost on the way back.
 */
export function ownLatest(
  timeline: readonly { action: string; by: string }[] | undefined,
  action: string,
  username: string | undefined,
): boolean {
  const latest = timeline?.[timeline.length - 1];
  return Boolean(username) && latest?.action === action && latest.by === username;
}
