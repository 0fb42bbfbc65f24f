import type { ValidationTargets } from "hono";
import { validator as openapiValidator } from "hono-openapi";
import type * as v from "valibot";
import { ValidationError } from "@puskesos/core/error";
import { parse } from "@puskesos/core/validation";

const NOT_AN_OBJECT = "Badan permintaan harus berupa objek JSON.";

/**
 * Validates a request part with a core schema (and documents it in the OpenAPI document). On failure
 * the input is parsed again by core's `parse`, which throws the Indonesian 422 that names the field,
 * the same message the Solid form shows.
 */
export function validate<T extends keyof ValidationTargets, S extends v.GenericSchema>(target: T, schema: S) {
  return openapiValidator(target, schema, (result) => {
    // valibot's object schemas take an array for an object, so `[]` would pass where every field is optional.
    if (target === "json" && Array.isArray(result.data))
      throw ValidationError(NOT_AN_OBJECT, [{ field: "body", message: NOT_AN_OBJECT }]);
    if (result.success) return;
    parse(schema, result.data);
    // Never the validator's own English 400, even if core's parse were to accept what it refused.
    throw ValidationError("Isian tidak valid.");
  });
}
