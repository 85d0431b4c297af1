import type { z } from "zod";

export interface ApiIssue {
  path: (string | number)[];
  message: string;
}

/** An error a client caused or must handle; rendered as DESIGN.md's error JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { issues?: ApiIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = "bad_request") =>
  new ApiError(400, code, message);
export const notFound = (what = "Resource") => new ApiError(404, "not_found", `${what} not found.`);
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
export const conflict = (message: string) => new ApiError(409, "conflict", message);

export function unauthorized(message: string, invalidToken = false): ApiError {
  const challenge = invalidToken
    ? 'Bearer realm="error-central", error="invalid_token"'
    : 'Bearer realm="error-central"';
  return new ApiError(401, "unauthorized", message, { headers: { "WWW-Authenticate": challenge } });
}

export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== "symbol"),
    message: issue.message,
  }));
}

export function validationError(issues: ApiIssue[]): ApiError {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  const summary = first ? `${where}${first.message}` : "Invalid request";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return new ApiError(422, "validation_failed", `${summary}${more}`, { issues });
}

/** Parses with a zod schema, turning its issues into a 422 that names each field. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(zodIssues(result.error));
  return result.data;
}

const JSON_TYPES = /^(application\/json|text\/plain)(;|$)/i;

/** JSON bodies come as application/json, or text/plain from browsers avoiding a preflight. */
export function assertJsonContentType(type: string | null): void {
  if (type && !JSON_TYPES.test(type.trim())) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      `Send JSON (Content-Type: application/json), not ${type}.`,
    );
  }
}
