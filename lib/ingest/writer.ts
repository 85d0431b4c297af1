import type { Db } from "@/db/client";
import { isConnectionFailure } from "@/db/driver-errors";
import { drainSearchQueue, vacuumSearchQueue } from "@/db/queries/error-search";
import { foldTagDeltas, vacuumTagDeltas } from "@/db/queries/error-tags";
import {
  ErrorIdCache,
  type EventToStore,
  insertEvents,
  type StoredEventRef,
} from "@/db/queries/ingest-write";
import { settings } from "../config";
import { CoalescedTask } from "./coalesced-task";

/** How long after a commit the search index catches up (searches read the queue meanwhile). */
const SEARCH_DRAIN_DELAY_MS = 200;
/** Drained texts after which the queue is vacuumed (searches read it whole, dead rows too). */
const SEARCH_VACUUM_AFTER = 2000;
/**
 * How long after a commit the tag counters catch up (reads fold first). Folds every 200 ms
 * cost phase a of the bench far more than one a second (docs/benchmarks.md, session 8).
 */
const TAG_FOLD_DELAY_MS = 1000;
/** Folded tag delta rows (one per batch) after which their table is vacuumed. */
const TAG_DELTAS_VACUUM_AFTER = 2000;

interface Pending {
  items: EventToStore[];
  resolve: (refs: StoredEventRef[]) => void;
  reject: (error: unknown) => void;
}

export interface WriterOptions {
  /** Events merged into one transaction at most (one request's batch is never split). */
  maxEvents?: number;
  /** Transactions in flight at once. */
  concurrency?: number;
}

/**
 * Group commit: requests that arrive while a transaction is being written wait together and
 * go in the next one, so the database sees a few large statements instead of one small
 * transaction per event. A request is answered only after its transaction commits; each
 * request's events are stored whole or not at all.
 */
export class GroupCommitWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxEvents: number;
  private readonly concurrency: number;
  /** Error ids this process has seen: a batch of known errors locks nothing until its end. */
  private readonly errorIds = new ErrorIdCache();
  /** Texts drained since the queue was last vacuumed. */
  private drainedSinceVacuum = 0;
  /** Tag delta rows folded since their table was last vacuumed. */
  private foldedSinceVacuum = 0;
  /**
   * The texts of new and changed errors wait in error_search_queue (searches read it too)
   * until a drain moves them under the trigram index, outside any ingest statement. A drain
   * starts shortly after a commit, so that one moves the texts of many batches.
   */
  private readonly searchDrain = new CoalescedTask(
    SEARCH_DRAIN_DELAY_MS,
    async () => {
      const db = await this.db();
      this.drainedSinceVacuum += await drainSearchQueue(db);
      if (this.drainedSinceVacuum >= SEARCH_VACUUM_AFTER) {
        this.drainedSinceVacuum = 0;
        await vacuumSearchQueue(db);
      }
    },
    // Nothing is lost: the texts stay queued, still found by searches, for the next drain.
    "Search index drain failed; the texts stay queued:",
  );
  /**
   * The batches' tag counts wait in error_tag_deltas until a fold adds them to the counters;
   * every read of the counters folds first, so the delay only decides how many batches one
   * fold takes at once.
   */
  private readonly tagFold = new CoalescedTask(
    TAG_FOLD_DELAY_MS,
    async () => {
      const db = await this.db();
      this.foldedSinceVacuum += await foldTagDeltas(db);
      if (this.foldedSinceVacuum >= TAG_DELTAS_VACUUM_AFTER) {
        this.foldedSinceVacuum = 0;
        await vacuumTagDeltas(db);
      }
    },
    "Tag counter fold failed; the counts stay queued:",
  );

  constructor(
    private readonly db: () => Promise<Db>,
    options: WriterOptions = {},
  ) {
    this.maxEvents = options.maxEvents ?? 2000;
    this.concurrency = options.concurrency ?? settings().INGEST_WRITERS;
  }

  write(items: EventToStore[]): Promise<StoredEventRef[]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.concurrency || this.queue.length === 0) return;
    this.scheduled = true;
    // One macrotask of patience gathers the requests parsed in the same turn of the loop.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.concurrency && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private take(): Pending[] {
    const batch: Pending[] = [];
    let events = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0] as Pending;
      if (batch.length > 0 && events + next.items.length > this.maxEvents) break;
      batch.push(next);
      events += next.items.length;
      this.queue.shift();
    }
    return batch;
  }

  private async commit(batch: Pending[]): Promise<void> {
    try {
      const refs = await this.insert(batch.flatMap((pending) => pending.items));
      let offset = 0;
      for (const pending of batch) {
        pending.resolve(refs.slice(offset, offset + pending.items.length));
        offset += pending.items.length;
      }
    } catch (error) {
      if (batch.length === 1 || isConnectionFailure(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      // One request's data must not fail the others it was merged with: retry each alone.
      await Promise.all(
        batch.map((pending) => this.insert(pending.items).then(pending.resolve, pending.reject)),
      );
    }
  }

  /**
   * At shutdown, once no request is left: the search texts and tag counts that wait for their
   * timers are moved now rather than left for the next instance's drain or read.
   */
  async settle(): Promise<void> {
    await this.searchDrain.runNow();
    await this.tagFold.runNow();
  }

  /** insertEvents retries its own lost races and deadlocks. */
  private async insert(items: EventToStore[]): Promise<StoredEventRef[]> {
    const refs = await insertEvents(await this.db(), items, this.errorIds);
    this.searchDrain.request();
    if (items.some((item) => Object.keys(item.event.tags).length > 0)) this.tagFold.request();
    return refs;
  }
}
