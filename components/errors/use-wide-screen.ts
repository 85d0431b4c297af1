"use client";

import { useSyncExternalStore } from "react";

/** Tailwind's md breakpoint, where the list turns from cards into a table (app/errors-list.css). */
const WIDE = "(width >= 48rem)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether the list is laid out as a table. The server renders the table's semantics; a phone
 * switches them to a list's once hydrated (the layout itself is CSS, so nothing moves).
 */
export function useWideScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE).matches,
    () => true,
  );
}
