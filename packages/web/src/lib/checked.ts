import type * as v from "valibot";
import { isAppError } from "@puskesos/core/error";
import { parse } from "@puskesos/core/validation";
import { ApiError } from "./api.ts";

/**
 * The body checked with the server's own schema before it is sent: the same Indonesian messages on
 * the same fields as a 422 would give, without the round trip, and typed for the client call.
 */
export function checked<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  try {
    return parse(schema, input);
  } catch (error) {
    if (isAppError(error)) throw new ApiError(422, error.message, error.fields);
    throw error;
  }
}
