import { LEVELS, ORIGINS } from "../lib/sample-events";
import { settings } from "./settings";

// Events: deterministic from their number, so that a repeat sends exactly the same event.

const STACK = Array.from(
  { length: 12 },
  (_, i) => `    at handler${i} (/srv/app/src/module${i % 5}/file${i}.ts:${100 + i}:${10 + i})`,
).join("\n");

function mix(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The events of one run, tagged with `runTag` so that runs never share an event id. */
export class RunEvents {
  constructor(readonly runTag: string) {}

  groupOf(n: number): string {
    return mix(n) % 5 === 0 ? `new-${this.runTag}-${n}` : String(mix(n) % settings.knownErrors);
  }

  nativeId(n: number): string {
    return `rel-${this.runTag}-${n}`;
  }

  sentryId(n: number): string {
    return `${this.runTag}${n.toString(16).padStart(24, "0")}`;
  }

  nativeEvent(n: number) {
    const group = this.groupOf(n);
    return {
      title: `Reliability failure ${group} in step ${n % 7}`,
      details: `Error: reliability failure ${group}\n${STACK}`,
      level: LEVELS[n % LEVELS.length],
      environment: n % 10 === 0 ? "staging" : "production",
      origin: ORIGINS[n % ORIGINS.length],
      fingerprint: [`rel-${group}`],
      eventId: this.nativeId(n),
      tags: { run: this.runTag, shard: String(n % 50) },
    };
  }

  sentryEvent(n: number) {
    const group = this.groupOf(n);
    return {
      event_id: this.sentryId(n),
      timestamp: 1_700_000_000 + (n % 100_000),
      platform: "node",
      level: "error",
      environment: n % 10 === 0 ? "staging" : "production",
      server_name: ORIGINS[n % ORIGINS.length],
      release: "reliability@1.0.0",
      tags: { run: this.runTag },
      exception: {
        values: [
          {
            type: "ReliabilityError",
            value: `failure ${group}`,
            stacktrace: {
              frames: Array.from({ length: 8 }, (_, i) => ({
                filename: `/srv/app/src/${group}/file${i}.js`,
                function: `handler${i}`,
                lineno: 10 + i,
                colno: 5,
                in_app: true,
              })),
            },
          },
        ],
      },
      sdk: { name: "sentry.javascript.node", version: "11.12.0" },
    };
  }

  envelopeBody(n: number): Buffer {
    const payload = JSON.stringify(this.sentryEvent(n));
    const lines = [
      JSON.stringify({ event_id: this.sentryId(n), sent_at: new Date().toISOString() }),
      JSON.stringify({ type: "event", length: Buffer.byteLength(payload) }),
      payload,
    ];
    // Some envelopes carry items that are not events (skipped by the server).
    if (n % 4 === 0) {
      const report = JSON.stringify({ timestamp: Date.now() / 1000, discarded_events: [] });
      lines.push(JSON.stringify({ type: "client_report" }), report);
    }
    return Buffer.from(`${lines.join("\n")}\n`);
  }
}
