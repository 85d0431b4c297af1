import { DEFAULT_LOCALE } from "../i18n/config";
import { localeFromAcceptLanguage } from "../i18n/locale";
import { message, render } from "../i18n/server-messages";
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

/** The 500 a fault answers with when no handler shaped one, in the `Accept-Language` asked for. */
export function internalErrorBody(acceptLanguage: string | null | undefined): string {
  const locale = localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
  return JSON.stringify({
    error: { code: "internal_error", message: render(message("ServerErrors.internal"), locale) },
  });
}
