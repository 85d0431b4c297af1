"use client";

import { ASSIGN_TEXT, AssignMenu, PersonPlusIcon } from "@/components/ui/assign-menu";
import { Avatar } from "@/components/ui/avatar";
import { Menu, MenuItem } from "@/components/ui/menu";
import type { ErrorRow } from "./types";
import { type ErrorActionRequest, useErrorActions } from "./use-error-actions";

export type RowAction = Omit<ErrorActionRequest, "ids">;

export interface RowActionHandlers {
  onAction: (row: ErrorRow, action: RowAction) => void;
  onDelete: (row: ErrorRow) => void;
  busy: boolean;
}

/** Every word of a row's actions, in one place. */
export const ROW_ACTION_TEXT = {
  resolve: "Resolve",
  reopen: "Reopen",
  archive: "Archive",
  unarchive: "Unarchive",
  delete: "Delete",
  deleteMenu: "Delete…",
  more: "More",
  moreLabel: (title: string) => `More actions for ${title}`,
  resolveInNextRelease: "Resolve in next release",
  resolveInNextReleaseHint:
    "Events from the release it was last seen in, or older, will not reopen it.",
};

const actionClass =
  "inline-flex items-center gap-1 rounded-md text-xs font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50";
const neutral = "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";

/**
 * Resolve or reopen, archive or unarchive, the assignee, more (resolve in the next release) and
 * delete (which asks first). The error's title is in each name.
 */
export function RowActions({
  row,
  onAction,
  onDelete,
  busy,
  compact = false,
}: RowActionHandlers & { row: ErrorRow; compact?: boolean }) {
  const { members, currentUserId } = useErrorActions();
  const archived = row.status === "archived";
  const resolved = row.status === "resolved";
  const archiveLabel = archived ? ROW_ACTION_TEXT.unarchive : ROW_ACTION_TEXT.archive;
  const resolveLabel = resolved ? ROW_ACTION_TEXT.reopen : ROW_ACTION_TEXT.resolve;
  // Compact (the desktop table): icons with a tooltip; the full name stays for screen readers.
  const text = compact ? "sr-only" : "";
  const size = compact ? "p-1.5" : "px-2 py-1";
  const assignee = row.assignee;
  return (
    <div className={`inline-flex items-center gap-0.5 ${compact ? "" : "flex-wrap"}`}>
      <button
        type="button"
        disabled={busy}
        onClick={() => onAction(row, { action: resolved ? "reopen" : "resolve" })}
        title={compact ? resolveLabel : undefined}
        className={`${actionClass} ${size} ${neutral}`}
      >
        {resolved ? <ReopenIcon /> : <ResolveIcon />}
        <span className={text}>{resolveLabel}</span>
        <span className="sr-only"> {row.title}</span>
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => onAction(row, { action: archived ? "unarchive" : "archive" })}
        title={compact ? archiveLabel : undefined}
        className={`${actionClass} ${size} ${neutral}`}
      >
        {archived ? <UnarchiveIcon /> : <ArchiveIcon />}
        <span className={text}>{archiveLabel}</span>
        <span className="sr-only"> {row.title}</span>
      </button>
      <AssignMenu
        members={members}
        currentUserId={currentUserId}
        current={assignee}
        onAssign={(assigneeId) => onAction(row, { action: "assign", assigneeId })}
        label={ASSIGN_TEXT.menu}
        buttonLabel={ASSIGN_TEXT.rowLabel(row.title, assignee)}
        title={assignee ? assignee.name : ASSIGN_TEXT.unassigned}
        disabled={busy}
        trigger={
          <>
            {assignee ? <Avatar id={assignee.id} name={assignee.name} /> : <PersonPlusIcon />}
            {compact ? null : <span>{ASSIGN_TEXT.assign}</span>}
          </>
        }
        triggerClassName={`${actionClass} ${compact ? (assignee ? "p-0.5" : "p-1.5") : assignee ? "py-0.5 pr-2 pl-0.5" : size} ${neutral}`}
      />
      {/* At phone width, delete waits in the menu: four actions fit one line of a card. */}
      {resolved && compact ? null : (
        <Menu
          label={ROW_ACTION_TEXT.more}
          buttonLabel={ROW_ACTION_TEXT.moreLabel(row.title)}
          title={compact ? ROW_ACTION_TEXT.more : undefined}
          disabled={busy}
          trigger={<MoreIcon />}
          triggerClassName={`${actionClass} p-1.5 ${neutral}`}
        >
          {resolved ? null : (
            <MenuItem
              hint={ROW_ACTION_TEXT.resolveInNextReleaseHint}
              onClick={() => onAction(row, { action: "resolve", resolve: "inNextRelease" })}
            >
              {ROW_ACTION_TEXT.resolveInNextRelease}
            </MenuItem>
          )}
          {compact ? null : (
            <MenuItem
              aria-haspopup="dialog"
              onClick={() => onDelete(row)}
              className="text-red-700 dark:text-red-400"
            >
              {ROW_ACTION_TEXT.deleteMenu}
            </MenuItem>
          )}
        </Menu>
      )}
      {compact ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => onDelete(row)}
          title={ROW_ACTION_TEXT.delete}
          className={`${actionClass} ${size} text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/60`}
        >
          <TrashIcon />
          <span className={text}>{ROW_ACTION_TEXT.delete}</span>
          <span className="sr-only"> {row.title}</span>
        </button>
      ) : null}
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

export function ResolveIcon() {
  return (
    <Icon>
      <circle cx="8" cy="8" r="6.25" />
      <path d="m5.25 8.25 1.9 1.9 3.6-3.9" />
    </Icon>
  );
}

export function ReopenIcon() {
  return (
    <Icon>
      <path d="M2.75 8a5.25 5.25 0 1 0 1.6-3.77M2.75 2.5v2.75H5.5" />
    </Icon>
  );
}

export function MoreIcon() {
  return (
    <Icon>
      <circle cx="3.5" cy="8" r="0.6" fill="currentColor" />
      <circle cx="8" cy="8" r="0.6" fill="currentColor" />
      <circle cx="12.5" cy="8" r="0.6" fill="currentColor" />
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
