"use client";

import type { ColumnDef, RowData } from "@tanstack/react-table";
import Link from "next/link";
import { LevelBadge } from "@/components/ui/level-badge";
import { TriageBadges } from "@/components/ui/triage-badges";
import type { ErrorSort, ErrorStatusFilter } from "@/lib/errors/list-query";
import { EnvironmentBadge } from "./environment-badge";
import { RelativeTime } from "./relative-time";
import { type RowActionHandlers, RowActions } from "./row-actions";
import { SelectCheckbox } from "./select-checkbox";
import { Sparkline } from "./sparkline";
import type { ErrorRow } from "./types";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The server sort this column's header selects. */
    sort?: ErrorSort;
    /** Classes for both the header and the cells (width, alignment, responsive hiding). */
    className?: string;
  }
}

const numberFormat = new Intl.NumberFormat("en");

export function errorColumns(
  options: RowActionHandlers & { view: ErrorStatusFilter | null; showEnvironment: boolean },
): ColumnDef<ErrorRow>[] {
  return [
    {
      id: "select",
      header: ({ table }) => (
        <SelectCheckbox
          aria-label="Select all errors on this page"
          checked={table.getIsAllRowsSelected()}
          indeterminate={table.getIsSomeRowsSelected()}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <SelectCheckbox
          aria-label={`Select ${row.original.title}`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
      meta: { className: "w-10" },
    },
    {
      id: "level",
      header: "Level",
      cell: ({ row }) => <LevelBadge level={row.original.level} />,
      meta: { sort: "level", className: "w-26" },
    },
    {
      id: "title",
      header: "Error",
      cell: ({ row }) => (
        <div className="min-w-0">
          <Link
            href={`/errors/${row.original.id}`}
            prefetch={false}
            className="block truncate font-medium text-zinc-900 hover:text-indigo-700 hover:underline dark:text-zinc-100 dark:hover:text-indigo-300"
            title={row.original.title}
          >
            {row.original.title}
          </Link>
          {/* The title keeps the whole line; the triage marks lead the line below it. */}
          <div className="mt-0.5 flex min-w-0 items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
            <TriageBadges
              status={row.original.status}
              substatus={row.original.substatus}
              eventsSinceStatus={row.original.eventsSinceStatus}
              view={options.view}
            />
            {options.showEnvironment ? (
              <EnvironmentBadge environment={row.original.environment} />
            ) : null}
            <p
              className="min-w-0 truncate"
              title={row.original.detailsPreview.slice(0, 300) || undefined}
            >
              {/* The origin column only fits from lg up; below, it leads the preview line. */}
              <span className="font-mono lg:hidden">
                {row.original.origin}
                {row.original.detailsPreview ? " · " : ""}
              </span>
              {row.original.detailsPreview}
            </p>
          </div>
        </div>
      ),
      meta: { className: "max-w-0 w-full" },
    },
    {
      id: "origin",
      header: "Origin",
      cell: ({ row }) => (
        <span className="block truncate font-mono text-xs" title={row.original.origin}>
          {row.original.origin}
        </span>
      ),
      meta: { className: "hidden w-32 max-w-32 lg:table-cell" },
    },
    {
      id: "count",
      header: "Events",
      cell: ({ row }) => (
        <span className="tabular-nums">{numberFormat.format(row.original.count)}</span>
      ),
      meta: { sort: "frequency", className: "w-22 text-right" },
    },
    {
      id: "lastSeen",
      header: "Last seen",
      cell: ({ row }) => <RelativeTime iso={row.original.lastSeen} />,
      meta: { sort: "lastSeen", className: "w-28 whitespace-nowrap" },
    },
    {
      id: "firstSeen",
      header: "First seen",
      cell: ({ row }) => <RelativeTime iso={row.original.firstSeen} />,
      meta: { sort: "firstSeen", className: "hidden w-28 whitespace-nowrap xl:table-cell" },
    },
    {
      id: "trend",
      header: "24 hours",
      cell: ({ row }) => <Sparkline counts={row.original.hourly} />,
      meta: { className: "hidden w-26 lg:table-cell" },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <RowActions row={row.original} compact {...options} />,
      meta: { className: "w-44 text-right" },
    },
  ];
}
