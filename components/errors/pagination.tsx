import { buttonClass } from "@/components/ui/button";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import { ListLink } from "./list-navigation";

/** Keyset paging: forward with the server's cursor, or back to the first page. */
export function Pagination({
  state,
  nextCursor,
  shown,
}: {
  state: ErrorListState;
  nextCursor: string | null;
  shown: number;
}) {
  if (!state.cursor && !nextCursor) return null;
  const small = "px-3 py-1.5";
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        {shown} {shown === 1 ? "error" : "errors"} on this page
      </p>
      <div className="flex gap-2">
        {state.cursor ? (
          <ListLink
            href={errorListHref(state, { cursor: null })}
            scroll
            className={buttonClass("secondary", small)}
          >
            First page
          </ListLink>
        ) : null}
        {nextCursor ? (
          <ListLink
            href={errorListHref(state, { cursor: nextCursor })}
            scroll
            className={buttonClass("secondary", small)}
          >
            Next page <span aria-hidden>→</span>
          </ListLink>
        ) : null}
      </div>
    </nav>
  );
}
