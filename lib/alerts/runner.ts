import type { Db } from "@/db/client";
import { getDb } from "@/lib/db";
import {
  CLAIM_LIMIT,
  type DeliveryOptions,
  type DeliveryRunResult,
  deliverDueAlerts,
} from "./delivery";

/** How often `npm start` looks for due alert deliveries. */
export const ALERT_LOOP_MS = 2_000;
/** Passes of one process start at least this far apart, however often they are asked for. */
const MIN_PASS_GAP_MS = 1_000;
/** One pass stops claiming more after this long (what it claimed is still sent). */
const PASS_BUDGET_MS = 30_000;

// On globalThis under a registered symbol: server.ts and Next's bundles each load their own copy
// of this module in one process, and "one run at a time" must hold across them.
const KEY = Symbol.for("error-central.alert-delivery");
interface Slot {
  running: Promise<void> | null;
  again: boolean;
  lastStart: number;
  /** npm start's loop is on in this process. */
  loop: boolean;
}
const globals = globalThis as Record<symbol, Slot | undefined>;
const slot: Slot = globals[KEY] ?? { running: null, again: false, lastStart: 0, loop: false };
globals[KEY] = slot;

/**
 * Runs deliverDueAlerts until a run claims less than its limit (nothing more is due) or
 * `deadline` (epoch ms) has passed. The cron route drains this way.
 */
export async function drainDueAlerts(
  db: Db,
  options: DeliveryOptions & { deadline: number },
): Promise<DeliveryRunResult> {
  const { deadline, ...rest } = options;
  const limit = rest.limit ?? CLAIM_LIMIT;
  const total: DeliveryRunResult = { attempted: 0, delivered: 0, failed: 0 };
  do {
    const run = await deliverDueAlerts(db, { ...rest, limit });
    total.attempted += run.attempted;
    total.delivered += run.delivered;
    total.failed += run.failed;
    if (run.attempted < limit) break;
  } while (Date.now() < deadline);
  return total;
}

/**
 * Delivers what is due, one pass at a time in this process: asked while a pass runs, it runs
 * another one after it (at most one more, however often it was asked), never closer than a
 * second to the last. Resolves when no pass is left; never rejects.
 */
export function runAlertDelivery(): Promise<void> {
  if (slot.running) {
    slot.again = true;
    return slot.running;
  }
  slot.running = (async () => {
    try {
      do {
        slot.again = false;
        const wait = slot.lastStart + MIN_PASS_GAP_MS - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        slot.lastStart = Date.now();
        try {
          await drainDueAlerts(await getDb(), { deadline: Date.now() + PASS_BUDGET_MS });
        } catch (error) {
          console.error("alert delivery failed:", error);
        }
      } while (slot.again);
    } finally {
      slot.running = null;
    }
  })();
  return slot.running;
}

/** Whether `npm start`'s delivery loop runs in this process. */
export function alertLoopRunning(): boolean {
  return slot.loop;
}

/**
 * Under `npm start`: a pass every ALERT_LOOP_MS (unref'd, so it never keeps the process up).
 * Returns the stop function, which waits for a pass in progress (its sends end within 5 s).
 */
export function startAlertDelivery(intervalMs = ALERT_LOOP_MS): () => Promise<void> {
  slot.loop = true;
  const timer = setInterval(() => void runAlertDelivery(), intervalMs);
  timer.unref();
  void runAlertDelivery();
  return async () => {
    clearInterval(timer);
    slot.loop = false;
    slot.again = false;
    await slot.running;
  };
}
