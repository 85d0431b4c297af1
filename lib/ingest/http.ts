import type { BodySource } from "./body";

/** A request as both doors (Next route handlers and the plain Node server) can describe it. */
export interface IngestRequest {
  header: (name: string) => string | null;
  query: URLSearchParams;
  body: BodySource | null;
}

export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): PlainResponse {
  return {
    status,
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}

/** Turns a PlainResponse into a web Response, for the Next route handlers. */
export function toWebResponse(result: PlainResponse): Response {
  return new Response(result.status === 204 ? null : result.body, {
    status: result.status,
    headers: result.headers,
  });
}
