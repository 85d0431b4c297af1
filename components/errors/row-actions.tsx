"use client";

import type { ErrorRow } from "./types";

export interface RowActionHandlers {
  onArchive: (row: ErrorRow) => void;
  onUnarchive: (row: ErrorRow) => void;
  onDelete: (row: ErrorRow) => void;
  busy: boolean;
}

const actionClass =
  "inline-flex items-center gap-1 rounded-md text-xs font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50";

/** Archive or unarchive, and delete (which asks first). The error's title is in each name. */
export function RowActions({
  row,
  onArchive,
  onUnarchive,
  onDelete,
  busy,
  compact = false,
}: RowActionHandlers & { row: ErrorRow; compact?: boolean }) {
  const archived = row.status === "archived";
  const archiveLabel = archived ? "Unarchive" : "Archive";
  // Compact (the desktop table): icons with a tooltip; the full name stays for screen readers.
  const text = compact ? "sr-only" : "";
  const size = compact ? "p-1.5" : "px-2 py-1";
  return (
    <div className="inline-flex items-center gap-1">
      <button
        type="button"
        disabled={busy}
        onClick={() => (archived ? onUnarchive(row) : onArchive(row))}
        title={compact ? archiveLabel : undefined}
        className={`${actionClass} ${size} text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800`}
      >
        {archived ? <UnarchiveIcon /> : <ArchiveIcon />}
        <span className={text}>{archiveLabel}</span>
        <span className="sr-only"> {row.title}</span>
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => onDelete(row)}
        title={compact ? "Delete" : undefined}
        className={`${actionClass} ${size} text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/60`}
      >
        <TrashIcon />
        <span className={text}>Delete</span>
        <span className="sr-only"> {row.title}</span>
      </button>
    </div>
  );
}

function Icon({ children }: { children: React.ReactNode }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-4"
    >
      {children}
    </svg>
  );
}

export function ArchiveIcon() {
  return (
    <Icon>
      <rect x="1.75" y="2.5" width="12.5" height="3" rx="0.75" />
      <path d="M3 5.5v7.25c0 .41.34.75.75.75h8.5c.41 0 .75-.34.75-.75V5.5M6.5 8.5h3" />
    </Icon>
  );
}

export function UnarchiveIcon() {
  return (
    <Icon>
      <rect x="1.75" y="2.5" width="12.5" height="3" rx="0.75" />
      <path d="M3 5.5v7.25c0 .41.34.75.75.75h8.5c.41 0 .75-.34.75-.75V5.5M8 12V8m-1.75 1.75L8 8l1.75 1.75" />
    </Icon>
  );
}

export function TrashIcon() {
  return (
    <Icon>
      <path d="M2.5 4h11M6.5 4V2.75h3V4M4 4l.6 8.6c.04.5.46.9.97.9h4.86c.51 0 .93-.4.97-.9L12 4" />
    </Icon>
  );
}
