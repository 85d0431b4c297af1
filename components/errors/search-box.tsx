"use client";

import { useEffect, useRef, useState } from "react";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import { useListNavigation } from "./list-navigation";

const DEBOUNCE_MS = 300;

/** Text search over titles and details: the URL follows the typing, 300 ms after it pauses. */
export function SearchBox({ state }: { state: ErrorListState }) {
  const { navigate } = useListNavigation();
  const [value, setValue] = useState(state.q);
  const sent = useRef(state.q);
  const timer = useRef<number | undefined>(undefined);

  // The URL changed from elsewhere (clear filters, back button): show what it says now.
  useEffect(() => {
    if (state.q !== sent.current) {
      sent.current = state.q;
      setValue(state.q);
    }
  }, [state.q]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const submit = (text: string) => {
    window.clearTimeout(timer.current);
    const q = text.trim();
    if (q === sent.current) return;
    sent.current = q;
    navigate(errorListHref(state, { q }));
  };

  return (
    <search className="relative min-w-0 flex-1">
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
        type="search"
        aria-label="Search errors by title or details"
        placeholder="Search title and details…"
        value={value}
        maxLength={200}
        onChange={(event) => {
          const text = event.target.value;
          setValue(text);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => submit(text), DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") submit(value);
        }}
        className="block w-full rounded-lg border border-zinc-300 bg-white py-2 pr-3 pl-9 text-sm shadow-xs placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900"
      />
    </search>
  );
}
