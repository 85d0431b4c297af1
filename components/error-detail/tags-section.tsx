import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { tagIssue } from "@/lib/errors/list-params";
import { formatNumber } from "@/lib/i18n/format";
import { Section } from "./section";

export interface TagValueData {
  value: string;
  count: number;
}

export interface TagKeyData {
  key: string;
  total: number;
  distinct: number;
  top: TagValueData[];
  otherValues: number;
}

const percent = (share: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);

/**
 * Each tag key of the error with its most frequent values: count and share of the events that
 * carried the key, as a bar. A value links to the list of the errors that have it.
 */
export function TagsSection({ keys }: { keys: TagKeyData[] }) {
  const t = useTranslations("TagsSection");
  return (
    <Section title={t("title")} id="tags">
      {keys.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("none")}</p>
      ) : (
        <div className="grid gap-x-8 gap-y-5 sm:grid-cols-2">
          {keys.map((tag) => (
            <TagKey key={tag.key} tag={tag} />
          ))}
        </div>
      )}
    </Section>
  );
}

function TagKey({ tag }: { tag: TagKeyData }) {
  const t = useTranslations("TagsSection");
  const locale = useLocale();
  const shown = tag.top.reduce((sum, value) => sum + value.count, 0);
  const rest = tag.total - shown;
  const values = t(tag.otherValues > 0 ? "valuesOver" : "values", { count: tag.distinct });
  return (
    <div className="min-w-0">
      <h3 className="flex items-baseline justify-between gap-2 text-sm">
        <span className="truncate font-mono font-medium">{tag.key}</span>
        <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
          {t("summary", { total: formatNumber(tag.total, locale), values })}
        </span>
      </h3>
      <ul className="mt-1.5 space-y-1 text-sm">
        {tag.top.map((value) => (
          <TagValue key={value.value} tagKey={tag.key} value={value} total={tag.total} />
        ))}
        {rest > 0 ? (
          <TagValue
            tagKey={tag.key}
            value={{ value: t("other"), count: rest }}
            total={tag.total}
            other
          />
        ) : null}
      </ul>
    </div>
  );
}

function TagValue({
  tagKey,
  value,
  total,
  other = false,
}: {
  tagKey: string;
  value: TagValueData;
  total: number;
  other?: boolean;
}) {
  const t = useTranslations("TagsSection");
  const locale = useLocale();
  const share = total > 0 ? value.count / total : 0;
  const content = (
    <>
      <span className="flex justify-between gap-3">
        <span className={`truncate ${other ? "italic text-zinc-500 dark:text-zinc-400" : ""}`}>
          {value.value}
        </span>
        <span className="shrink-0 tabular-nums text-zinc-600 dark:text-zinc-300">
          {formatNumber(value.count, locale)} · {percent(share, locale)}
        </span>
      </span>
      <span className="mt-0.5 block h-1 rounded-full bg-zinc-100 dark:bg-zinc-800">
        <span
          className="block h-1 rounded-full bg-indigo-500 dark:bg-indigo-400"
          style={{ width: `${(share * 100).toFixed(1)}%` }}
        />
      </span>
    </>
  );
  const href = other ? null : tagFilterHref(tagKey, value.value);
  return (
    <li>
      {href ? (
        <Link
          href={href}
          title={t("filter", { key: tagKey, value: value.value })}
          className="block rounded px-1 py-0.5 -mx-1 hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
        >
          {content}
        </Link>
      ) : (
        <span className="block px-1 py-0.5 -mx-1">{content}</span>
      )}
    </li>
  );
}

/**
 * The list of errors with this value, in every environment and status: `release` by the
 * release filter, other keys by `tag` (unless the key holds the filter's separators).
 */
function tagFilterHref(key: string, value: string): string | null {
  const filter: Record<string, string> =
    key === "release" ? { release: value } : { tag: `${key}:${value}` };
  if (key !== "release" && tagIssue(key, value)) return null;
  return `/errors?${new URLSearchParams({ environment: "all", status: "all", ...filter })}`;
}
