"use client";

import { useTranslations } from "next-intl";
import { AssignMenu } from "@/components/ui/assign-menu";
import { Avatar } from "@/components/ui/avatar";
import { Menu, MenuItem } from "@/components/ui/menu";
import { useLaterTranslations } from "./later-messages";
import { ListIcon } from "./list-icons";
import type { ErrorRow } from "./types";
import { type ErrorActionRequest, useErrorActions } from "./use-error-actions";

export type RowAction = Omit<ErrorActionRequest, "ids">;

export interface RowActionHandlers {
  onAction: (row: ErrorRow, action: RowAction) => void;
  onDelete: (row: ErrorRow) => void;
  busy: boolean;
}

type RowWord = "select" | "resolve" | "reopen" | "archive" | "unarchive" | "delete" | "more";

/** The ErrorList message of each word of `rowLabel`. */
const ROW_WORDS = {
  select: "select",
  resolve: "resolve",
  reopen: "reopen",
  archive: "archive",
  unarchive: "unarchive",
  delete: "delete",
  more: "moreFor",
} as const satisfies Record<RowWord, string>;

/** The id of a row's title link, which names the row's controls. */
export const rowTitleId = (id: number) => `t${id}`;

/**
 * The accessible name "<word> <error's title>" (say, "Archive Disk full") of a row's control,
 * built from the word, said once per page by `RowWords`, and the row's title link: the title
 * is written once per row instead of once per control.
 */
export const rowLabel = (word: RowWord, id: number) => `w-${word} ${rowTitleId(id)}`;

/** The words of `rowLabel`, once per page, hidden. */
export function RowWords() {
  const t = useTranslations("ErrorList");
  return (
    <div hidden>
      {Object.entries(ROW_WORDS).map(([word, key]) => (
        <span key={word} id={`w-${word}`}>
          {t(key)}
        </span>
      ))}
    </div>
  );
}

/**
 * Resolve or reopen, archive or unarchive, the assignee, more (resolve in the next release) and
 * delete (which asks first). The error's title is in each name (`rowLabel`). From md up (the table): icons
 * with a tooltip, the words kept for screen readers; below (a card): the words, and delete
 * waits in the menu so that four actions fit one line. The menus render when first reached.
 */
export function RowActions({
  row,
  onAction,
  onDelete,
  busy,
  wide,
  tips,
}: RowActionHandlers & {
  row: ErrorRow;
  wide: boolean;
  /** Whether to give the icons their tooltips (once hydrated). */
  tips: boolean;
}) {
  const t = useTranslations("ErrorList");
  const later = useLaterTranslations();
  const assignText = useTranslations("AssignMenu");
  const { members, currentUserId } = useErrorActions();
  const archived = row.status === "archived";
  const resolved = row.status === "resolved";
  const archiveLabel = archived ? t("unarchive") : t("archive");
  const resolveLabel = resolved ? t("reopen") : t("resolve");
  const assignee = row.assignee;
  return (
    <div className="el-acts">
      <button
        type="button"
        disabled={busy}
        onClick={() => onAction(row, { action: resolved ? "reopen" : "resolve" })}
        title={tips ? resolveLabel : undefined}
        aria-labelledby={rowLabel(resolved ? "reopen" : "resolve", row.id)}
        className="ab"
      >
        <ListIcon name={resolved ? "reopen" : "resolve"} />
        <span className="ab-l">{resolveLabel}</span>
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => onAction(row, { action: archived ? "unarchive" : "archive" })}
        title={tips ? archiveLabel : undefined}
        aria-labelledby={rowLabel(archived ? "unarchive" : "archive", row.id)}
        className="ab"
      >
        <ListIcon name={archived ? "unarchive" : "archive"} />
        <span className="ab-l">{archiveLabel}</span>
      </button>
      <AssignMenu
        members={members}
        currentUserId={currentUserId}
        current={assignee}
        onAssign={(assigneeId) => onAction(row, { action: "assign", assigneeId })}
        label={assignText("menu")}
        buttonLabel={assignText("rowLabel", {
          title: row.title,
          assignee: assignee ? assignee.name : assignText("nobodyNow"),
        })}
        title={tips ? (assignee ? assignee.name : assignText("unassigned")) : undefined}
        disabled={busy}
        lazy
        trigger={
          <>
            {assignee ? (
              <Avatar id={assignee.id} name={assignee.name} />
            ) : (
              <ListIcon name="person" />
            )}
            {/* On a card, the assignee's name: the card has no column for it. */}
            <span className="ab-l">{assignee ? assignee.name : assignText("assign")}</span>
          </>
        }
        triggerClassName={assignee ? "ab ab-av" : "ab"}
      />
      {/* In the table, a resolved error's menu would hold nothing but delete, which has a button. */}
      <Menu
        label={t("more")}
        buttonLabelledBy={rowLabel("more", row.id)}
        title={tips ? t("more") : undefined}
        disabled={busy}
        lazy
        trigger={<ListIcon name="more" />}
        triggerClassName={resolved ? "ab ab-wide p-1.5" : "ab p-1.5"}
      >
        {resolved ? null : (
          <MenuItem
            hint={later("resolveInNextReleaseHint")}
            onClick={() => onAction(row, { action: "resolve", resolve: "inNextRelease" })}
          >
            {later("resolveInNextRelease")}
          </MenuItem>
        )}
        {wide ? null : (
          <MenuItem
            aria-haspopup="dialog"
            onClick={() => onDelete(row)}
            className="text-red-700 dark:text-red-400"
          >
            {later("deleteMenu")}
          </MenuItem>
        )}
      </Menu>
      <button
        type="button"
        disabled={busy}
        onClick={() => onDelete(row)}
        title={tips ? t("delete") : undefined}
        aria-labelledby={rowLabel("delete", row.id)}
        className="ab ab-del"
      >
        <ListIcon name="trash" />
      </button>
    </div>
  );
}
