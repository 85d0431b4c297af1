import { isConnectionFailure } from "@/db/driver-errors";
import { ApiError, assertJsonContentType, unauthorized } from "../api-error";
import { looksLikeToken } from "../tokens";
import { BodyError, parseJsonBody, readBody } from "./body";
import { type IngestRequest, jsonResponse, type PlainResponse } from "./http";
import { resolveIngestToken } from "./key-cache";
import { ingestNativeEvents } from "./service";

export const MAX_NATIVE_BODY_BYTES = 1024 * 1024;

function errorResponse(error: ApiError | BodyError): PlainResponse {
  const headers = error instanceof ApiError ? (error.options.headers ?? {}) : {};
  const issues = error instanceof ApiError ? error.options.issues : undefined;
  return jsonResponse(
    error.status,
    { error: { code: error.code, message: error.message, ...(issues ? { issues } : {}) } },
    headers,
  );
}

/**
 * `POST /api/events` without a framework: authenticate the bearer token (ingest key or
 * personal token), read at most 1 MiB (decompressing as it reads), validate, group, store.
 */
export async function handleNativeIngest(request: IngestRequest): Promise<PlainResponse> {
  try {
    const header = request.header("authorization");
    const token = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    if (!header)
      throw unauthorized('Authentication required: send "Authorization: Bearer <token>".');
    if (!token || !looksLikeToken(token)) throw unauthorized("The token is not valid.", true);
    const identity = await resolveIngestToken(token);
    if (!identity) throw unauthorized("The token is unknown or has been revoked.", true);

    const type = request.header("content-type");
    assertJsonContentType(type);
    const bytes = request.body
      ? await readBody(request.body, {
          contentEncoding: request.header("content-encoding"),
          maxBytes: MAX_NATIVE_BODY_BYTES,
        })
      : new Uint8Array();
    if (bytes.byteLength === 0)
      throw new ApiError(400, "bad_json", "The request body is empty; send a JSON object.");
    const refs = await ingestNativeEvents(parseJsonBody(bytes), {
      kind: identity.kind,
      userId: identity.userId,
      tokenId: identity.tokenId,
      projectId: identity.projectId,
    });
    return jsonResponse(201, { events: refs });
  } catch (error) {
    if (error instanceof ApiError || error instanceof BodyError) return errorResponse(error);
    if (isConnectionFailure(error)) {
      return jsonResponse(
        503,
        {
          error: {
            code: "unavailable",
            message: "The database is unavailable; try again shortly.",
          },
        },
        { "Retry-After": "5" },
      );
    }
    throw error;
  }
}
