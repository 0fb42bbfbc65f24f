import type { ValidationTargets } from "hono";
import { validator as openapiValidator } from "hono-openapi";
import type * as v from "valibot";
import { parse } from "@puskesos/core/validation";

/**
 * Validates a request part with a core schema (and documents it in the OpenAPI document). On failure
 * the input is parsed again by core's `parse`, which throws the Indonesian 422 that names the field,
 * the same message the Solid form shows.
 */
export function validate<T extends keyof ValidationTargets, S extends v.GenericSchema>(target: T, schema: S) {
  return openapiValidator(target, schema, (result) => {
    if (!result.success) parse(schema, result.data);
  });
}
