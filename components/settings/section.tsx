import { useLocale } from "next-intl";
import { formatDate, formatRelativeTime } from "@/lib/i18n/format";

export function SettingsSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      // Focusable from script only: a link to `#id` lands here (FocusHashTarget).
      tabIndex={-1}
      className="min-w-0 scroll-mt-20 rounded-xl focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/40 border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="border-b border-zinc-200 px-4 py-4 sm:px-5 dark:border-zinc-800">
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {title}
        </h2>
        {description ? (
          <div className="mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
            {description}
          </div>
        ) : null}
      </div>
      <div className="space-y-5 p-4 sm:p-5">{children}</div>
    </section>
  );
}

export function Badge({
  tone = "zinc",
  children,
}: {
  tone?: "zinc" | "indigo" | "green" | "red";
  children: React.ReactNode;
}) {
  const tones = {
    zinc: "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
    indigo:
      "bg-indigo-50 text-indigo-700 ring-indigo-200 dark:bg-indigo-950/60 dark:text-indigo-300 dark:ring-indigo-900",
    green:
      "bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-900",
    red: "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950/60 dark:text-red-300 dark:ring-red-900",
  };
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

/**
 * "5 minutes ago" / "há 5 minutos" (or a date, past a month), with the exact UTC time in the
 * tooltip. Server-rendered.
 */
export function When({ date, now }: { date: Date; now: number }) {
  const locale = useLocale();
  return (
    <time dateTime={date.toISOString()} title={utcTooltip(date)}>
      {formatRelativeTime(date, now, locale)}
    </time>
  );
}

/** A day ("Mar 3, 2027" / "3 de mar. de 2027"), with the exact UTC time in the tooltip. */
export function Day({ date }: { date: Date }) {
  const locale = useLocale();
  return (
    <time dateTime={date.toISOString()} title={utcTooltip(date)}>
      {formatDate(date, locale)}
    </time>
  );
}

function utcTooltip(date: Date): string {
  return date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
}

/** A line of facts ("created by Ada · 5 min ago · never used") that wraps at phone width. */
export function Facts({ children }: { children: React.ReactNode }) {
  return (
    <p className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
      {children}
    </p>
  );
}
