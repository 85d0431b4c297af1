"use client";

import { Button } from "@/components/ui/button";
import { ArchiveIcon, TrashIcon, UnarchiveIcon } from "./row-actions";
import type { ErrorRow } from "./types";

/** Shown while rows are selected: what to do with all of them at once. */
export function BulkBar({
  selected,
  busy,
  onArchive,
  onUnarchive,
  onDelete,
  onClear,
}: {
  selected: ErrorRow[];
  busy: boolean;
  onArchive: () => void;
  onUnarchive: () => void;
  onDelete: () => void;
  onClear: () => void;
}) {
  const anyOpen = selected.some((row) => row.status === "open");
  const anyArchived = selected.some((row) => row.status === "archived");
  const small = "px-2.5 py-1.5 text-xs";
  return (
    <section
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-2 rounded-xl border border-indigo-200 bg-indigo-50 px-3 py-2 dark:border-indigo-900 dark:bg-indigo-950/50"
    >
      <p className="mr-auto text-sm font-medium text-indigo-950 dark:text-indigo-100">
        {selected.length} selected
      </p>
      {anyOpen ? (
        <Button variant="secondary" className={small} disabled={busy} onClick={onArchive}>
          <ArchiveIcon />
          Archive selected
        </Button>
      ) : null}
      {anyArchived ? (
        <Button variant="secondary" className={small} disabled={busy} onClick={onUnarchive}>
          <UnarchiveIcon />
          Unarchive selected
        </Button>
      ) : null}
      <Button variant="danger" className={small} disabled={busy} onClick={onDelete}>
        <TrashIcon />
        Delete selected
      </Button>
      <Button variant="ghost" className={small} onClick={onClear}>
        Clear selection
      </Button>
    </section>
  );
}
