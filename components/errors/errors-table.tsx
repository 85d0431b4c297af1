"use client";

import {
  flexRender,
  getCoreRowModel,
  type RowSelectionState,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ErrorSort } from "@/lib/errors/list-query";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import { BulkBar } from "./bulk-bar";
import { viewSpansEnvironments } from "./environment-badge";
import { ErrorCards } from "./error-cards";
import { errorColumns } from "./error-columns";
import { useListNavigation } from "./list-navigation";
import { ShortcutsHelp, useListShortcuts } from "./list-shortcuts";
import type { ErrorRow } from "./types";
import { useErrorActions } from "./use-error-actions";

const SORT_COLUMN: Record<ErrorSort, string> = {
  frequency: "count",
  level: "level",
  lastSeen: "lastSeen",
  firstSeen: "firstSeen",
};

interface PendingDelete {
  rows: ErrorRow[];
  clearsSelection: boolean;
}

/**
 * The list of errors. Sorting, filtering and paging happen on the server (the URL is the
 * state); the table only renders a page and keeps the row selection.
 */
export function ErrorsTable({ rows, state }: { rows: ErrorRow[]; state: ErrorListState }) {
  const { navigate } = useListNavigation();
  const actions = useErrorActions();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const sorting: SortingState = [{ id: SORT_COLUMN[state.sort], desc: true }];

  const columns = useMemo(
    () =>
      errorColumns({
        view: state.status,
        showEnvironment: viewSpansEnvironments(state.environment),
        busy: actions.isPending,
        onAction: (row, action) => actions.run({ ...action, ids: [row.id] }),
        onDelete: (row) => setPendingDelete({ rows: [row], clearsSelection: false }),
      }),
    [state.status, state.environment, actions.isPending, actions.run],
  );

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => String(row.id),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableRowSelection: true,
    state: { sorting, rowSelection },
    onRowSelectionChange: setRowSelection,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const column = next[0] && table.getColumn(next[0].id);
      const sort = column?.columnDef.meta?.sort;
      if (sort && sort !== state.sort) navigate(errorListHref(state, { sort }));
    },
  });

  const shortcuts = useListShortcuts({
    rows,
    busy: actions.isPending,
    onToggle: (row) => {
      const target = table.getRow(String(row.id));
      const next = !target.getIsSelected();
      target.toggleSelected(next);
      return next;
    },
    onArchive: (row) =>
      actions.run({ action: row.status === "archived" ? "unarchive" : "archive", ids: [row.id] }),
    onResolve: (row) =>
      actions.run({ action: row.status === "resolved" ? "reopen" : "resolve", ids: [row.id] }),
  });

  const selected = table.getSelectedRowModel().rows.map((row) => row.original);
  const clearSelection = () => setRowSelection({});
  const deleting = pendingDelete?.rows ?? [];
  const deletingEvents = deleting.reduce((sum, row) => sum + row.count, 0);

  return (
    <div className="space-y-3">
      {selected.length > 0 ? (
        <BulkBar
          selected={selected}
          busy={actions.isPending}
          onAction={(action) =>
            actions.run(
              { ...action, ids: selected.map((row) => row.id) },
              (ok) => ok && clearSelection(),
            )
          }
          onDelete={() => setPendingDelete({ rows: selected, clearsSelection: true })}
          onClear={clearSelection}
        />
      ) : null}

      <div className="hidden overflow-x-auto rounded-xl border border-zinc-200 bg-white transition-opacity group-data-pending/list:opacity-60 md:block dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full table-fixed text-left text-sm">
          <caption className="sr-only">Errors, sorted by {sortLabel(state.sort)}</caption>
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const active = header.column.getIsSorted() === "desc";
                  const content = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={meta?.sort ? (active ? "descending" : "none") : undefined}
                      className={`px-3 py-2.5 font-medium ${meta?.className ?? ""}`}
                    >
                      {meta?.sort ? (
                        <button
                          type="button"
                          onClick={() => table.setSorting([{ id: header.column.id, desc: true }])}
                          className={`-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-zinc-900 dark:hover:text-white ${active ? "text-zinc-900 dark:text-white" : ""}`}
                        >
                          {content}
                          <span aria-hidden className={active ? "" : "opacity-0"}>
                            ↓
                          </span>
                          <span className="sr-only">{active ? "(sorted)" : ", sort by this"}</span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-error-row={row.id}
                data-selected={row.getIsSelected() || undefined}
                aria-current={shortcuts.currentId === row.original.id ? "true" : undefined}
                className="hover:bg-zinc-50 data-selected:bg-indigo-50/60 aria-[current]:outline-2 aria-[current]:-outline-offset-2 aria-[current]:outline-indigo-500 dark:hover:bg-zinc-800/40 dark:data-selected:bg-indigo-950/40"
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`px-3 py-2.5 align-middle ${cell.column.columnDef.meta?.className ?? ""}`}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <p className="sr-only" aria-live="polite">
        {shortcuts.announcement}
      </p>
      <ShortcutsHelp open={shortcuts.helpOpen} onClose={shortcuts.closeHelp} />

      <ErrorCards
        table={table}
        currentId={shortcuts.currentId}
        view={state.status}
        showEnvironment={viewSpansEnvironments(state.environment)}
        busy={actions.isPending}
        onAction={(row, action) => actions.run({ ...action, ids: [row.id] })}
        onDelete={(row) => setPendingDelete({ rows: [row], clearsSelection: false })}
      />

      <ConfirmDialog
        open={pendingDelete !== null}
        title={deleting.length === 1 ? "Delete this error?" : `Delete ${deleting.length} errors?`}
        description={
          <p>
            {deleting.length === 1 ? (
              <>
                <strong className="break-words">“{deleting[0]?.title}”</strong> and its{" "}
                {deletingEvents === 1 ? "event" : `${deletingEvents} events`}
              </>
            ) : (
              `${deleting.length} errors and their ${deletingEvents} events`
            )}{" "}
            will be removed for good. This cannot be undone.
          </p>
        }
        confirmLabel="Delete"
        pending={actions.isPending}
        onCancel={() => setPendingDelete(null)}
        onConfirm={() => {
          const target = pendingDelete;
          if (!target) return;
          actions.run({ action: "delete", ids: target.rows.map((row) => row.id) }, (ok) => {
            setPendingDelete(null);
            if (ok && target.clearsSelection) clearSelection();
          });
        }}
      />
    </div>
  );
}

function sortLabel(sort: ErrorSort): string {
  return { frequency: "frequency", level: "level", lastSeen: "last seen", firstSeen: "first seen" }[
    sort
  ];
}
