"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState, useTransition } from "react";
import {
  changeErrorStatus,
  type DetailActionState,
  type DetailChange,
  deleteError,
} from "@/app/(dashboard)/errors/[id]/actions";
import { AssignMenu, type Person, PersonPlusIcon } from "@/components/ui/assign-menu";
import { Avatar } from "@/components/ui/avatar";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Menu, MenuItem, MenuLabel, MenuSeparator } from "@/components/ui/menu";
import { ArchiveConditionText } from "./triage-text";

type Status = "open" | "resolved" | "archived";

const ARCHIVE_HOURS = [1, 24, 168];
const ARCHIVE_EVENTS = [10, 100, 1000];
const ARCHIVE_RATES = [
  { count: 10, minutes: 60 },
  { count: 100, minutes: 60 },
];

/**
 * Resolve (now, or in the next release), archive (forever or until a condition), reopen, the
 * assignee, and delete with a confirmation. Each is a plain form posting to one server action,
 * so they work before hydration; the menus are native popovers.
 */
export function ErrorActions({
  errorId,
  status,
  title,
  lastRelease,
  assignee,
  members,
  currentUserId,
}: {
  errorId: number;
  status: Status;
  title: string;
  /** The release it was last seen in: what "in next release" is measured from. */
  lastRelease: string | null;
  assignee: Person | null;
  members: Person[];
  currentUserId: number;
}) {
  const t = useTranslations("ErrorActions");
  const [statusState, statusAction, statusPending] = useActionState(changeErrorStatus, null);
  const [deleteState, setDeleteState] = useState<DetailActionState>(null);
  const [deleting, startDelete] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [choosingRate, setChoosingRate] = useState(false);
  const state = deleteState ?? statusState;
  const split = "rounded-r-none";
  const splitTrigger = buttonClass("secondary", "-ml-px rounded-l-none px-2");

  function confirmDelete() {
    startDelete(async () => {
      // On success the action redirects to the list and this never returns.
      const result = await deleteError(errorId);
      setConfirming(false);
      setDeleteState(result);
    });
  }

  const hidden = (fields: Record<string, string | number>) =>
    Object.entries(fields).map(([name, value]) => (
      <input key={name} type="hidden" name={name} value={value} />
    ));
  const clearDelete = () => setDeleteState(null);

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2 sm:justify-end">
        {status === "resolved" ? (
          <form action={statusAction} onSubmit={clearDelete}>
            {hidden({ id: errorId, from: status, status: "open" })}
            <Button type="submit" variant="secondary" disabled={statusPending}>
              {t("reopen")}
            </Button>
          </form>
        ) : (
          <form action={statusAction} onSubmit={clearDelete} className="inline-flex">
            {hidden({ id: errorId, from: status, status: "resolved" })}
            <Button
              type="submit"
              name="resolve"
              value="now"
              variant="secondary"
              className={split}
              disabled={statusPending}
            >
              {t("resolve")}
            </Button>
            <Menu
              label={t("resolveMenu")}
              buttonLabel={t("resolveOptions")}
              trigger={<Caret />}
              triggerClassName={splitTrigger}
              disabled={statusPending}
            >
              <MenuItem type="submit" name="resolve" value="now" hint={t("resolveNowHint")}>
                {t("resolveNow")}
              </MenuItem>
              <MenuItem
                type="submit"
                name="resolve"
                value="inNextRelease"
                disabled={!lastRelease}
                hint={
                  lastRelease
                    ? t("resolveInNextReleaseHint", { release: lastRelease })
                    : t("resolveInNextReleaseNoRelease")
                }
              >
                {lastRelease
                  ? t("resolveInNextReleaseNamed", { release: lastRelease })
                  : t("resolveInNextRelease")}
              </MenuItem>
            </Menu>
          </form>
        )}

        {status === "archived" ? (
          <form action={statusAction} onSubmit={clearDelete}>
            {hidden({ id: errorId, from: status, status: "open" })}
            <Button type="submit" variant="secondary" disabled={statusPending}>
              {t("unarchive")}
            </Button>
          </form>
        ) : (
          <form action={statusAction} onSubmit={clearDelete} className="inline-flex">
            {hidden({ id: errorId, from: status, status: "archived" })}
            <Button
              type="submit"
              name="archive"
              value="forever"
              variant="secondary"
              className={split}
              disabled={statusPending}
            >
              {t("archive")}
            </Button>
            <Menu
              label={t("archiveMenu")}
              buttonLabel={t("archiveOptions")}
              trigger={<Caret />}
              triggerClassName={splitTrigger}
              disabled={statusPending}
            >
              <MenuItem type="submit" name="archive" value="forever" hint={t("archiveForeverHint")}>
                {t("archiveForever")}
              </MenuItem>
              <MenuSeparator />
              <MenuLabel>{t("archiveFor")}</MenuLabel>
              {ARCHIVE_HOURS.map((hours) => (
                <MenuItem key={hours} type="submit" name="archive" value={`hours:${hours}`}>
                  {hours > 24 && hours % 24 === 0
                    ? t("archiveForDays", { days: hours / 24 })
                    : t("archiveForHours", { hours })}
                </MenuItem>
              ))}
              <MenuSeparator />
              <MenuLabel>{t("archiveEvents")}</MenuLabel>
              {ARCHIVE_EVENTS.map((n) => (
                <MenuItem key={n} type="submit" name="archive" value={`events:${n}`}>
                  {t("archiveUntilEvents", { count: n })}
                </MenuItem>
              ))}
              <MenuSeparator />
              <MenuLabel>{t("archiveRate")}</MenuLabel>
              {ARCHIVE_RATES.map((rate) => (
                <MenuItem
                  key={rate.count}
                  type="submit"
                  name="archive"
                  value={`rate:${rate.count}:${rate.minutes}`}
                >
                  {t("archiveUntilRate", { count: rate.count, minutes: rate.minutes })}
                </MenuItem>
              ))}
              <MenuItem aria-haspopup="dialog" onClick={() => setChoosingRate(true)}>
                {t("archiveCustomRate")}
              </MenuItem>
            </Menu>
          </form>
        )}

        <form action={statusAction} onSubmit={clearDelete}>
          {hidden({ id: errorId })}
          <AssignMenu
            submit
            members={members}
            currentUserId={currentUserId}
            current={assignee}
            buttonLabel={t("assigneeButton", { name: assignee ? assignee.name : t("nobody") })}
            disabled={statusPending}
            trigger={
              <>
                {assignee ? <Avatar id={assignee.id} name={assignee.name} /> : <PersonPlusIcon />}
                <span className="max-w-40 truncate">
                  {assignee ? assignee.name : t("unassigned")}
                </span>
                <Caret />
              </>
            }
            triggerClassName={buttonClass("secondary", assignee ? "py-1.5 pl-2" : "")}
          />
        </form>

        <Button variant="danger" onClick={() => setConfirming(true)} aria-haspopup="dialog">
          {t("delete")}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="max-w-sm text-sm sm:text-right">
        {state ? (
          <span
            className={
              state.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"
            }
          >
            {state.ok ? (
              <ChangeMessage
                change={state.change}
                members={members}
                currentUserId={currentUserId}
                lastRelease={lastRelease}
              />
            ) : "problem" in state ? (
              t(state.problem)
            ) : (
              state.message
            )}
          </span>
        ) : null}
      </div>
      <RateDialog
        open={choosingRate}
        onClose={() => setChoosingRate(false)}
        errorId={errorId}
        status={status}
        action={statusAction}
        pending={statusPending}
      />
      <ConfirmDialog
        open={confirming}
        title={t("deleteTitle")}
        description={
          <div className="space-y-2">
            <p className="line-clamp-3 font-medium wrap-break-word text-zinc-900 dark:text-zinc-100">
              {title}
            </p>
            <p>{t("deleteBody")}</p>
          </div>
        }
        confirmLabel={t("deleteConfirm")}
        pending={deleting}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

function Caret() {
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
      <path d="m4.5 6.5 3.5 3.5 3.5-3.5" />
    </svg>
  );
}

/** What the last form did, in words. */
function ChangeMessage({
  change,
  members,
  currentUserId,
  lastRelease,
}: {
  change: DetailChange;
  members: Person[];
  currentUserId: number;
  lastRelease: string | null;
}) {
  const t = useTranslations("ErrorActions");
  const parts: React.ReactNode[] = [];
  const archive = change.archive;
  if (change.status === "resolved")
    parts.push(
      change.resolution !== "inNextRelease"
        ? t("resolvedNow")
        : lastRelease
          ? t("resolvedInNextRelease", { release: lastRelease })
          : t("resolvedInNextReleaseNoName"),
    );
  else if (change.status === "archived")
    parts.push(
      archive
        ? t.rich("archivedUntil", {
            condition: () => <ArchiveConditionText condition={archive} />,
          })
        : t("archivedForever"),
    );
  else if (change.status === "open")
    parts.push(change.from === "archived" ? t("unarchived") : t("reopened"));
  if (change.assigneeId !== undefined) {
    const name =
      change.assigneeId === currentUserId
        ? t("you")
        : (members.find((member) => member.id === change.assigneeId)?.name ?? t("someone"));
    parts.push(change.assigneeId === null ? t("unassignedDone") : t("assignedTo", { name }));
  }
  return (
    <>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed sequence of sentences
        <span key={index}>
          {index > 0 ? " " : null}
          {part}
        </span>
      ))}
    </>
  );
}

/** "Until N events within M minutes" with numbers of one's own: a small form in a dialog. */
function RateDialog({
  open,
  onClose,
  errorId,
  status,
  action,
  pending,
}: {
  open: boolean;
  onClose: () => void;
  errorId: number;
  status: Status;
  action: (form: FormData) => void;
  pending: boolean;
}) {
  const t = useTranslations("ErrorActions");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const countId = useId();
  const minutesId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLInputElement>("input[type=number]")?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  const field =
    "mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950";
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={() => {
        if (open) onClose();
      }}
      className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form
        action={(form) => {
          action(form);
          onClose();
        }}
        className="p-5 sm:p-6"
      >
        <input type="hidden" name="id" value={errorId} />
        <input type="hidden" name="from" value={status} />
        <input type="hidden" name="status" value="archived" />
        <input type="hidden" name="archive" value="rate" />
        <h2 id={titleId} className="text-lg font-semibold">
          {t("rateDialogTitle")}
        </h2>
        <p id={descriptionId} className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">
          {t("rateDialogDescription")}
        </p>
        <div className="mt-4 grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={countId} className="text-sm font-medium">
              {t("rateCount")}
            </label>
            <input
              id={countId}
              name="archiveRateCount"
              type="number"
              required
              min={1}
              max={10000}
              defaultValue={10}
              className={field}
            />
          </div>
          <div>
            <label htmlFor={minutesId} className="text-sm font-medium">
              {t("rateMinutes")}
            </label>
            <input
              id={minutesId}
              name="archiveRateMinutes"
              type="number"
              required
              min={1}
              max={10080}
              defaultValue={60}
              className={field}
            />
          </div>
        </div>
        <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={pending}>
            {t("rateSubmit")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
