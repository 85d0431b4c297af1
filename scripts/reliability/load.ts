import { type App, httpCall, type Outcome } from "./app";
import type { RunEvents } from "./events";
import { type Report, sleep } from "./report";
import { settings } from "./settings";

// The load generator: workers sending jobs (native singles and batches, Sentry envelopes and
// /store/ events, repeats) to one or more apps, retrying what failed.

export type Kind = "single" | "batch" | "envelope" | "store";

/** A request to send: the event numbers it carries (a batch may hold one twice). */
export interface Job {
  kind: Kind;
  nums: number[];
  repeat: boolean;
  attempts: number;
  notBefore: number;
}

/** Everything the load generator saw, for one phase. */
export class Stats {
  requests = 0;
  eventsSent = 0; // events in requests, repeats and retries included
  newEvents = 0; // distinct event ids first sent in this phase
  repeats = 0; // requests deliberately repeating acknowledged ids
  retries = 0; // re-sends after a 503, timeout or connection error
  status = new Map<string, number>();
  timeouts = 0;
  netErrors = 0;
  maxMs = 0;
  missingRetryAfter = 0;
  statusBad = 0;

  count(key: string) {
    this.status.set(key, (this.status.get(key) ?? 0) + 1);
  }
  get(key: string) {
    return this.status.get(key) ?? 0;
  }
}

export interface Account {
  token: string;
  key: string;
  projectId: number;
  email: string;
  password: string;
}

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

/**
 * Everything sent and acknowledged over the whole run, and the numbering of its events: the
 * phases share one ledger, so that a later phase may repeat an earlier phase's events.
 */
export class Ledger {
  readonly sentIds = new Set<string>();
  readonly ackedIds = new Set<string>();
  readonly ackedNative: number[] = [];
  readonly ackedSentry: number[] = [];
  /** Native event id → database id of its first answer. */
  readonly firstRef = new Map<string, number>();
  /** The number of the next new event. */
  nextNumber = 0;

  constructor(
    readonly events: RunEvents,
    readonly report: Report,
  ) {}

  idOf(kind: Kind, n: number): string {
    return kind === "single" || kind === "batch"
      ? this.events.nativeId(n)
      : this.events.sentryId(n);
  }

  /** A new job: 35 % singles, 15 % batches of 50, 30 % envelopes, 20 % /store/; 5 % repeats. */
  newJob(): Job {
    const r = Math.random();
    const kind: Kind = r < 0.35 ? "single" : r < 0.5 ? "batch" : r < 0.8 ? "envelope" : "store";
    const pool = kind === "single" || kind === "batch" ? this.ackedNative : this.ackedSentry;
    const repeat = pool.length > 100 && Math.random() < 0.05;
    let nums: number[];
    if (kind === "batch") {
      nums = Array.from({ length: settings.batchSize }, () => this.nextNumber++);
      if (repeat) for (let i = 0; i < 10; i++) nums[i * 5] = pick(pool);
      // One batch in 20 holds the same event twice: it is stored and counted once.
      if (Math.random() < 0.05) nums[settings.batchSize - 1] = nums[0] as number;
    } else {
      nums = [repeat ? pick(pool) : this.nextNumber++];
    }
    return { kind, nums, repeat, attempts: 0, notBefore: 0 };
  }

  requestOf(
    job: Job,
    account: Account,
  ): { path: string; headers: Record<string, string>; body: Buffer } {
    const n = job.nums[0] as number;
    switch (job.kind) {
      case "single":
      case "batch":
        return {
          path: "/api/events",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${account.key}`,
          },
          body: Buffer.from(
            JSON.stringify(
              job.kind === "single"
                ? this.events.nativeEvent(n)
                : { events: job.nums.map((m) => this.events.nativeEvent(m)) },
            ),
          ),
        };
      case "envelope":
        return {
          path: `/api/${account.projectId}/envelope/`,
          headers: {
            "content-type": "application/x-sentry-envelope",
            "x-sentry-auth": `Sentry sentry_version=7, sentry_client=reliability/1.0, sentry_key=${account.key}`,
          },
          body: this.events.envelopeBody(n),
        };
      case "store":
        return {
          path: `/api/${account.projectId}/store/`,
          headers: {
            "content-type": "application/json",
            "x-sentry-auth": `Sentry sentry_version=7, sentry_client=reliability/1.0, sentry_key=${account.key}`,
          },
          body: Buffer.from(JSON.stringify(this.events.sentryEvent(n))),
        };
    }
  }

  acknowledge(job: Job, ids: string[], outcome: Outcome): void {
    let refs: { id: number }[] | null = null;
    if (job.kind === "single" || job.kind === "batch") {
      try {
        refs = (JSON.parse(outcome.body) as { events: { id: number }[] }).events;
      } catch {
        this.report.violation(`unreadable answer: ${outcome.body.slice(0, 200)}`);
      }
      if (refs && refs.length !== ids.length)
        this.report.violation(`${refs.length} refs for ${ids.length} events`);
    } else {
      const answered = (JSON.parse(outcome.body) as { id?: string }).id;
      if (answered !== ids[0])
        this.report.violation(`Sentry answer id ${answered}, sent ${ids[0]}`);
    }
    ids.forEach((id, i) => {
      const ref = refs?.[i]?.id;
      if (ref !== undefined) {
        const first = this.firstRef.get(id);
        if (first === undefined) this.firstRef.set(id, ref);
        else if (first !== ref)
          this.report.violation(`event ${id} answered as ${ref}, first as ${first}`);
      }
      if (this.ackedIds.has(id)) return;
      this.ackedIds.add(id);
      const n = job.nums[i] as number;
      (job.kind === "single" || job.kind === "batch" ? this.ackedNative : this.ackedSentry).push(n);
    });
  }

  // ---------------------------------------------------------------------------------------------
}

export interface LoadOptions {
  apps: { app: App; workers: number }[];
  account: Account;
  stats: Stats;
  /** Stop taking new events (retries still drain). */
  enough: () => boolean;
  /** Take no new events for now (retries still go). */
  paused?: () => boolean;
  /** Called with each outcome, for timelines. */
  onOutcome?: (outcome: Outcome, app: App, job: Job) => void;
  /** Jobs whose request failed without an HTTP answer after reaching the server. */
  onLost?: (job: Job, outcome: Outcome) => void;
  drainDeadlineMs?: number;
}

/** Runs workers until `enough()` and every failed request has been retried to success. */
export async function runLoad(ledger: Ledger, options: LoadOptions): Promise<void> {
  const { stats, account } = options;
  const retryQueue: Job[] = [];
  let drainStarted = 0;
  const workers = options.apps.flatMap(({ app, workers }) =>
    Array.from({ length: workers }, () => app),
  );

  const takeJob = (): Job | "wait" | null => {
    const now = Date.now();
    const ready = retryQueue.findIndex((job) => job.notBefore <= now);
    if (ready !== -1) return retryQueue.splice(ready, 1)[0] as Job;
    if (options.paused?.()) return "wait";
    if (!options.enough()) return ledger.newJob();
    return null;
  };

  await Promise.all(
    workers.map(async (app) => {
      for (;;) {
        const job = takeJob();
        if (job === "wait") {
          await sleep(100);
          continue;
        }
        if (!job) {
          if (retryQueue.length === 0) return;
          drainStarted ||= Date.now();
          if (Date.now() - drainStarted > (options.drainDeadlineMs ?? 120_000)) return;
          await sleep(100);
          continue;
        }
        const ids = job.nums.map((n) => ledger.idOf(job.kind, n));
        if (job.attempts === 0) {
          for (const id of ids) {
            if (!ledger.sentIds.has(id)) {
              ledger.sentIds.add(id);
              stats.newEvents++;
            }
          }
          if (job.repeat) stats.repeats++;
        } else stats.retries++;
        job.attempts++;
        const { path: urlPath, headers, body } = ledger.requestOf(job, account);
        stats.requests++;
        stats.eventsSent += job.nums.length;
        const outcome = await httpCall(app, "POST", urlPath, headers, body);
        stats.maxMs = Math.max(stats.maxMs, outcome.ms);
        options.onOutcome?.(outcome, app, job);
        if (outcome.status >= 200 && outcome.status < 300) {
          stats.count("2xx");
          ledger.acknowledge(job, ids, outcome);
          continue;
        }
        let retry = true;
        if (outcome.status === 503) {
          stats.count("503");
          if (!outcome.retryAfter) {
            stats.missingRetryAfter++;
            ledger.report.violation(`503 without Retry-After from ${app.name} ${urlPath}`);
          }
        } else if (outcome.status !== 0) {
          stats.count(String(outcome.status));
          stats.statusBad++;
          retry = outcome.status >= 500;
          ledger.report.violation(
            `${outcome.status} from ${app.name} ${urlPath} (${job.kind}): ${outcome.body.slice(0, 300)}`,
          );
        } else if (outcome.error === "timeout") {
          stats.timeouts++;
          options.onLost?.(job, outcome);
        } else {
          stats.netErrors++;
          options.onLost?.(job, outcome);
        }
        if (retry && job.attempts < 50) {
          job.notBefore = Date.now() + (outcome.status === 0 ? 500 : 1000);
          retryQueue.push(job);
        }
        if (outcome.status === 0) await sleep(100);
      }
    }),
  );
  if (retryQueue.length > 0)
    ledger.report.violation(`${retryQueue.length} requests never succeeded on retry`);
}
