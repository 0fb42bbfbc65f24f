/**
 * The one error base class of the domain. Every refusal the API gives is an AppError with a code;
 * the HTTP app maps codes to statuses in exactly one place (functions/src/http/on-error.ts).
 * Messages are Indonesian because they are shown to officers as they are.
 */
import type { ErrorCode, FieldIssue } from "./schema.ts";

export type { ErrorCode, FieldIssue };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  /** Seconds after which a throttled caller may try again. */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldIssue[]; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfter = options.retryAfter;
  }
}

export const ValidationError = (message: string, fields: FieldIssue[] = []) =>
  new AppError("validation", message, { fields });

/** A 422 about one field, its message naming the field as the officer reads it. */
export const FieldError = (field: string, message: string) => ValidationError(message, [{ field, message }]);

/** Throws `FieldError`, where a refusal stands in an expression (`?? refuse(...)`). */
export const refuse = (field: string, message: string): never => {
  throw FieldError(field, message);
};

export const NotFoundError = (what = "Data") => new AppError("not_found", `${what} tidak ditemukan.`);

export const ForbiddenError = (message = "Peran Anda tidak berwenang melakukan tindakan ini.") =>
  new AppError("forbidden", message);

export const UnauthenticatedError = (message = "Silakan masuk terlebih dahulu.") =>
  new AppError("unauthenticated", message);

/** A 409: the change meets data already there; `field` names the input that meets it, for the form to mark. */
export const ConflictError = (message: string, field?: string) =>
  new AppError("conflict", message, field ? { fields: [{ field, message }] } : {});

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
