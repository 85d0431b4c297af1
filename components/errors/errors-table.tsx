"use client";

import {
  type ColumnDef,
  getCoreRowModel,
  type RowData,
  type RowSelectionState,
  useReactTable,
} from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useCallback, useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ErrorSort } from "@/lib/errors/list-query";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import { BulkBar } from "./bulk-bar";
import { viewSpansEnvironments } from "./environment-badge";
import { ErrorListRow } from "./error-row";
import { useLaterTranslations } from "./later-messages";
import { ListIconSprite } from "./list-icons";
import { useListNavigation } from "./list-navigation";
import { ShortcutsHelp, useListShortcuts } from "./list-shortcuts";
import { type RowAction, RowWords } from "./row-actions";
import { SelectCheckbox } from "./select-checkbox";
import type { ErrorRow } from "./types";
import { useErrorActions } from "./use-error-actions";
import { useWideScreen } from "./use-wide-screen";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The server sort this column's header selects. */
    sort?: ErrorSort;
    /** The class of the header and its cells (app/errors-list.css: width, phone layout). */
    className?: string;
  }
}

/**
 * The columns after the checkbox, with the server sort each one selects. The table model
 * (columns, headers, row selection) is TanStack Table's; each row's cells are laid out by
 * ErrorListRow, once for both the table and the phone card.
 */
type ColumnId = "level" | "error" | "origin" | "count" | "lastSeen" | "firstSeen" | "trend";

/** A column's header is the ErrorList message named as its id. */
const COLUMNS: (ColumnDef<ErrorRow> & { id: ColumnId })[] = [
  { id: "level", meta: { className: "c-lvl", sort: "level" } },
  { id: "error", meta: { className: "c-main" } },
  { id: "origin", meta: { className: "c-org font-sans text-xs" } },
  { id: "count", meta: { className: "c-n", sort: "frequency" } },
  { id: "lastSeen", meta: { className: "c-last", sort: "lastSeen" } },
  { id: "firstSeen", meta: { className: "c-first", sort: "firstSeen" } },
  { id: "trend", meta: { className: "c-trend" } },
];
const SORT_COLUMN: Record<ErrorSort, string> = {
  level: "level",
  frequency: "count",
  lastSeen: "lastSeen",
  firstSeen: "firstSeen",
};

/** A card's labels for its numbers, set once on the table for the CSS (`content: var(…)`). */
const cardLabels = (t: (key: "count" | "lastSeen" | "firstSeen") => string) =>
  ({
    "--el-events": JSON.stringify(t("count")),
    "--el-last": JSON.stringify(t("lastSeen")),
    "--el-first": JSON.stringify(t("firstSeen")),
  }) as React.CSSProperties;

interface PendingDelete {
  rows: ErrorRow[];
  clearsSelection: boolean;
}

/**
 * The list of errors. Sorting, filtering and paging happen on the server (the URL is the
 * state); the table only renders a page and keeps the row selection. Each error is rendered
 * once: a table row on wide screens, a card on phones (app/errors-list.css).
 */
export function ErrorsTable({ rows, state }: { rows: ErrorRow[]; state: ErrorListState }) {
  const t = useTranslations("ErrorList");
  const later = useLaterTranslations();
  const { navigate } = useListNavigation();
  const actions = useErrorActions();
  const wide = useWideScreen();
  const selectAllId = useId();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const { run } = actions;
  const table = useReactTable({
    data: rows,
    columns: COLUMNS,
    getRowId: (row) => String(row.id),
    getCoreRowModel: getCoreRowModel(),
    // The server sorts, filters and pages (the URL is the state).
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    state: { rowSelection, sorting: [{ id: SORT_COLUMN[state.sort], desc: true }] },
    onRowSelectionChange: setRowSelection,
  });

  const toggle = useCallback((id: number) => {
    setRowSelection((selection) => {
      const { [String(id)]: was, ...rest } = selection;
      return was ? rest : { ...rest, [String(id)]: true };
    });
  }, []);
  const onAction = useCallback(
    (row: ErrorRow, action: RowAction) => run({ ...action, ids: [row.id] }),
    [run],
  );
  const onDelete = useCallback(
    (row: ErrorRow) => setPendingDelete({ rows: [row], clearsSelection: false }),
    [],
  );

  const shortcuts = useListShortcuts({
    rows,
    busy: actions.isPending,
    onToggle: (row) => {
      toggle(row.id);
      return !rowSelection[String(row.id)];
    },
    onArchive: (row) =>
      run({ action: row.status === "archived" ? "unarchive" : "archive", ids: [row.id] }),
    onResolve: (row) =>
      run({ action: row.status === "resolved" ? "reopen" : "resolve", ids: [row.id] }),
  });

  // Rows that left the page (archived out of this view) are no longer selected.
  const selected = table.getSelectedRowModel().rows.map((row) => row.original);
  const allSelected = table.getIsAllRowsSelected();
  const clearSelection = () => table.resetRowSelection();
  const deleting = pendingDelete?.rows ?? [];
  const deletingEvents = deleting.reduce((sum, row) => sum + row.count, 0);
  const view = state.status;
  const showEnvironment = viewSpansEnvironments(state.environment);
  const none = wide ? undefined : "none";

  return (
    <div className="space-y-3">
      <ListIconSprite />
      <RowWords />
      {selected.length > 0 ? (
        <BulkBar
          selected={selected}
          busy={actions.isPending}
          onAction={(action) =>
            run({ ...action, ids: selected.map((row) => row.id) }, (ok) => ok && clearSelection())
          }
          onDelete={() => setPendingDelete({ rows: selected, clearsSelection: true })}
          onClear={clearSelection}
        />
      ) : null}

      <div className="el-wrap">
        <table className="el-table" role={none} style={cardLabels(t)}>
          <caption className="sr-only">{t("caption", { sort: state.sort })}</caption>
          <thead role={none}>
            <tr role={none}>
              <th scope="col" role={none} className="c-sel">
                <div className="flex w-fit items-center gap-2">
                  <SelectCheckbox
                    id={selectAllId}
                    checked={allSelected}
                    indeterminate={selected.length > 0}
                    onChange={table.getToggleAllRowsSelectedHandler()}
                  />
                  <label htmlFor={selectAllId} className="md:sr-only">
                    {t("selectAll")}
                  </label>
                </div>
              </th>
              {table.getFlatHeaders().map((header) => {
                const { sort, className } = header.column.columnDef.meta ?? {};
                const active = header.column.getIsSorted() !== false;
                const label = t(header.column.id as ColumnId);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    role={none}
                    aria-sort={wide && sort ? (active ? "descending" : "none") : undefined}
                    className={className}
                  >
                    {sort ? (
                      <button
                        type="button"
                        onClick={() => {
                          if (!active) navigate(errorListHref(state, { sort }));
                        }}
                        className={`-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-zinc-900 dark:hover:text-white ${active ? "text-zinc-900 dark:text-white" : ""}`}
                      >
                        {label}
                        <span aria-hidden className={active ? "" : "opacity-0"}>
                          ↓
                        </span>
                        <span className="sr-only">{active ? t("sorted") : t("sortBy")}</span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
              <th scope="col" role={none} className="c-act">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody role={wide ? undefined : "list"}>
            {table.getRowModel().rows.map((tableRow) => (
              <ErrorListRow
                key={tableRow.id}
                row={tableRow.original}
                wide={wide}
                selected={tableRow.getIsSelected()}
                current={shortcuts.currentId === tableRow.original.id}
                onToggle={toggle}
                view={view}
                showEnvironment={showEnvironment}
                busy={actions.isPending}
                onAction={onAction}
                onDelete={onDelete}
              />
            ))}
          </tbody>
        </table>
      </div>

      <p className="sr-only" aria-live="polite">
        {shortcuts.announcement}
      </p>
      <ShortcutsHelp open={shortcuts.helpOpen} onClose={shortcuts.closeHelp} />

      <ConfirmDialog
        open={pendingDelete !== null}
        title={later("deleteTitle", { count: deleting.length })}
        description={
          <p>
            {deleting.length === 1
              ? later.rich("deleteOne", {
                  title: deleting[0]?.title ?? "",
                  events: deletingEvents,
                  strong: (chunks) => <strong className="break-words">{chunks}</strong>,
                })
              : later("deleteMany", { count: deleting.length, events: deletingEvents })}
          </p>
        }
        confirmLabel={later("confirmDelete")}
        pendingLabel={later("deleting")}
        pending={actions.isPending}
        onCancel={() => setPendingDelete(null)}
        onConfirm={() => {
          const target = pendingDelete;
          if (!target) return;
          run({ action: "delete", ids: target.rows.map((row) => row.id) }, (ok) => {
            setPendingDelete(null);
            if (ok && target.clearsSelection) clearSelection();
          });
        }}
      />
    </div>
  );
}
