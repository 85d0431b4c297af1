import type { EventToStore } from "@/db/queries/ingest-write";
import { looksLikeToken } from "@/db/token-secrets";
import { forbidden, Invalid, notFound, Unauthenticated } from "../domain-errors";
import { HttpError, httpErrorReply } from "../http/errors";
import { DEFAULT_LOCALE } from "../i18n/config";
import { localeFromAcceptLanguage } from "../i18n/locale";
import { message, render } from "../i18n/server-messages";
import { parseJsonBody, readBody } from "./body";
import { EnvelopeError, eventItem, parseEnvelope } from "./envelope";
import type { IngestRequest, PlainResponse } from "./http";
import { resolveIngestProject, resolveIngestToken } from "./key-cache";
import { decodeStoreBody } from "./legacy-body";
import { chargeQuota } from "./quota";
import { normalizeSentryEvent, SentryEventError } from "./sentry-event";
import { getWriter } from "./service";

/** One event, decompressed: Relay's `max_event_size`. */
export const MAX_EVENT_BYTES = 1024 * 1024;
/**
 * A whole envelope, decompressed. It carries one event (at most MAX_EVENT_BYTES) and what SDKs
 * send beside it: sessions, client reports, and the attachments mobile SDKs add to a crash (a
 * screenshot, the view hierarchy), all dropped here. 4 MiB leaves room for those, while what one
 * request holds in memory is a fifth of the 20 MiB it used to be: 54 KB of gzip could then unpack
 * to 350,000 events. (Relay's own 100 MiB is for the attachments it keeps; this server keeps none.)
 */
export const MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;

/** What the browser SDKs need to post across origins and to read our rate-limit answers. */
export const SENTRY_CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers":
    "x-sentry-auth, x-requested-with, origin, accept, content-type, content-encoding, authentication, authorization, sentry-trace, baggage",
  "Access-Control-Expose-Headers": "x-sentry-error, x-sentry-rate-limits, retry-after",
  "Access-Control-Max-Age": "3600",
};

export interface SentryRequest extends IngestRequest {
  kind: "envelope" | "store";
  projectId: string;
}

const CONTENT_TYPES =
  /^(application\/x-sentry-envelope|application\/json|text\/plain|application\/octet-stream)(;|$)/i;

/**
 * The `sentry_key` of an `X-Sentry-Auth: Sentry sentry_key=…, sentry_version=7` header (also
 * in `Authorization: Sentry …`, as Relay reads it). Legacy clients put spaces around "=" or
 * quote values (raven-ruby: `sentry_version='5'`); quotes around the key are dropped.
 */
export function keyFromAuthHeader(header: string | null): string | null {
  if (!header) return null;
  const match = /(?:^|[\s,])sentry_key[ \t]*=[ \t]*([^\s,]+)/i.exec(header);
  const key = match?.[1]?.replace(/^(["'])(.*)\1$/, "$2");
  return key || null;
}

/** The key from X-Sentry-Auth, else from an `Authorization: Sentry …` header (legacy clients). */
function keyFromHeaders(request: SentryRequest): string | null {
  const sentryAuth = keyFromAuthHeader(request.header("x-sentry-auth"));
  if (sentryAuth) return sentryAuth;
  const authorization = request.header("authorization");
  return authorization && /^sentry\s/i.test(authorization)
    ? keyFromAuthHeader(authorization)
    : null;
}

function keyFromDsn(dsn: unknown): string | null {
  if (typeof dsn !== "string") return null;
  try {
    return decodeURIComponent(new URL(dsn).username) || null;
  } catch {
    return null;
  }
}

function answer(status: number, body: unknown, extra: Record<string, string> = {}): PlainResponse {
  return {
    status,
    headers: { "Content-Type": "application/json", ...SENTRY_CORS_HEADERS, ...extra },
    body: JSON.stringify(body),
  };
}

function failure(
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): PlainResponse {
  // Sentry's relay puts the reason in X-Sentry-Error; SDKs log it. In ASCII: the two doors
  // encode other characters differently (Latin-1 or UTF-8), and one past Latin-1 (a curly
  // quote in a translation) would fail the whole answer. "conteúdo" reads "conteudo".
  const header = message
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\t\x20-\x7e]/g, "?");
  return answer(status, { error: { code, message } }, { "X-Sentry-Error": header, ...extra });
}

// SDKs get no WWW-Authenticate challenge: the key travels in X-Sentry-Auth or the DSN.
const unknownKey = () => new Unauthenticated(message("ServerSentry.unknownKey"), null);

async function authorize(projectId: number, key: string | null) {
  if (!key) throw new Unauthenticated(message("ServerSentry.missingKey"), null);
  if (!looksLikeToken(key)) throw unknownKey();
  const identity = await resolveIngestToken(key);
  if (identity?.kind !== "ingest") throw unknownKey();
  if (identity.projectId !== projectId) throw forbidden(message("ServerSentry.otherProject"));
  const project = await resolveIngestProject(projectId);
  if (!project) throw unknownKey();
  return { identity, project };
}

/**
 * The Sentry ingestion protocol (`/api/<project>/store/` and `/api/<project>/envelope/`):
 * authenticate by the project key, decode, keep the event items, map each to our model and
 * store them. Framework-free so that the Next route handlers and the Node server share it.
 */
export async function handleSentryIngest(request: SentryRequest): Promise<PlainResponse> {
  try {
    if (!/^[1-9]\d{0,9}$/.test(request.projectId)) throw notFound("project");
    const projectId = Number(request.projectId);
    const contentType = request.header("content-type");
    if (contentType && !CONTENT_TYPES.test(contentType.trim())) {
      throw new HttpError(
        415,
        "unsupported_media_type",
        message("ServerSentry.contentType", { type: contentType }),
      );
    }
    let key = keyFromHeaders(request) ?? request.query.get("sentry_key");
    // With the key in the header or query string, refuse before reading a large body.
    const early = key ? await authorize(projectId, key) : null;

    const bytes = request.body
      ? await readBody(request.body, {
          contentEncoding: request.header("content-encoding"),
          maxBytes: request.kind === "store" ? MAX_EVENT_BYTES : MAX_ENVELOPE_BYTES,
        })
      : new Uint8Array();

    // One request stores at most one event: a store body is one, an envelope carries one.
    let payloads: unknown[];
    let responseId: string | null = null;
    if (request.kind === "store") {
      if (bytes.byteLength === 0) throw new Invalid("bad_json", message("ServerSentry.emptyBody"));
      payloads = [parseJsonBody(await decodeStoreBody(bytes, MAX_EVENT_BYTES))];
    } else {
      const envelope = parseEnvelope(bytes);
      key ??= keyFromDsn(envelope.header.dsn);
      if (typeof envelope.header.event_id === "string") responseId = envelope.header.event_id;
      // Transactions, sessions, client reports, attachments… are accepted and dropped.
      const item = eventItem(envelope);
      if (item && item.payload.byteLength > MAX_EVENT_BYTES) {
        throw new HttpError(
          413,
          "body_too_large",
          message("ServerSentry.eventTooLarge", { max: String(MAX_EVENT_BYTES) }),
        );
      }
      payloads = item ? [parseJsonBody(item.payload)] : [];
    }
    const { identity, project } = early ?? (await authorize(projectId, key));

    await chargeQuota(project, payloads.length);
    const now = new Date();
    const items: EventToStore[] = payloads.map((payload) => ({
      projectId: project.id,
      userId: identity.userId,
      tokenId: identity.tokenId,
      event: normalizeSentryEvent(payload, { projectSlug: project.slug, now }),
      alertRules: project.alertRules,
    }));
    if (items.length > 0) await getWriter().write(items);
    const id = items[0]?.event.eventId ?? responseId?.replaceAll("-", "") ?? null;
    return answer(200, id ? { id } : {});
  } catch (error) {
    // Only a refusal reads the request's language: a stored event never does.
    const locale = localeFromAcceptLanguage(request.header("accept-language")) ?? DEFAULT_LOCALE;
    if (error instanceof EnvelopeError) {
      const reason = render(error.text, locale);
      const text = render(message("ServerSentry.malformedEnvelope", { reason }), locale);
      return failure(400, "invalid_envelope", text);
    }
    if (error instanceof SentryEventError)
      return failure(400, "invalid_event", render(error.text, locale));
    const reply = httpErrorReply(error, locale);
    if (reply) return failure(reply.status, reply.code, reply.message, reply.headers);
    throw error;
  }
}

export function sentryPreflight(): PlainResponse {
  return { status: 204, headers: SENTRY_CORS_HEADERS, body: "" };
}
