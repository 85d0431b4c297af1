import { useTranslations } from "next-intl";

export function InlineCode({ children }: { children: React.ReactNode }) {
  return (
    <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.85em] wrap-anywhere text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
      {children}
    </code>
  );
}

export function DocSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="min-w-0 scroll-mt-20 space-y-4">
      <h2
        id={`${id}-heading`}
        className="border-b border-zinc-200 pb-2 text-xl font-semibold tracking-tight dark:border-zinc-800"
      >
        <a href={`#${id}`} className="hover:underline">
          {title}
        </a>
      </h2>
      <div className="space-y-4 text-[15px] leading-relaxed text-zinc-700 dark:text-zinc-300">
        {children}
      </div>
    </section>
  );
}

const STATUSES = ["400", "401", "403", "404", "409", "413", "415", "422", "429", "503"] as const;

/** The status codes the API answers with. `envelopeMiB`: the Sentry envelope's size cap. */
export function StatusTable({ envelopeMiB }: { envelopeMiB: number }) {
  const t = useTranslations("DocStatuses");
  return (
    <dl className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
      {STATUSES.map((status) => (
        <div key={status} className="flex gap-3 px-3 py-2">
          <dt className="w-10 shrink-0 font-mono font-semibold">{status}</dt>
          <dd className="min-w-0">{t(status, { envelope: envelopeMiB })}</dd>
        </div>
      ))}
    </dl>
  );
}
