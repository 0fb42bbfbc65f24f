import { createResource } from "solid-js";
import { api, call } from "./api.ts";

/** The national catalogs plus the kabupaten's own programs, OPDs and routes (from the server). */
export function useCatalog() {
  return createResource(() => call(api.catalog.$get()));
}
