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

const STATUSES: [string, string][] = [
  ["400", "Bad JSON, or a bad query parameter or cursor."],
  ["401", "No token, or an unknown or revoked one (with WWW-Authenticate)."],
  [
    "403",
    "The token lacks the right: an ingest key on a read route, or a member doing an owner's task.",
  ],
  ["404", "Missing, or not yours: the answer never says which."],
  ["409", "Conflict: an existing account or member, or removing a project's last owner."],
  ["413", "Body too large: more than 1 MiB a request (20 MiB for a Sentry envelope)."],
  ["415", "Unsupported content type or content encoding."],
  ["422", "The body does not fit the schema; issues[].path names each field."],
  [
    "429",
    "The project is over its ingest quota (events a minute): retry after Retry-After; Sentry SDKs read X-Sentry-Rate-Limits.",
  ],
  ["503", "Database unavailable; retry after the Retry-After header."],
];

export function StatusTable() {
  return (
    <dl className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
      {STATUSES.map(([status, meaning]) => (
        <div key={status} className="flex gap-3 px-3 py-2">
          <dt className="w-10 shrink-0 font-mono font-semibold">{status}</dt>
          <dd className="min-w-0">{meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
