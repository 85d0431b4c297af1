import Link from "next/link";
import { useTranslations } from "next-intl";
import { CopyLinkButton } from "./copy-link-button";

export interface EventNavData {
  newest: number | null;
  newer: number | null;
  older: number | null;
  oldest: number | null;
}

const itemClass =
  "inline-flex items-center gap-1 rounded-md border px-2.5 py-1.5 text-sm font-medium whitespace-nowrap";
const activeClass =
  "border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800";
const disabledClass =
  "cursor-not-allowed border-zinc-200 text-zinc-400 dark:border-zinc-800 dark:text-zinc-600";

/**
 * Newest / newer / older / oldest, as links to the neighbours' pages. At an end (or on the
 * event itself, for newest and oldest) the link is disabled: no href, aria-disabled.
 */
export function EventNav({
  errorId,
  eventId,
  navigation,
}: {
  errorId: number;
  eventId: number;
  navigation: EventNavData;
}) {
  const t = useTranslations("EventNav");
  const href = (id: number | null) =>
    id === null || id === eventId ? null : `/errors/${errorId}/events/${id}`;
  const items = [
    { key: "newest", before: "«", href: href(navigation.newest) },
    { key: "newer", before: "‹", href: href(navigation.newer) },
    { key: "older", after: "›", href: href(navigation.older) },
    { key: "oldest", after: "»", href: href(navigation.oldest) },
  ] as const;
  // "Newest event" for screen readers, "« Newest" on screen.
  const text = (item: (typeof items)[number]) => (
    <>
      {"before" in item ? <span aria-hidden>{item.before}</span> : null}
      <span aria-hidden>{t(item.key)}</span>
      <span className="sr-only">{t(`${item.key}Event`)}</span>
      {"after" in item ? <span aria-hidden>{item.after}</span> : null}
    </>
  );
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <nav aria-label={t("label")} className="flex flex-wrap gap-1.5">
        {items.map((item) =>
          item.href ? (
            <Link key={item.key} href={item.href} className={`${itemClass} ${activeClass}`}>
              {text(item)}
            </Link>
          ) : (
            // biome-ignore lint/a11y/useValidAnchor: a disabled link keeps its role and name, without an href
            <a
              key={item.key}
              role="link"
              aria-disabled="true"
              className={`${itemClass} ${disabledClass}`}
            >
              {text(item)}
            </a>
          ),
        )}
      </nav>
      <CopyLinkButton
        path={`/errors/${errorId}/events/${eventId}`}
        what={t("copyWhat")}
        label={t("copyLink")}
      />
    </div>
  );
}
