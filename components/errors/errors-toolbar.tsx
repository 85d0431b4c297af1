"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { ErrorSort, ErrorStatusFilter } from "@/lib/errors/list-query";
import { type ErrorListState, errorListHref, hasSearchFilters } from "@/lib/errors/list-url";
import { LevelFilter } from "./level-filter";
import { ListLink, useListNavigation } from "./list-navigation";
import { SearchBox } from "./search-box";
import type { Person } from "./types";

const SORTS = [
  { value: "frequency", label: "sortFrequency" },
  { value: "level", label: "level" },
  { value: "lastSeen", label: "lastSeen" },
  { value: "firstSeen", label: "firstSeen" },
] as const satisfies readonly { value: ErrorSort; label: string }[];

const STATUSES = [
  // The default: open errors, or every status while searching (see the label below).
  { value: "", label: "statusOpen" },
  { value: "resolved", label: "statusResolved" },
  { value: "archived", label: "statusArchived" },
  { value: "all", label: "statusAll" },
] as const satisfies readonly { value: ErrorStatusFilter | ""; label: string }[];

/** The toolbar's selects (app/errors-list.css). */
export const selectClass = "sel";

/**
 * Search, level, origin, status, assignee and sort: each change rewrites the URL (and drops the
 * cursor). A release filter comes from a link (the detail's Releases): shown, and clearable.
 */
export function ErrorsToolbar({
  state,
  origins,
  members,
  currentUserId,
}: {
  state: ErrorListState;
  origins: string[];
  members: Person[];
  currentUserId: number;
}) {
  const t = useTranslations("ErrorList");
  const people = useTranslations("AssignMenu");
  const { navigate } = useListNavigation();
  const originOptions =
    state.origin && !origins.includes(state.origin) ? [state.origin, ...origins] : origins;
  const others = members.filter((member) => member.id !== currentUserId);
  // A user id from the URL that is not (or no longer) a member still shows as chosen.
  const unknownAssignee =
    /^\d+$/.test(state.assignee) && !members.some((m) => String(m.id) === state.assignee);
  return (
    <div className="space-y-3">
      <SearchBox state={state} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <LevelFilter state={state} />
        <div className="grid w-full grid-cols-1 gap-2 min-[400px]:grid-cols-2 sm:flex sm:w-auto sm:flex-wrap sm:items-center sm:gap-3 lg:ml-auto">
          <LabeledSelect
            label={t("origin")}
            value={state.origin}
            onChange={(origin) => navigate(errorListHref(state, { origin }))}
          >
            <option value="">{t("allOrigins")}</option>
            {originOptions.map((origin) => (
              <option key={origin} value={origin}>
                {origin}
              </option>
            ))}
          </LabeledSelect>
          <LabeledSelect
            label={t("status")}
            value={state.status ?? ""}
            onChange={(status) =>
              navigate(errorListHref(state, { status: (status || null) as ErrorStatusFilter }))
            }
          >
            {STATUSES.map((status) => (
              <option key={status.value} value={status.value}>
                {status.value === "" && hasSearchFilters(state)
                  ? t("allWhileSearching")
                  : t(status.label)}
              </option>
            ))}
          </LabeledSelect>
          <LabeledSelect
            label={t("assignee")}
            value={state.assignee}
            onChange={(assignee) => navigate(errorListHref(state, { assignee }))}
          >
            <option value="">{t("anyone")}</option>
            <option value="me">{people("me")}</option>
            <option value="none">{people("nobody")}</option>
            {others.map((member) => (
              <option key={member.id} value={String(member.id)}>
                {member.name}
              </option>
            ))}
            {unknownAssignee ? <option value={state.assignee}>#{state.assignee}</option> : null}
          </LabeledSelect>
          <LabeledSelect
            label={t("sortByLabel")}
            value={state.sort}
            onChange={(sort) => navigate(errorListHref(state, { sort: sort as ErrorSort }))}
          >
            {SORTS.map((sort) => (
              <option key={sort.value} value={sort.value}>
                {t(sort.label)}
              </option>
            ))}
          </LabeledSelect>
        </div>
      </div>
      {state.release ? (
        <fieldset
          aria-label={t("releaseFilter")}
          className="flex w-fit max-w-full items-center gap-2 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pr-1 pl-3 text-sm text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950/60 dark:text-indigo-100"
        >
          <span className="text-indigo-700 dark:text-indigo-300">{t("release")}</span>
          <code className="min-w-0 truncate font-mono text-xs" title={state.release}>
            {state.release}
          </code>
          <ListLink
            href={errorListHref(state, { release: "" })}
            aria-label={t("clearRelease")}
            title={t("clearRelease")}
            className="rounded-full px-1.5 leading-5 hover:bg-indigo-100 dark:hover:bg-indigo-900"
          >
            <span aria-hidden>×</span>
          </ListLink>
        </fieldset>
      ) : null}
      {state.status === null && hasSearchFilters(state) ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("searching")}</p>
      ) : null}
    </div>
  );
}

function LabeledSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  // Shows the choice at once; the URL (and so `value`) catches up when the new page arrives.
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return (
    <label className="sel-l">
      <span>{label}</span>
      <select
        value={shown}
        onChange={(event) => {
          setShown(event.target.value);
          onChange(event.target.value);
        }}
        className={`${selectClass} w-full sm:w-auto sm:max-w-48`}
      >
        {children}
      </select>
    </label>
  );
}
