import { settings } from "./config";

/** The address applications reach us at: PUBLIC_URL, else what the request came in on. */
export function publicBaseUrl(
  request: Request,
  configured: string | undefined = settings().PUBLIC_URL,
): string {
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

/** A Sentry DSN: the ingest key is the public key, the numeric project id the path. */
export function buildDsn(baseUrl: string, key: string, projectId: number): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${key}@${url.host}${url.pathname.replace(/\/+$/, "")}/${projectId}`;
}
