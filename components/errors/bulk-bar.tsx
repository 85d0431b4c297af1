"use client";

import { AssignMenu } from "@/components/ui/assign-menu";
import { Button, buttonClass } from "@/components/ui/button";
import { Menu, MenuItem } from "@/components/ui/menu";
import { ListIcon } from "./list-icons";
import { ROW_ACTION_TEXT, type RowAction } from "./row-actions";
import type { ErrorRow } from "./types";
import { useErrorActions } from "./use-error-actions";

/** Every word of the bulk bar, in one place. */
export const BULK_TEXT = {
  region: "Bulk actions",
  selected: (n: number) => `${n} selected`,
  resolve: "Resolve selected",
  resolveOptions: "More ways to resolve the selected errors",
  reopen: "Reopen selected",
  archive: "Archive selected",
  unarchive: "Unarchive selected",
  assign: "Assign selected",
  assignMenu: "Assign the selected errors to",
  delete: "Delete selected",
  clear: "Clear selection",
};

/** Shown while rows are selected: what to do with all of them at once. */
export function BulkBar({
  selected,
  busy,
  onAction,
  onDelete,
  onClear,
}: {
  selected: ErrorRow[];
  busy: boolean;
  onAction: (action: RowAction) => void;
  onDelete: () => void;
  onClear: () => void;
}) {
  const { members, currentUserId } = useErrorActions();
  const anyUnresolved = selected.some((row) => row.status !== "resolved");
  const anyResolved = selected.some((row) => row.status === "resolved");
  const anyUnarchived = selected.some((row) => row.status !== "archived");
  const anyArchived = selected.some((row) => row.status === "archived");
  const small = "px-2.5 py-1.5 text-xs";
  return (
    <section
      aria-label={BULK_TEXT.region}
      className="flex flex-wrap items-center gap-2 rounded-xl border border-indigo-200 bg-indigo-50 px-3 py-2 dark:border-indigo-900 dark:bg-indigo-950/50"
    >
      <p className="mr-auto text-sm font-medium text-indigo-950 dark:text-indigo-100">
        {BULK_TEXT.selected(selected.length)}
      </p>
      {anyUnresolved ? (
        <div className="inline-flex">
          <Button
            variant="secondary"
            className={`${small} rounded-r-none`}
            disabled={busy}
            onClick={() => onAction({ action: "resolve" })}
          >
            <ListIcon name="resolve" />
            {BULK_TEXT.resolve}
          </Button>
          <Menu
            label={BULK_TEXT.resolveOptions}
            buttonLabel={BULK_TEXT.resolveOptions}
            disabled={busy}
            trigger={<span aria-hidden>▾</span>}
            triggerClassName={buttonClass("secondary", `${small} -ml-px rounded-l-none px-1.5`)}
          >
            <MenuItem
              hint={ROW_ACTION_TEXT.resolveInNextReleaseHint}
              onClick={() => onAction({ action: "resolve", resolve: "inNextRelease" })}
            >
              {ROW_ACTION_TEXT.resolveInNextRelease}
            </MenuItem>
          </Menu>
        </div>
      ) : null}
      {anyResolved ? (
        <Button
          variant="secondary"
          className={small}
          disabled={busy}
          onClick={() => onAction({ action: "reopen" })}
        >
          <ListIcon name="reopen" />
          {BULK_TEXT.reopen}
        </Button>
      ) : null}
      {anyUnarchived ? (
        <Button
          variant="secondary"
          className={small}
          disabled={busy}
          onClick={() => onAction({ action: "archive" })}
        >
          <ListIcon name="archive" />
          {BULK_TEXT.archive}
        </Button>
      ) : null}
      {anyArchived ? (
        <Button
          variant="secondary"
          className={small}
          disabled={busy}
          onClick={() => onAction({ action: "unarchive" })}
        >
          <ListIcon name="unarchive" />
          {BULK_TEXT.unarchive}
        </Button>
      ) : null}
      <AssignMenu
        members={members}
        currentUserId={currentUserId}
        onAssign={(assigneeId) => onAction({ action: "assign", assigneeId })}
        label={BULK_TEXT.assignMenu}
        disabled={busy}
        align="start"
        trigger={
          <>
            <ListIcon name="person" />
            {BULK_TEXT.assign}
          </>
        }
        triggerClassName={buttonClass("secondary", small)}
      />
      <Button variant="danger" className={small} disabled={busy} onClick={onDelete}>
        <ListIcon name="trash" />
        {BULK_TEXT.delete}
      </Button>
      <Button variant="ghost" className={small} onClick={onClear}>
        {BULK_TEXT.clear}
      </Button>
    </section>
  );
}
