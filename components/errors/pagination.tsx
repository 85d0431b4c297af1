import { useLocale, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import { formatNumber } from "@/lib/i18n/format";
import { ListLink } from "./list-navigation";

/** How many errors the view holds; `capped`: at least that many (counting stopped there). */
export interface ListTotal {
  count: number;
  capped: boolean;
}

/**
 * Keyset paging both ways: Next with the server's cursor, Previous with its backwards cursor
 * (or the plain first-page URL when that is where it leads), and where this page sits:
 * "26–50 of 117".
 */
export function Pagination({
  state,
  nextCursor,
  prevCursor,
  offset,
  limit,
  shown,
  total,
}: {
  state: ErrorListState;
  nextCursor: string | null;
  prevCursor: string | null;
  /** The 0-based position of the page's first row. */
  offset: number;
  limit: number;
  shown: number;
  total: ListTotal;
}) {
  const t = useTranslations("ErrorsPage");
  const locale = useLocale();
  if (shown === 0 && !state.cursor) return null;
  const small = "px-3 py-1.5";
  const first = offset + 1;
  const last = offset + shown;
  // The count is read beside the page, not with it: never say fewer than the page shows.
  const count = Math.max(total.count, last);
  const range =
    shown === 0
      ? t("noRowsOnPage")
      : t("range", {
          first: formatNumber(first, locale),
          last: formatNumber(last, locale),
          total: `${formatNumber(count, locale)}${total.capped ? "+" : ""}`,
        });
  const previousHref =
    prevCursor && offset > limit
      ? errorListHref(state, { cursor: prevCursor })
      : state.cursor
        ? errorListHref(state, { cursor: null })
        : null;
  const nextHref = nextCursor ? errorListHref(state, { cursor: nextCursor }) : null;
  const disabled = `${buttonClass("secondary", small)} pointer-events-none opacity-50`;
  return (
    <nav aria-label={t("pagesLabel")} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-zinc-500 tabular-nums dark:text-zinc-400" data-testid="page-range">
        {range}
      </p>
      {previousHref || nextHref ? (
        <div className="flex gap-2">
          {previousHref ? (
            <ListLink
              href={previousHref}
              scroll
              rel="prev"
              className={buttonClass("secondary", small)}
            >
              <span aria-hidden>←</span> {t("previous")}
            </ListLink>
          ) : (
            <span aria-disabled="true" className={disabled}>
              <span aria-hidden>←</span> {t("previous")}
            </span>
          )}
          {nextHref ? (
            <ListLink href={nextHref} scroll rel="next" className={buttonClass("secondary", small)}>
              {t("next")} <span aria-hidden>→</span>
            </ListLink>
          ) : (
            <span aria-disabled="true" className={disabled}>
              {t("next")} <span aria-hidden>→</span>
            </span>
          )}
        </div>
      ) : null}
    </nav>
  );
}
