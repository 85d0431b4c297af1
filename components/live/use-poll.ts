"use client";

import { useEffect, useRef } from "react";

/** How often an open page asks what changed. */
export const POLL_INTERVAL_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

/**
 * Polls `url` for JSON while the page is visible: one request at a time, the next one
 * `POLL_INTERVAL_MS` after the last answer, longer (doubling, up to a minute) after failures.
 * A hidden tab stops asking; showing it again asks at once. A refusal that will not change by
 * itself (signed out, gone, a stale link: any 4xx but 408 and 429) stops polling. `resetKey`:
 * when it changes, an answer still in flight is dropped (it was asked about the old data).
 */
export function usePoll<T>(url: string | null, onData: (data: T) => void, resetKey?: unknown) {
  const latest = useRef(onData);
  useEffect(() => {
    latest.current = onData;
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey restarts the loop on purpose
  useEffect(() => {
    if (url === null) return;
    let timer: number | undefined;
    let inFlight: AbortController | null = null;
    let failures = 0;
    let stopped = false;

    const schedule = () => {
      window.clearTimeout(timer);
      if (stopped || document.visibilityState === "hidden") return;
      const delay = Math.min(POLL_INTERVAL_MS * 2 ** failures, MAX_BACKOFF_MS);
      timer = window.setTimeout(poll, delay);
    };

    const poll = async () => {
      if (inFlight || stopped || document.visibilityState === "hidden") return;
      const controller = new AbortController();
      inFlight = controller;
      try {
        const response = await fetch(url, {
          signal: controller.signal,
          cache: "no-store",
          headers: { accept: "application/json" },
        });
        if (
          response.status >= 400 &&
          response.status < 500 &&
          ![408, 429].includes(response.status)
        ) {
          stopped = true;
          return;
        }
        if (!response.ok) throw new Error(`polling ${url} answered ${response.status}`);
        const data = (await response.json()) as T;
        if (controller.signal.aborted) return;
        failures = 0;
        latest.current(data);
      } catch {
        if (controller.signal.aborted) return;
        failures += 1;
      } finally {
        inFlight = null;
      }
      schedule();
    };

    const onVisibility = () => {
      window.clearTimeout(timer);
      if (document.visibilityState === "visible") void poll();
    };

    document.addEventListener("visibilitychange", onVisibility);
    schedule();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      inFlight?.abort();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [url, resetKey]);
}
