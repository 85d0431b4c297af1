import type { BreadcrumbView, ContextView, Entry, RequestView } from "@/lib/sentry-payload";
import { Breakable } from "./breakable";
import { KeyValueList, Section, TextBox } from "./section";
import { TimeOfDay } from "./time";

export function RequestSection({ request }: { request: RequestView }) {
  return (
    <Section title="Request">
      <div className="space-y-4">
        {request.method || request.url ? (
          <p className="font-mono text-sm wrap-break-word">
            {request.method ? <span className="font-semibold">{request.method} </span> : null}
            {request.url ? <Breakable text={request.url} /> : null}
          </p>
        ) : null}
        {request.query ? (
          <div>
            <h3 className="mb-1 text-sm font-medium">Query</h3>
            {typeof request.query === "string" ? (
              <p className="font-mono text-xs wrap-break-word">{request.query}</p>
            ) : (
              <KeyValueList entries={request.query} label="Query parameters" />
            )}
          </div>
        ) : null}
        {request.headers.length > 0 ? (
          <div>
            <h3 className="mb-1 text-sm font-medium">Headers</h3>
            <KeyValueList entries={request.headers} label="Headers" />
          </div>
        ) : null}
        {request.data ? (
          <div>
            <h3 className="mb-1 text-sm font-medium">Body</h3>
            <TextBox label="Request body" className="max-h-64">
              {request.data}
            </TextBox>
          </div>
        ) : null}
      </div>
    </Section>
  );
}

const CRUMB_LEVELS: Record<string, string> = {
  fatal: "text-red-700 dark:text-red-300",
  error: "text-red-700 dark:text-red-300",
  warning: "text-amber-700 dark:text-amber-300",
};

export function BreadcrumbsSection({
  breadcrumbs,
  omitted,
}: {
  breadcrumbs: BreadcrumbView[];
  omitted: number;
}) {
  return (
    <Section title={`Breadcrumbs (${breadcrumbs.length})`}>
      {/* Scrolls inside its box: keyboard users reach it with Tab. */}
      <section
        aria-label="Breadcrumbs, newest first"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        tabIndex={0}
        className="max-h-96 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
      >
        <table className="w-full min-w-[34rem] text-left text-xs">
          <thead className="sticky top-0 bg-zinc-50 text-zinc-500 dark:bg-zinc-950 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Time
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Category
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Level
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Message
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {breadcrumbs.map((crumb, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: breadcrumbs never move
              <tr key={index} className="align-top">
                <td className="px-3 py-1.5 font-mono whitespace-nowrap text-zinc-500 tabular-nums dark:text-zinc-400">
                  {crumb.timestamp ? <TimeOfDay iso={crumb.timestamp} /> : "—"}
                </td>
                <td className="max-w-40 px-3 py-1.5 font-mono wrap-break-word">
                  {crumb.category ?? crumb.type ?? "—"}
                </td>
                <td
                  className={`px-3 py-1.5 ${CRUMB_LEVELS[crumb.level?.toLowerCase() ?? ""] ?? "text-zinc-600 dark:text-zinc-300"}`}
                >
                  {crumb.level ?? "—"}
                </td>
                <td className="px-3 py-1.5 font-mono whitespace-pre-wrap wrap-break-word">
                  {crumb.message ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {omitted > 0 ? (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          {omitted} older breadcrumbs are not shown.
        </p>
      ) : null}
    </Section>
  );
}

const CONTEXT_NAMES: Record<string, string> = {
  os: "Operating system",
  runtime: "Runtime",
  browser: "Browser",
  device: "Device",
  app: "App",
  trace: "Trace",
};

export function ContextsSection({ contexts }: { contexts: ContextView[] }) {
  return (
    <Section title="Contexts">
      <div className="space-y-4">
        {contexts.map((context) => (
          <div key={context.name}>
            <h3 className="mb-1 text-sm font-medium wrap-break-word">
              {CONTEXT_NAMES[context.name.toLowerCase()] ?? context.name}
            </h3>
            <KeyValueList entries={context.entries} label={context.name} />
          </div>
        ))}
      </div>
    </Section>
  );
}

export function EntriesSection({ title, entries }: { title: string; entries: Entry[] }) {
  return (
    <Section title={title}>
      <KeyValueList entries={entries} label={title} />
    </Section>
  );
}
