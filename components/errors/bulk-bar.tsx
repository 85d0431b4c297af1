"use client";

import { useTranslations } from "next-intl";
import { AssignMenu } from "@/components/ui/assign-menu";
import { Button, buttonClass } from "@/components/ui/button";
import { Menu, MenuItem } from "@/components/ui/menu";
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
  const t = useTranslations("ErrorList");
  const { members, currentUserId } = useErrorActions();
  const anyUnresolved = selected.some((row) => row.status !== "resolved");
  const anyResolved = selected.some((row) => row.status === "resolved");
  const anyUnarchived = selected.some((row) => row.status !== "archived");
  const anyArchived = selected.some((row) => row.status === "archived");
  const small = "px-2.5 py-1.5 text-xs";
  return (
    <section
      aria-label={t("bulkRegion")}
      className="flex flex-wrap items-center gap-2 rounded-xl border border-indigo-200 bg-indigo-50 px-3 py-2 dark:border-indigo-900 dark:bg-indigo-950/50"
    >
      <p className="mr-auto text-sm font-medium text-indigo-950 dark:text-indigo-100">
        {t("bulkSelected", { count: selected.length })}
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
            {t("bulkResolve")}
          </Button>
          <Menu
            label={t("bulkResolveOptions")}
            buttonLabel={t("bulkResolveOptions")}
            disabled={busy}
            trigger={<span aria-hidden>▾</span>}
            triggerClassName={buttonClass("secondary", `${small} -ml-px rounded-l-none px-1.5`)}
          >
            <MenuItem
              hint={t("resolveInNextReleaseHint")}
              onClick={() => onAction({ action: "resolve", resolve: "inNextRelease" })}
            >
              {t("resolveInNextRelease")}
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
          {t("bulkReopen")}
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
          {t("bulkArchive")}
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
          {t("bulkUnarchive")}
        </Button>
      ) : null}
      <AssignMenu
        members={members}
        currentUserId={currentUserId}
        onAssign={(assigneeId) => onAction({ action: "assign", assigneeId })}
        label={t("bulkAssignMenu")}
        disabled={busy}
        align="start"
        trigger={
          <>
            <ListIcon name="person" />
            {t("bulkAssign")}
          </>
        }
        triggerClassName={buttonClass("secondary", small)}
      />
      <Button variant="danger" className={small} disabled={busy} onClick={onDelete}>
        <ListIcon name="trash" />
        {t("bulkDelete")}
      </Button>
      <Button variant="ghost" className={small} onClick={onClear}>
        {t("bulkClear")}
      </Button>
    </section>
  );
}
