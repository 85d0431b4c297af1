import { looksLikeToken } from "@/db/token-secrets";
import { Invalid, unauthorized } from "../domain-errors";
import { assertJsonContentType, errorBody, httpErrorReply } from "../http/errors";
import { DEFAULT_LOCALE } from "../i18n/config";
import { localeFromAcceptLanguage } from "../i18n/locale";
import { message } from "../i18n/server-messages";
import { parseJsonBody, readBody } from "./body";
import { type IngestRequest, jsonResponse, type PlainResponse } from "./http";
import { resolveIngestToken } from "./key-cache";
import { ingestNativeEvents } from "./service";

export const MAX_NATIVE_BODY_BYTES = 1024 * 1024;

/**
 * `POST /api/events` without a framework: authenticate the bearer token (ingest key or
 * personal token), read at most 1 MiB (decompressing as it reads), validate, group, store.
 */
export async function handleNativeIngest(request: IngestRequest): Promise<PlainResponse> {
  try {
    const header = request.header("authorization");
    const token = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    if (!header) {
      const header = "Authorization: Bearer <token>";
      throw unauthorized(message("ServerApi.authenticationRequired", { header }));
    }
    if (!token || !looksLikeToken(token))
      throw unauthorized(message("ServerApi.tokenInvalid"), true);
    const identity = await resolveIngestToken(token);
    if (!identity) throw unauthorized(message("ServerApi.tokenRevoked"), true);

    const type = request.header("content-type");
    assertJsonContentType(type);
    const bytes = request.body
      ? await readBody(request.body, {
          contentEncoding: request.header("content-encoding"),
          maxBytes: MAX_NATIVE_BODY_BYTES,
        })
      : new Uint8Array();
    if (bytes.byteLength === 0) throw new Invalid("bad_json", message("ServerApi.emptyBody"));
    const refs = await ingestNativeEvents(parseJsonBody(bytes), {
      kind: identity.kind,
      userId: identity.userId,
      tokenId: identity.tokenId,
      projectId: identity.projectId,
    });
    return jsonResponse(201, { events: refs });
  } catch (error) {
    // The HTTP edge of the native door: known failures (a lost database too) to their replies.
    const locale = localeFromAcceptLanguage(request.header("accept-language")) ?? DEFAULT_LOCALE;
    const reply = httpErrorReply(error, locale);
    if (reply) return jsonResponse(reply.status, errorBody(reply), reply.headers);
    throw error;
  }
}
