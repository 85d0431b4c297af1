import { gzipSync } from "node:zlib";
import { api, type TestAccount } from "./api";

export function storeUrl(account: TestAccount, query = "") {
  return `/api/${account.project.id}/store/${query}`;
}

export function envelopeUrl(account: TestAccount, query = "") {
  return `/api/${account.project.id}/envelope/${query}`;
}

export const sentryAuth = (key: string) =>
  `Sentry sentry_version=7, sentry_client=test/1.0, sentry_key=${key}`;

/** An envelope on the wire: header line, then item header and payload lines. */
export function envelope(
  header: object,
  items: { header: object; payload: string | Uint8Array }[],
): Buffer {
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(header)}\n`)];
  for (const item of items) {
    const payload =
      typeof item.payload === "string" ? Buffer.from(item.payload) : Buffer.from(item.payload);
    parts.push(Buffer.from(`${JSON.stringify(item.header)}\n`), payload, Buffer.from("\n"));
  }
  return Buffer.concat(parts);
}

export function eventEnvelope(
  event: Record<string, unknown>,
  options: { withLength?: boolean; dsn?: string } = {},
) {
  const payload = JSON.stringify(event);
  const header: Record<string, unknown> = { type: "event" };
  if (options.withLength) header.length = Buffer.byteLength(payload);
  return envelope({ event_id: event.event_id, ...(options.dsn ? { dsn: options.dsn } : {}) }, [
    { header, payload },
  ]);
}

export function postStore(
  account: TestAccount,
  event: unknown,
  init: { gzip?: boolean; headers?: Record<string, string> } = {},
) {
  const raw = Buffer.from(JSON.stringify(event));
  return api(storeUrl(account), {
    method: "POST",
    body: init.gzip ? gzipSync(raw) : raw,
    headers: {
      "content-type": "application/json",
      "x-sentry-auth": sentryAuth(account.project.ingestKey.key),
      ...(init.gzip ? { "content-encoding": "gzip" } : {}),
      ...init.headers,
    },
  });
}

export function postEnvelope(
  account: TestAccount,
  body: Uint8Array | string,
  headers: Record<string, string> = {},
) {
  return api(envelopeUrl(account), {
    method: "POST",
    body: body as BodyInit,
    headers: {
      "content-type": "application/x-sentry-envelope",
      "x-sentry-auth": sentryAuth(account.project.ingestKey.key),
      ...headers,
    },
  });
}

/** All of the account's errors in every environment and status. */
export async function allErrors(account: TestAccount) {
  const res = await api("/api/errors?environment=all&status=all&limit=100", {
    token: account.token,
  });
  if (res.status !== 200) throw new Error(`list failed: ${res.status} ${res.text}`);
  return res.body.items as {
    id: number;
    title: string;
    level: string;
    environment: string;
    origin: string;
    culprit: string | null;
    count: number;
  }[];
}
