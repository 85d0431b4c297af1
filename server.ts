import { createServer, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import next from "next";
import { startAlertDelivery } from "@/lib/alerts/runner";
import { markClientAddressFromServer, stampClientAddress } from "@/lib/auth/client-address";
import { resolveAuthSecret } from "@/lib/auth-secret";
import { settings } from "@/lib/config";
import { closeDb, getDbHandle } from "@/lib/db";
import { startArchiveSweep } from "@/lib/errors/archive-sweep";
import { internalErrorBody } from "@/lib/ingest/http";
import { settleIngestWriter } from "@/lib/ingest/service";
import { handleIngestFastPath } from "./server-ingest";

const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 10_000;

/** Sockets whose abandoned request body is being discarded, and how to stop watching them. */
const discarding = new WeakMap<Socket, () => void>();

/**
 * A handler may answer (413, 401…) before it has read the whole body. Left paused in the
 * socket, the rest would stall the next request on that keep-alive connection; so it is read
 * and discarded, within limits, and a client that keeps sending past them is disconnected.
 */
function drainUnreadBody(req: IncomingMessage, socket: Socket): void {
  if (req.complete) return;
  // Next cancelled its reader and destroyed the request, but not the connection.
  if (req.destroyed) {
    discardAbandonedBody(req, socket);
    return;
  }
  // Node discards an unread body by itself, unless the handler started reading it.
  let drained = 0;
  const timer = setTimeout(() => socket.destroy(), DRAIN_TIMEOUT_MS);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) socket.destroy();
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

/**
 * The body of a request that Next destroyed (its reader was cancelled) can no longer be read,
 * and closing the connection breaks keep-alive clients: the response said keep-alive, so their
 * next request on it failed with ECONNRESET or EPIPE. Instead Node's parser is told the body is
 * dumped, so that it drops the rest instead of pausing the socket for a reader that is gone,
 * and the socket flows again; a client that sends more than DRAIN_LIMIT_BYTES is disconnected.
 */
function discardAbandonedBody(req: IncomingMessage, socket: Socket): void {
  const dump = (req as IncomingMessage & { _dump?: () => void })._dump;
  if (typeof dump !== "function") {
    socket.destroySoon();
    return;
  }
  dump.call(req);
  socket.resume();
  const start = socket.bytesRead;
  const timer = setInterval(() => {
    if (req.complete || socket.destroyed) stop();
    else if (socket.bytesRead - start > DRAIN_LIMIT_BYTES) {
      stop();
      socket.destroy();
    }
  }, 100);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    discarding.delete(socket);
  };
  discarding.set(socket, stop);
}

/**
 * The `npm start` server: one port, Next's request handler behind it. The embedded database
 * is opened (and migrated) before the port opens, so the first request never waits on it.
 */
export async function startServer(options: { port?: number; hostname?: string } = {}) {
  // Every setting is checked before anything opens: a bad value stops here, named.
  const config = settings();
  resolveAuthSecret();
  // Route handlers believe the client-address header only because this server writes it.
  markClientAddressFromServer();
  const port = options.port ?? config.PORT;
  const hostname = options.hostname ?? config.HOSTNAME;
  const { kind } = await getDbHandle();
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // INGEST_FAST_PATH=0 sends ingest through Next's route handlers too (the tests use both).
  const fastPath = config.INGEST_FAST_PATH;
  const server = createServer((req, res) => {
    const socket = req.socket;
    // The next request on this connection: the previous one's body is over.
    discarding.get(socket)?.();
    res.once("finish", () => drainUnreadBody(req, socket));
    if (fastPath && handleIngestFastPath(req, res)) return;
    stampClientAddress(req);
    handle(req, res).catch((error: unknown) => {
      console.error("request failed:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(internalErrorBody(req.headers["accept-language"]));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  const stopSweep = startArchiveSweep();
  // Alert deliveries (the outbox the ingest write fills): every 2 s, one pass at a time.
  const stopAlerts = startAlertDelivery();
  const shown = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  console.log(
    `Error Central is listening on http://${shown}:${port} (database: ${kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stopSweep();
    server.closeIdleConnections();
    await new Promise((resolve) => server.close(resolve));
    // A pass in progress finishes (its sends end within 5 s); what it did not claim waits.
    await stopAlerts();
    // The search texts and tag counts still waiting for their drain's timer.
    await settleIngestWriter();
    // PGlite writes its files on close; skipping this risks a slow recovery next start.
    await closeDb();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  return server;
}
