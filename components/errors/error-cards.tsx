"use client";

import type { Table } from "@tanstack/react-table";
import Link from "next/link";
import { useId } from "react";
import { Avatar } from "@/components/ui/avatar";
import { LevelBadge } from "@/components/ui/level-badge";
import { TriageBadges } from "@/components/ui/triage-badges";
import type { ErrorStatusFilter } from "@/lib/errors/list-query";
import { EnvironmentBadge } from "./environment-badge";
import { RelativeTime } from "./relative-time";
import { type RowActionHandlers, RowActions } from "./row-actions";
import { SelectCheckbox } from "./select-checkbox";
import { Sparkline } from "./sparkline";
import type { ErrorRow } from "./types";

/** The list at phone width: one card per error, from the same table model as the desktop rows. */
export function ErrorCards({
  table,
  view,
  showEnvironment,
  currentId,
  ...handlers
}: RowActionHandlers & {
  table: Table<ErrorRow>;
  /** The row the keyboard shortcuts act on. */
  currentId: number | null;
  view: ErrorStatusFilter | null;
  showEnvironment: boolean;
}) {
  const rows = table.getRowModel().rows;
  const selectAllId = useId();
  return (
    <div className="transition-opacity group-data-pending/list:opacity-60 md:hidden">
      <div className="mb-2 flex w-fit items-center gap-2 px-1 text-sm text-zinc-600 dark:text-zinc-400">
        <SelectCheckbox
          id={selectAllId}
          checked={table.getIsAllRowsSelected()}
          indeterminate={table.getIsSomeRowsSelected()}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
        <label htmlFor={selectAllId}>Select all on this page</label>
      </div>
      <ul className="space-y-2">
        {rows.map((row) => {
          const error = row.original;
          return (
            <li
              key={row.id}
              data-error-row={row.id}
              data-selected={row.getIsSelected() || undefined}
              aria-current={currentId === error.id ? "true" : undefined}
              className="rounded-xl border border-zinc-200 bg-white p-3 aria-[current]:outline-2 aria-[current]:outline-indigo-500 data-selected:border-indigo-300 data-selected:bg-indigo-50/60 dark:border-zinc-800 dark:bg-zinc-900 dark:data-selected:border-indigo-800 dark:data-selected:bg-indigo-950/40"
            >
              <div className="flex items-start gap-3">
                <SelectCheckbox
                  aria-label={`Select ${error.title}`}
                  checked={row.getIsSelected()}
                  onChange={row.getToggleSelectedHandler()}
                  className="mt-1"
                />
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <LevelBadge level={error.level} />
                    <TriageBadges
                      status={error.status}
                      substatus={error.substatus}
                      eventsSinceStatus={error.eventsSinceStatus}
                      view={view}
                    />
                    {showEnvironment ? <EnvironmentBadge environment={error.environment} /> : null}
                    <span className="min-w-0 truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">
                      {error.origin}
                    </span>
                  </div>
                  <Link
                    href={`/errors/${error.id}`}
                    prefetch={false}
                    className="mt-1.5 line-clamp-2 font-medium break-words text-zinc-900 hover:underline dark:text-zinc-100"
                  >
                    {error.title}
                  </Link>
                  {error.detailsPreview ? (
                    <p className="mt-0.5 truncate text-xs text-zinc-500 dark:text-zinc-400">
                      {error.detailsPreview}
                    </p>
                  ) : null}
                  <div className="mt-2 flex items-end justify-between gap-3 text-xs text-zinc-600 dark:text-zinc-400">
                    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
                      <dt className="text-zinc-500">Events</dt>
                      <dd className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">
                        {error.count.toLocaleString("en")}
                      </dd>
                      <dt className="text-zinc-500">Last seen</dt>
                      <dd>
                        <RelativeTime iso={error.lastSeen} />
                      </dd>
                      <dt className="text-zinc-500">First seen</dt>
                      <dd>
                        <RelativeTime iso={error.firstSeen} />
                      </dd>
                      {error.assignee ? (
                        <>
                          <dt className="text-zinc-500">Assignee</dt>
                          <dd className="flex min-w-0 items-center gap-1.5">
                            <Avatar id={error.assignee.id} name={error.assignee.name} size="xs" />
                            <span className="truncate">{error.assignee.name}</span>
                          </dd>
                        </>
                      ) : null}
                    </dl>
                    <Sparkline counts={error.hourly} />
                  </div>
                  <div className="-ml-2 mt-2">
                    <RowActions row={error} {...handlers} />
                  </div>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
