"use client";

import { useEffect, useState } from "react";
import type { ErrorSort, ErrorStatusFilter } from "@/lib/errors/list-query";
import { type ErrorListState, errorListHref, hasSearchFilters } from "@/lib/errors/list-url";
import { LevelFilter } from "./level-filter";
import { useListNavigation } from "./list-navigation";
import { SearchBox } from "./search-box";

const SORTS: { value: ErrorSort; label: string }[] = [
  { value: "frequency", label: "Frequency" },
  { value: "level", label: "Level" },
  { value: "lastSeen", label: "Last seen" },
  { value: "firstSeen", label: "First seen" },
];

const STATUSES: { value: ErrorStatusFilter | ""; label: string }[] = [
  { value: "", label: "Open" },
  { value: "archived", label: "Archived" },
  { value: "all", label: "Open and archived" },
];

export const selectClass =
  "min-w-0 rounded-lg border border-zinc-300 bg-white py-1.5 pr-8 pl-2.5 text-sm shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900";

/** Search, level, origin, status and sort: each change rewrites the URL (and drops the cursor). */
export function ErrorsToolbar({ state, origins }: { state: ErrorListState; origins: string[] }) {
  const { navigate } = useListNavigation();
  const originOptions =
    state.origin && !origins.includes(state.origin) ? [state.origin, ...origins] : origins;
  return (
    <div className="space-y-3">
      <SearchBox state={state} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <LevelFilter state={state} />
        <div className="grid w-full grid-cols-1 gap-2 min-[400px]:grid-cols-2 sm:flex sm:w-auto sm:flex-wrap sm:items-center sm:gap-3 lg:ml-auto">
          <LabeledSelect
            label="Origin"
            value={state.origin}
            onChange={(origin) => navigate(errorListHref(state, { origin }))}
          >
            <option value="">All origins</option>
            {originOptions.map((origin) => (
              <option key={origin} value={origin}>
                {origin}
              </option>
            ))}
          </LabeledSelect>
          <LabeledSelect
            label="Status"
            value={state.status ?? ""}
            onChange={(status) =>
              navigate(errorListHref(state, { status: (status || null) as ErrorStatusFilter }))
            }
          >
            {STATUSES.map((status) => (
              <option key={status.value} value={status.value}>
                {status.label}
              </option>
            ))}
          </LabeledSelect>
          <LabeledSelect
            label="Sort by"
            value={state.sort}
            onChange={(sort) => navigate(errorListHref(state, { sort: sort as ErrorSort }))}
          >
            {SORTS.map((sort) => (
              <option key={sort.value} value={sort.value}>
                {sort.label}
              </option>
            ))}
          </LabeledSelect>
        </div>
      </div>
      {state.status === null && hasSearchFilters(state) ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Searching open and archived errors.
        </p>
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
    <label className="flex min-w-0 items-center gap-2 text-sm">
      <span className="w-14 shrink-0 text-zinc-500 sm:w-auto dark:text-zinc-400">{label}</span>
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
