import { isConnectionFailure } from "@/db/driver-errors";
import { DomainError, Invalid, type Issue, RateLimited, Unauthenticated } from "../domain-errors";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { message, render, type Text } from "../i18n/server-messages";
import { BodyError } from "../ingest/body";

/** A failure that only exists over HTTP (a media type, a body size, an unavailable database). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Text,
    readonly headers: Record<string, string> = {},
  ) {
    super(render(text));
  }
}

/** What an error answers over HTTP: the status, the error JSON's fields and extra headers. */
export interface HttpErrorReply {
  status: number;
  code: string;
  message: string;
  issues?: Issue[];
  headers: Record<string, string>;
}

const STATUS: Record<DomainError["kind"], number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

function domainReply(error: DomainError, locale: Locale): HttpErrorReply {
  const localized = error.localized(locale);
  const reply: HttpErrorReply = {
    status: STATUS[error.kind],
    code: error.code,
    message: localized.message,
    headers: {},
  };
  if (error instanceof Invalid) {
    // Field-by-field validation is a 422; any other bad input (JSON, a parameter) a 400.
    if (error.code === "validation_failed") reply.status = 422;
    if (localized.issues) reply.issues = localized.issues;
  } else if (error instanceof Unauthenticated && error.challenge) {
    reply.headers["WWW-Authenticate"] =
      error.challenge === "invalid_token"
        ? 'Bearer realm="error-central", error="invalid_token"'
        : 'Bearer realm="error-central"';
  } else if (error instanceof RateLimited) {
    const seconds = String(error.retryAfterSeconds);
    reply.headers["Retry-After"] = seconds;
    // Sentry SDKs back off on this header: the project's event quota.
    if (error.code === "quota_exceeded")
      reply.headers["X-Sentry-Rate-Limits"] = `${seconds}:default;error:project:quota_exceeded`;
  }
  return reply;
}

/**
 * How a known failure answers over HTTP, its message in `locale` (codes and fields never
 * change); null for anything else (a fault: the caller logs it and answers 500). A lost
 * database connection is a 503 the client may retry.
 */
export function httpErrorReply(
  error: unknown,
  locale: Locale = DEFAULT_LOCALE,
): HttpErrorReply | null {
  if (error instanceof DomainError) return domainReply(error, locale);
  if (error instanceof HttpError || error instanceof BodyError) {
    const headers = error instanceof HttpError ? { ...error.headers } : {};
    const text = render(error.text, locale);
    return { status: error.status, code: error.code, message: text, headers };
  }
  if (isConnectionFailure(error)) {
    return {
      status: 503,
      code: "unavailable",
      message: render(message("ServerErrors.unavailable"), locale),
      headers: { "Retry-After": "5" },
    };
  }
  return null;
}

/** The HTTP status a known failure answers with; null for a fault. */
export function httpStatus(error: unknown): number | null {
  return httpErrorReply(error)?.status ?? null;
}

/** The error JSON every route answers with. */
export function errorBody(reply: HttpErrorReply) {
  return {
    error: {
      code: reply.code,
      message: reply.message,
      ...(reply.issues
        ? { issues: reply.issues.map(({ path, message }) => ({ path, message })) }
        : {}),
    },
  };
}

const JSON_TYPES = /^(application\/json|text\/plain)(;|$)/i;

/** JSON bodies come as application/json, or text/plain from browsers avoiding a preflight. */
export function assertJsonContentType(type: string | null): void {
  if (type && !JSON_TYPES.test(type.trim())) {
    throw new HttpError(
      415,
      "unsupported_media_type",
      message("ServerErrors.unsupportedMediaType", { type }),
    );
  }
}
