import { useTranslations } from "next-intl";
import { useId } from "react";
import { Breakable } from "./breakable";

/** A titled card; the heading names the region for screen readers. */
export function Section({
  title,
  id,
  actions,
  children,
  className = "",
}: {
  title: string;
  id?: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  const headingId = useId();
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={`min-w-0 scroll-mt-20 rounded-xl border border-zinc-200 bg-white p-4 shadow-xs sm:p-5 dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Keys and values in two columns that stay inside their box: long values wrap anywhere. */
export function KeyValueList({
  entries,
  label,
  mono = true,
}: {
  entries: [string, React.ReactNode][];
  label?: string;
  mono?: boolean;
}) {
  const t = useTranslations("SdkSections");
  if (entries.length === 0) return null;
  return (
    <dl aria-label={label} className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {entries.map(([key, value], index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: keys may repeat (headers, query strings)
          key={index}
          className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-3 py-1.5 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)]"
        >
          <dt className="wrap-break-word text-zinc-500 dark:text-zinc-400">{key}</dt>
          <dd
            className={`wrap-break-word whitespace-pre-wrap ${mono ? "font-mono text-xs leading-5" : ""}`}
          >
            {value === "" ? (
              <span className="text-zinc-400 italic dark:text-zinc-500">{t("empty")}</span>
            ) : typeof value === "string" ? (
              <Breakable text={value} />
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function Muted({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-zinc-500 dark:text-zinc-400">{children}</p>;
}

/** Preformatted text that wraps, and scrolls inside its box past `max-h-*`; focusable to scroll by keyboard. */
export function TextBox({
  label,
  className = "",
  children,
  testId,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
      tabIndex={0}
      data-testid={testId}
      className={`overflow-auto rounded-lg bg-zinc-50 p-3 dark:bg-zinc-950 ${className}`}
    >
      <pre className="font-mono text-xs leading-5 whitespace-pre-wrap wrap-break-word text-zinc-800 dark:text-zinc-200">
        {children}
      </pre>
    </section>
  );
}
