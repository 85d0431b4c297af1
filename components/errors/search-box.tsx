"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { describeSearchIssues } from "@/app/(dashboard)/errors/(list)/actions";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import {
  formatSearchText,
  MAX_SEARCH_TEXT,
  parseSearchText,
  SEARCH_KEYS,
  searchChanges,
} from "@/lib/errors/search-syntax";
import { useListNavigation } from "./list-navigation";
import { SEARCH_INPUT_ID } from "./list-shortcuts";

/** A pause this long in typing sends a query that reads cleanly (one history entry). */
const DEBOUNCE_MS = 400;
/** A query with a problem waits longer before saying so: it is probably still being typed. */
const COMPLAIN_MS = 1200;

/**
 * The one search box: free text and `key:value` filters (level, origin, release, is, assigned,
 * env, tag). It shows the current URL's filters as text, and sends what is typed as the same
 * URL parameters the other controls write: on Enter, or once typing pauses. A query with a
 * problem is not sent; the problem is said under the box.
 */
export function SearchBox({ state }: { state: ErrorListState }) {
  const t = useTranslations("SearchBox");
  const { navigate } = useListNavigation();
  const current = formatSearchText(state);
  const [value, setValue] = useState(current);
  /** The problems of the text last complained about, worded by the server. */
  const [issues, setIssues] = useState<string[]>([]);
  /** Counts the complaints, so that a late answer about older text is dropped. */
  const complaint = useRef(0);
  const sent = useRef(current);
  const timer = useRef<number | undefined>(undefined);
  const issuesId = useId();

  // The URL changed from elsewhere (a filter control, clear filters, Back): show what it says.
  useEffect(() => {
    if (current !== sent.current) {
      sent.current = current;
      setValue(current);
      complaint.current++;
      setIssues([]);
    }
  }, [current]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const submit = (text: string, { complain }: { complain: boolean }) => {
    window.clearTimeout(timer.current);
    const parsed = parseSearchText(text);
    const asked = ++complaint.current;
    if (!parsed.ok) {
      if (!complain) return;
      describeSearchIssues(parsed.issues.map(({ code, values }) => ({ code, values })))
        .then((texts) => {
          if (asked === complaint.current) setIssues(texts);
        })
        // An unreachable server: the query is not sent either way; there is nothing to say.
        .catch(() => {});
      return;
    }
    setIssues([]);
    const changes = searchChanges(parsed.filters);
    const href = errorListHref(state, changes);
    const wanted = formatSearchText({ ...state, ...changes });
    // Also compared with what was last sent: a query sent a moment ago may not have landed in
    // the URL yet, and clearing the box before it does must still send the cleared query.
    if (href === errorListHref(state) && wanted === sent.current) return;
    sent.current = wanted;
    navigate(href);
  };

  const invalid = issues.length > 0;
  return (
    <search className="min-w-0 flex-1 space-y-1.5">
      <div className="relative">
        <svg
          aria-hidden
          viewBox="0 0 16 16"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400"
        >
          <circle cx="7" cy="7" r="4.5" />
          <path d="m10.5 10.5 3 3" strokeLinecap="round" />
        </svg>
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          aria-label={t("label")}
          aria-describedby={issuesId}
          aria-invalid={invalid || undefined}
          placeholder={t("placeholder")}
          value={value}
          maxLength={MAX_SEARCH_TEXT}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          onChange={(event) => {
            const text = event.target.value;
            setValue(text);
            window.clearTimeout(timer.current);
            const clean = parseSearchText(text).ok;
            if (clean) {
              complaint.current++;
              setIssues([]);
            }
            timer.current = window.setTimeout(
              () => submit(text, { complain: true }),
              clean ? DEBOUNCE_MS : COMPLAIN_MS,
            );
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") submit(value, { complain: true });
          }}
          className="block w-full rounded-lg border border-zinc-300 bg-white py-2 pr-3 pl-9 text-sm shadow-xs placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none aria-invalid:border-red-500 aria-invalid:focus:ring-red-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:aria-invalid:border-red-500"
        />
      </div>
      <div id={issuesId} role="alert" className="empty:hidden">
        {invalid ? (
          <ul className="space-y-0.5 text-sm text-red-700 dark:text-red-400">
            {issues.map((text, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the problems of one text, in order
              <li key={index} className="wrap-break-word">
                {text}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <SearchHelp />
    </search>
  );
}

const HELP = {
  level: "helpLevel",
  origin: "helpOrigin",
  release: "helpRelease",
  is: "helpIs",
  assigned: "helpAssigned",
  env: "helpEnv",
  tag: "helpTag",
} as const satisfies Record<(typeof SEARCH_KEYS)[number]["key"], string>;

/** The keys, under the box: a native disclosure, so it opens with Enter or Space. */
function SearchHelp() {
  const t = useTranslations("SearchBox");
  return (
    <details className="group text-sm">
      <summary className="w-fit cursor-pointer rounded text-xs font-medium text-zinc-500 hover:text-zinc-800 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-400 dark:hover:text-zinc-200">
        {t("syntax")}
      </summary>
      <div className="syn mt-2 space-y-2 rounded-lg border border-zinc-200 bg-zinc-50 p-3 text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
        <p>{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr] sm:items-baseline">
          {SEARCH_KEYS.map((entry) => (
            <div key={entry.key} className="contents">
              <dt>
                <code>{entry.example}</code>
              </dt>
              <dd>{t(HELP[entry.key])}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
