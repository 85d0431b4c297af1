import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ListLink } from "./list-navigation";

function curlCommand(baseUrl: string): string {
  const event = {
    // No single quotes anywhere: the JSON sits inside a single-quoted shell argument.
    title: "TypeError: cart.items is undefined",
    details: "at loadCart (cart.js:42:13)",
    level: "error",
    environment: "production",
    origin: "web-checkout",
  };
  return [
    `curl -X POST ${baseUrl}/api/events \\`,
    `  -H "Authorization: Bearer $INGEST_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(event, null, 2).replaceAll("\n", "\n  ")}'`,
  ].join("\n");
}

/** The project has never received an event: how to send the first one. */
export function FirstEventEmptyState({
  baseUrl,
  projectName,
  projectSlug,
}: {
  baseUrl: string;
  projectName: string;
  projectSlug: string;
}) {
  const command = curlCommand(baseUrl);
  return (
    <section
      aria-labelledby="first-event-heading"
      className="rounded-2xl border border-dashed border-zinc-300 bg-white p-5 sm:p-8 dark:border-zinc-700 dark:bg-zinc-900"
    >
      <h2 id="first-event-heading" className="text-lg font-semibold">
        No errors in {projectName} yet
      </h2>
      <p className="mt-2 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
        Send an event to <code className="font-mono">POST /api/events</code> with an ingest key of
        this project and it shows up here, grouped with the events like it. Keys are only shown
        once, when they are created (we keep just a hash), so use the one you saved at sign-up or{" "}
        <Link
          href={`/settings?project=${encodeURIComponent(projectSlug)}#keys`}
          className="font-medium text-indigo-700 underline dark:text-indigo-300"
        >
          create a new key in Settings
        </Link>
        .
      </p>
      <ol className="mt-5 space-y-4 text-sm">
        <li>
          <p className="font-medium">1. Put the key in a shell variable</p>
          <pre className="mt-2 rounded-lg whitespace-pre-wrap break-all bg-zinc-900 p-3 font-mono text-xs text-zinc-100 dark:bg-zinc-950">
            <code>export INGEST_KEY=&lt;your ingest key&gt;</code>
          </pre>
        </li>
        <li>
          <div className="flex items-center justify-between gap-3">
            <p className="font-medium">2. Send a test event</p>
          </div>
          <div className="relative mt-2 rounded-lg bg-zinc-900 dark:bg-zinc-950">
            <div className="absolute top-2 right-2">
              <CopyButton text={command} what="curl command" tone="dark" />
            </div>
            {/* Wrapped, not scrolled sideways: readable at phone width and without a scrollbar. */}
            <pre className="p-3 whitespace-pre-wrap break-all pt-10 font-mono text-xs leading-relaxed text-zinc-100 sm:pt-3 sm:pr-24">
              <code>{command}</code>
            </pre>
          </div>
        </li>
        <li>
          <p className="font-medium">3. Reload this page</p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            The{" "}
            <Link href="/docs" className="text-indigo-700 underline dark:text-indigo-300">
              API guide
            </Link>{" "}
            lists every field, batches of up to 1,000 events and Sentry SDK support.
          </p>
        </li>
      </ol>
    </section>
  );
}

export function NoMatchesState({ clearHref }: { clearHref: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-4 py-10 text-center dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="font-medium">No errors match</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Nothing in this environment fits the search and filters.
      </p>
      <ListLink href={clearHref} className={buttonClass("secondary", "mt-4")}>
        Clear filters
      </ListLink>
    </div>
  );
}

export function EmptyTabState({ title }: { title: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-4 py-10 text-center dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="font-medium">{title}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        The other tabs show the errors of the other environments.
      </p>
    </div>
  );
}

/** The URL asked for something the list cannot show: say what, and offer the plain list. */
export function ListProblem({
  title,
  message,
  resetHref = "/errors",
}: {
  title: string;
  message: string;
  resetHref?: string;
}) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-sm">{message}</p>
      <Link href={resetHref} className={buttonClass("secondary", "mt-4")}>
        Reset the list
      </Link>
    </div>
  );
}
