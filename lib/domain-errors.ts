import type { z } from "zod";

/** One thing wrong with the input, named by where it is (`["events", 0, "title"]`). */
export interface Issue {
  path: (string | number)[];
  message: string;
}

export type DomainErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited";

/**
 * A rule said no. Domain errors name what went wrong (`kind`, a stable `code`, a message for
 * people) and carry no HTTP status: the HTTP edge (lib/http/errors.ts) maps them to responses,
 * server actions to form messages.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly code: string,
    message: string,
    /** What exactly was wrong, field by field (invalid input only). */
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

/** The input is wrong. `validation_failed` names each field; other codes (bad_json…) do not. */
export class Invalid extends DomainError {
  readonly kind = "invalid";
}

/**
 * No caller, or an unknown one. `challenge`: how to authenticate — "bearer" for the API,
 * "invalid_token" when a token was sent but is not valid, null for the ingest doors (whose
 * clients are SDKs).
 */
export class Unauthenticated extends DomainError {
  readonly kind = "unauthenticated";
  constructor(
    message: string,
    readonly challenge: "bearer" | "invalid_token" | null = "bearer",
  ) {
    super("unauthorized", message);
  }
}

export class Forbidden extends DomainError {
  readonly kind = "forbidden";
  constructor(message: string) {
    super("forbidden", message);
  }
}

export class NotFound extends DomainError {
  readonly kind = "not_found";
  constructor(message: string) {
    super("not_found", message);
  }
}

export class Conflict extends DomainError {
  readonly kind = "conflict";
  constructor(message: string) {
    super("conflict", message);
  }
}

/** Over a limit; `retryAfterSeconds`: when the window frees up. */
export class RateLimited extends DomainError {
  readonly kind = "rate_limited";
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

export const badRequest = (message: string, code = "bad_request") => new Invalid(code, message);
export const notFound = (what = "Resource") => new NotFound(`${what} not found.`);
export const forbidden = (message: string) => new Forbidden(message);
export const conflict = (message: string) => new Conflict(message);

export function unauthorized(message: string, invalidToken = false): Unauthenticated {
  return new Unauthenticated(message, invalidToken ? "invalid_token" : "bearer");
}

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== "symbol"),
    message: issue.message,
  }));
}

/** Invalid input, summarised by its first issue: "name: Too small (and 1 more)". */
export function validationError(issues: Issue[]): Invalid {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  const summary = first ? `${where}${first.message}` : "Invalid request";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return new Invalid("validation_failed", `${summary}${more}`, issues);
}

/** Parses with a zod schema, turning its issues into an Invalid that names each field. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(zodIssues(result.error));
  return result.data;
}
