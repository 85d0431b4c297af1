import type { IncomingMessage, ServerResponse } from "node:http";
import { internalErrorBody, type PlainResponse } from "@/lib/ingest/http";
import { handleNativeIngest } from "@/lib/ingest/native-ingest";
import { handleSentryIngest, sentryPreflight } from "@/lib/ingest/sentry-ingest";

const INGEST_PATH = /^\/api\/(?:(events)|(\d{1,10})\/(envelope|store))\/?$/;

function send(res: ServerResponse, result: PlainResponse): void {
  res.writeHead(result.status, {
    ...result.headers,
    "Content-Length": Buffer.byteLength(result.body),
  });
  res.end(result.body);
}

/**
 * The fast door: `POST /api/events` and the Sentry endpoints answered straight from the ingest
 * core in lib/, without Next's router (about 0.8 ms of CPU a request). Returns false for
 * everything else, which goes to Next. The Next route handlers serve the same paths through
 * the same core where this server does not run (Vercel, `next dev`).
 */
export function handleIngestFastPath(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const match = INGEST_PATH.exec(path);
  if (!match) return false;
  const isEvents = Boolean(match[1]);
  if (req.method === "OPTIONS" && !isEvents) {
    send(res, sentryPreflight());
    return true;
  }
  if (req.method !== "POST") return false;

  const request = {
    header: (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
    query: new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1)),
    body: req,
  };
  const work = isEvents
    ? handleNativeIngest(request)
    : handleSentryIngest({
        ...request,
        kind: match[3] as "envelope" | "store",
        projectId: match[2] as string,
      });
  work.then(
    (result) => send(res, result),
    (error: unknown) => {
      console.error("ingest failed:", error);
      send(res, {
        status: 500,
        headers: { "Content-Type": "application/json" },
        body: internalErrorBody(request.header("accept-language")),
      });
    },
  );
  return true;
}
