import { findActiveToken, touchToken } from "@/db/queries/tokens";
import { looksLikeToken } from "@/db/token-secrets";
import { currentUser } from "./auth/session";
import { getDb } from "./db";
import { forbidden, Invalid, unauthorized } from "./domain-errors";
import {
  assertJsonContentType,
  errorBody,
  type HttpErrorReply,
  httpErrorReply,
} from "./http/errors";
import { DEFAULT_LOCALE, type Locale } from "./i18n/config";
import { localeFromAcceptLanguage } from "./i18n/locale";
import { message, render } from "./i18n/server-messages";
import { parseJsonBody, readBody } from "./ingest/body";

export type Caller =
  | "personal" // a personal API token: everything in the user's projects
  | "ingest" // a project ingest key: sending events to that project only
  | "session"; // the browser, through its Auth.js session cookie

export interface AuthContext {
  kind: Caller;
  userId: number;
  userName: string;
  userEmail: string;
  tokenId: string | null;
  tokenName: string | null;
  /** The one project an ingest key belongs to; null for personal tokens and sessions. */
  projectId: number | null;
  /** The browser session's `user_sessions` row; absent for tokens. */
  sessionId?: string;
}

/** How a bearer token is sent, quoted in messages (outside the catalogue: it is not language). */
export const AUTH_HEADER = "Authorization: Bearer <token>";

export const authenticationRequired = () =>
  unauthorized(message("ServerApi.authenticationRequired", { header: AUTH_HEADER }));

export function json(data: unknown, init: number | ResponseInit = 200): Response {
  const options = typeof init === "number" ? { status: init } : init;
  return Response.json(data, options);
}

export function errorResponse(reply: HttpErrorReply): Response {
  return Response.json(errorBody(reply), { status: reply.status, headers: reply.headers });
}

/** The language of an API answer's messages: the request's Accept-Language, else English. */
export function apiLocale(request?: { headers: Headers } | null): Locale {
  return localeFromAcceptLanguage(request?.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}

/**
 * The HTTP edge: maps anything thrown by a handler to a response (domain errors to their
 * status codes), its message in the request's language; only genuine faults become 5xx.
 */
export function toErrorResponse(error: unknown, request?: Request): Response {
  const locale = apiLocale(request);
  const reply = httpErrorReply(error, locale);
  if (reply) {
    if (reply.status === 503) console.error("database unavailable:", error);
    return errorResponse(reply);
  }
  console.error("unhandled error in route handler:", error);
  return errorResponse({
    status: 500,
    code: "internal_error",
    message: render(message("ServerErrors.internal"), locale),
    headers: {},
  });
}

/** Reads a JSON body with a size cap that is enforced while reading, not after. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const type = request.headers.get("content-type");
  assertJsonContentType(type);
  if (!request.body) throw new Invalid("bad_json", message("ServerApi.emptyBody"));
  // Node's web streams are async-iterable; the DOM typings do not say so.
  const bytes = await readBody(request.body as unknown as AsyncIterable<Uint8Array>, {
    contentEncoding: request.headers.get("content-encoding"),
    maxBytes,
  });
  if (bytes.byteLength === 0) throw new Invalid("bad_json", message("ServerApi.emptyBody"));
  return parseJsonBody(bytes);
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1])
    throw unauthorized(
      message("ServerApi.malformedAuthorization", { header: "Bearer <token>" }),
      true,
    );
  return match[1];
}

/** Cookie-authenticated writes must come from our own pages, never from another site. */
function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw forbidden(message("ServerApi.crossSite"));
  }
  const origin = request.headers.get("origin");
  if (origin === null) return;
  // `Origin: null` (sandboxed frames, some redirects) or a malformed value: not our pages.
  const originHost = URL.canParse(origin) ? new URL(origin).host : "";
  if (!originHost) throw forbidden(message("ServerApi.badOrigin"));
  if (originHost !== new URL(request.url).host) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (originHost !== host) throw forbidden(message("ServerApi.crossSite"));
  }
}

export async function authenticate(
  request: Request,
  allow: readonly Caller[],
): Promise<AuthContext> {
  const token = bearerToken(request);
  if (token) {
    if (!looksLikeToken(token)) throw unauthorized(message("ServerApi.tokenInvalid"), true);
    const db = await getDb();
    const identity = await findActiveToken(db, token);
    if (!identity) throw unauthorized(message("ServerApi.tokenUnknown"), true);
    if (!allow.includes(identity.kind)) {
      throw forbidden(
        message(
          identity.kind === "ingest" ? "ServerApi.ingestKeyOnly" : "ServerApi.needsIngestKey",
        ),
      );
    }
    await touchToken(db, identity.tokenId);
    return {
      kind: identity.kind,
      userId: identity.userId,
      userName: identity.userName,
      userEmail: identity.userEmail,
      tokenId: identity.tokenId,
      tokenName: identity.tokenName,
      projectId: identity.kind === "ingest" ? identity.projectId : null,
    };
  }
  if (allow.includes("session")) {
    // A live server-side session only: a signed-out cookie is refused like no cookie at all.
    const user = await currentUser();
    if (user) {
      assertSameOrigin(request);
      return {
        kind: "session",
        userId: user.id,
        userName: user.name,
        userEmail: user.email,
        tokenId: null,
        tokenName: null,
        projectId: null,
        sessionId: user.sessionId,
      };
    }
  }
  throw authenticationRequired();
}

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (
  request: Request,
  context: { auth: AuthContext; params: P },
) => Promise<Response>;

/**
 * Wraps a protected route handler: authenticates the caller (token or browser session),
 * checks the token kind, and turns thrown errors into the API's error JSON.
 */
export function withToken<P = Record<string, never>>(
  handler: Handler<P>,
  options: { allow?: readonly Caller[] } = {},
) {
  const allow = options.allow ?? ["personal", "session"];
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const authContext = await authenticate(request, allow);
      return await handler(request, { auth: authContext, params: await context.params });
    } catch (error) {
      return toErrorResponse(error, request);
    }
  };
}

/** For public routes: the same error handling without authentication. */
export function withErrors<P = Record<string, never>>(
  handler: (request: Request, context: { params: P }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, { params: await context.params });
    } catch (error) {
      return toErrorResponse(error, request);
    }
  };
}
