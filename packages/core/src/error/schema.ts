/** Error codes and field issues as the API sends them; shared with the browser. */
export type ErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "too_many_requests"
  | "unavailable";

export interface FieldIssue {
  /** Dotted path of the field, e.g. `scope.code`. */
  field: string;
  message: string;
  /** A warning the officer may confirm (resend with the confirmation) rather than an error to fix. */
  needsConfirmation?: true;
}
