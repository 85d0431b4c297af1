import { parseArgs } from "node:util";
import * as Sentry from "@sentry/node";
import { trafficEvents, WORDS } from "../lib/sample-events";
import { stopWithParent } from "../lib/stop-with-parent";

/**
 * `npm run demo:traffic -- --url http://localhost:3000 --token <ingest key> [--dsn <DSN>]
 *   [--rate 20] [--duration 0] [--give-up-after 60]`
 * Keeps sending realistic errors to an Error Central deployment: a steady trickle of known
 * errors whose counts grow, bursts (an outage), new errors appearing now and then, all levels
 * and environments; through the native API and, with --dsn, a real Sentry SDK as well.
 * Stops when the target stays unreachable for --give-up-after seconds, and, when started with
 * an IPC channel (npm run demo), as soon as its parent goes away.
 */
const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    token: { type: "string" },
    dsn: { type: "string" },
    rate: { type: "string", default: "20" },
    duration: { type: "string", default: "0" },
    "give-up-after": { type: "string", default: "60" },
    quiet: { type: "boolean", default: false },
  },
});
if (!values.token) {
  console.error(
    "Usage: npm run demo:traffic -- --url <base URL> --token <ingest key> [--dsn <DSN>] [--rate <events/s>] [--duration <s>]",
  );
  process.exit(2);
}
const baseUrl = values.url.replace(/\/$/, "");
const rate = Math.max(1, Number(values.rate));
const durationMs = Number(values.duration) * 1000;
const giveUpMs = Math.max(1, Number(values["give-up-after"]) || 60) * 1000;
/** When the target last answered (any status): a long silence ends the run. */
let lastAnswer = Date.now();

let sent = 0;
let failed = 0;
const nextEvent = trafficEvents();

async function sendNative(batch: object[]) {
  try {
    const res = await fetch(`${baseUrl}/api/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${values.token}` },
      body: JSON.stringify({ events: batch }),
    });
    lastAnswer = Date.now();
    if (res.ok) sent += batch.length;
    else {
      failed += batch.length;
      if (!values.quiet)
        console.error(
          `POST /api/events answered ${res.status}: ${(await res.text()).slice(0, 200)}`,
        );
    }
  } catch (error) {
    failed += batch.length;
    if (!values.quiet) console.error(`POST /api/events failed: ${(error as Error).message}`);
  }
}

function placeOrder(orderId: number): never {
  throw new TypeError(`Cannot read properties of undefined (reading 'items') for order ${orderId}`);
}

if (values.dsn) {
  Sentry.init({
    dsn: values.dsn,
    environment: "production",
    release: "traffic@1.0.0",
    serverName: "traffic-generator",
    tracesSampleRate: 0,
  });
}

let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  if (values.dsn) await Sentry.close(2000);
  console.log(`Traffic generator stopped: ${sent} events sent, ${failed} failed.`);
  process.exit(code);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
// Started by `npm run demo` with an IPC channel: its closing means the parent is gone.
stopWithParent(() => void stop());

console.log(
  `Sending about ${rate} events/s to ${baseUrl}${values.dsn ? " (native API and @sentry/node)" : ""}. Ctrl-C stops.`,
);
const started = Date.now();
let lastReport = started;
while (!stopping) {
  const tickStart = Date.now();
  const batch = Array.from({ length: rate }, () => nextEvent());
  await sendNative(batch);
  if (values.dsn) {
    try {
      placeOrder(Math.floor(Math.random() * 100_000));
    } catch (error) {
      Sentry.captureException(error);
      sent++;
    }
    if (Math.random() < 0.3) {
      Sentry.captureMessage(
        `Queue ${WORDS[Math.floor(Math.random() * WORDS.length)]} is backing up`,
        "warning",
      );
      sent++;
    }
  }
  if (!values.quiet && Date.now() - lastReport > 10_000) {
    lastReport = Date.now();
    console.log(`${sent} events sent so far`);
  }
  if (durationMs > 0 && Date.now() - started >= durationMs) break;
  if (Date.now() - lastAnswer > giveUpMs) {
    console.error(`${baseUrl} has not answered for ${giveUpMs / 1000} s: giving up.`);
    await stop(1);
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - tickStart))));
}
await stop();
