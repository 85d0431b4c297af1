/** The `code` of a driver error, looking through Drizzle's DrizzleQueryError wrapper. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown) => errorCode(error) === "23505";

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/** The database is down or restarting (network errors, SQLSTATE classes 08 and 57P). */
export function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  return Boolean(
    code && (CONNECTION_CODES.has(code) || code.startsWith("08") || code.startsWith("57P")),
  );
}
