"use client";

import { AssignMenu } from "@/components/ui/assign-menu";
import { Button, buttonClass } from "@/components/ui/button";
import { Menu, MenuItem } from "@/components/ui/menu";
import { useLaterTranslations } from "./later-messages";
import { ListIcon } from "./list-icons";
import type { RowAction } from "./row-actions";
import type { ErrorRow } from "./types";
import { useErrorActions } from "./use-error-actions";

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
  const later = useLaterTranslations();
  const { members, currentUserId } = useErrorActions();
  const anyUnresolved = selected.some((row) => row.status !== "resolved");
  const anyResolved = selected.some((row) => row.status === "resolved");
  const anyUnarchived = selected.some((row) => row.status !== "archived");
  const anyArchived = selected.some((row) => row.status === "archived");
  const small = "px-2.5 py-1.5 text-xs";
  return (
    <section
      aria-label={later("bulkRegion")}
      className="flex flex-wrap items-center gap-2 rounded-xl border border-indigo-200 bg-indigo-50 px-3 py-2 dark:border-indigo-900 dark:bg-indigo-950/50"
    >
      <p className="mr-auto text-sm font-medium text-indigo-950 dark:text-indigo-100">
        {later("bulkSelected", { count: selected.length })}
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
            {later("bulkResolve")}
          </Button>
          <Menu
            label={later("bulkResolveOptions")}
            buttonLabel={later("bulkResolveOptions")}
            disabled={busy}
            trigger={<span aria-hidden>▾</span>}
            triggerClassName={buttonClass("secondary", `${small} -ml-px rounded-l-none px-1.5`)}
          >
            <MenuItem
              hint={later("resolveInNextReleaseHint")}
              onClick={() => onAction({ action: "resolve", resolve: "inNextRelease" })}
            >
              {later("resolveInNextRelease")}
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
          {later("bulkReopen")}
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
          {later("bulkArchive")}
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
          {later("bulkUnarchive")}
        </Button>
      ) : null}
      <AssignMenu
        members={members}
        currentUserId={currentUserId}
        onAssign={(assigneeId) => onAction({ action: "assign", assigneeId })}
        label={later("bulkAssignMenu")}
        disabled={busy}
        align="start"
        trigger={
          <>
            <ListIcon name="person" />
            {later("bulkAssign")}
          </>
        }
        triggerClassName={buttonClass("secondary", small)}
      />
      <Button variant="danger" className={small} disabled={busy} onClick={onDelete}>
        <ListIcon name="trash" />
        {later("bulkDelete")}
      </Button>
      <Button variant="ghost" className={small} onClick={onClear}>
        {later("bulkClear")}
      </Button>
    </section>
  );
}
