"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { UpdatesBar } from "@/components/live/updates-bar";
import { usePoll } from "@/components/live/use-poll";
import type { ErrorListState } from "@/lib/errors/list-url";
import type { LiveErrorState, LiveList } from "@/lib/errors/live";
import { countListUpdates } from "@/lib/errors/live-diff";
import { liveListUrl } from "@/lib/errors/live-url";
import { ErrorsTable } from "./errors-table";
import { useLaterTranslations } from "./later-messages";
import type { ErrorRow } from "./types";

/**
 * The table of a list that is open: counts, last seen and status change in place; rows that
 * came, left or moved wait behind a "N updates — show" bar, so nothing jumps under the cursor.
 */
export function LiveErrorsTable({
  rows,
  state,
  project,
  limit,
}: {
  rows: ErrorRow[];
  state: ErrorListState;
  project: string;
  limit: number;
}) {
  const later = useLaterTranslations();
  const router = useRouter();
  const [showing, startShowing] = useTransition();
  // The answer with the rows it was asked about: a new server render of the rows voids it.
  const [live, setLive] = useState<{ rows: ErrorRow[]; data: LiveList } | null>(null);
  const url = liveListUrl(state, { project, limit, shown: rows.map((row) => row.id) });
  usePoll<LiveList>(url, (data) => setLive({ rows, data }), rows);

  const data = live?.rows === rows ? live.data : null;
  const shownRows = useMemo(() => (data ? withCounters(rows, data.errors) : rows), [rows, data]);
  const updates = data
    ? countListUpdates(
        rows.map((row) => row.id),
        data.ids,
      )
    : 0;

  const region = useRef<HTMLDivElement>(null);
  const shown = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the fresh rows arrive
  useEffect(() => {
    // The bar is gone with the fresh rows: the list itself takes the focus the button had.
    if (!shown.current) return;
    shown.current = false;
    region.current?.focus();
  }, [rows]);

  return (
    <div ref={region} tabIndex={-1} className="relative outline-none">
      <UpdatesBar
        label={updates > 0 ? later("updates", { count: updates }) : null}
        announcement={later("updatesAnnouncement", { count: updates })}
        pending={showing}
        onShow={() => {
          shown.current = true;
          startShowing(() => router.refresh());
        }}
      />
      <ErrorsTable rows={shownRows} state={state} />
    </div>
  );
}

/**
 * An empty list (no errors yet in the project, or none in this view) that turns into the list by
 * itself: nothing is under the cursor yet, so the first error needs no "show".
 */
export function RefreshOnFirstError({ url }: { url: string }) {
  const router = useRouter();
  usePoll<LiveList>(url, (data) => {
    if (data.ids.length > 0) router.refresh();
  });
  return null;
}

/** The rows with their fresh counters; the same objects (and array) where nothing changed. */
function withCounters(rows: ErrorRow[], counters: LiveErrorState[]): ErrorRow[] {
  const byId = new Map(counters.map((counter) => [counter.id, counter]));
  let changed = false;
  const next = rows.map((row) => {
    const fresh = byId.get(row.id);
    if (
      !fresh ||
      (fresh.count === row.count &&
        fresh.lastSeen === row.lastSeen &&
        fresh.status === row.status &&
        fresh.substatus === row.substatus &&
        fresh.eventsSinceStatus === row.eventsSinceStatus)
    )
      return row;
    changed = true;
    const { id: _id, ...values } = fresh;
    return { ...row, ...values };
  });
  return changed ? next : rows;
}
