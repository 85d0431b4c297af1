import type { Metadata } from "next";
import Link from "next/link";
import { InlineCode as C, DocSection, StatusTable } from "@/components/docs/doc-parts";
import { EndpointReference } from "@/components/docs/endpoint-reference";
import { CodeBlock } from "@/components/ui/code-block";
import { MAX_LIMIT } from "@/lib/errors/list-query";
import { LEVELS } from "@/lib/ingest/levels";
import { MAX_BATCH_EVENTS } from "@/lib/ingest/native-batch";
import { buildOpenApiDocument } from "@/lib/openapi";
import { openApiEndpoints } from "@/lib/openapi-view";
import { requestBaseUrl } from "@/lib/request-base-url";
import { ingestSnippets, SAMPLE_EVENT } from "@/lib/snippets";

export const metadata: Metadata = {
  title: "API guide",
  description: "Send events to Error Central and triage grouped errors over HTTP.",
};

const TOC = [
  { id: "authentication", label: "Authentication" },
  { id: "sending-events", label: "Sending events" },
  { id: "grouping", label: "Grouping" },
  { id: "listing", label: "Listing and sorting" },
  { id: "archive-search", label: "Archive, search, delete" },
  { id: "resolve", label: "Resolve, regressions, assign" },
  { id: "errors", label: "Errors and status codes" },
  { id: "sentry", label: "Sentry SDKs (DSN)" },
  { id: "endpoints", label: "Endpoint reference" },
];

const linkClass = "font-medium text-indigo-700 underline dark:text-indigo-300";

export default async function DocsPage() {
  const base = await requestBaseUrl();
  // Built at render time from the same function as /api/openapi.json: the reference cannot drift.
  const groups = openApiEndpoints(buildOpenApiDocument(base));
  const endpointCount = groups.reduce((n, group) => n + group.endpoints.length, 0);
  const origin = new URL(base);
  const dsnExample = `${origin.protocol}//<key>@${origin.host}${origin.pathname.replace(/\/+$/, "")}/<projectId>`;
  const sentry = ingestSnippets({ baseUrl: base, key: "$INGEST_KEY", dsn: dsnExample });

  const curlOne = [
    `curl -X POST ${base}/api/events \\`,
    `  -H "Authorization: Bearer $INGEST_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify({ ...SAMPLE_EVENT, tags: { region: "eu" } })}'`,
    `# → 201 {"events":[{"id":1,"errorId":1}]}`,
  ].join("\n");
  const curlBatch = [
    `curl -X POST ${base}/api/events \\`,
    `  -H "Authorization: Bearer $INGEST_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"events": [`,
    `    {"title": "Timeout after 3000 ms for order 81723", "origin": "billing-api", "environment": "prod"},`,
    `    {"title": "Payment declined", "level": "warning", "eventId": "pay-2024-05-01-0001",`,
    `     "fingerprint": ["payments", "declined"], "timestamp": "2024-05-01T12:00:00Z"}`,
    `  ]}'`,
  ].join("\n");
  const curlList = [
    `# Production errors by frequency (the default), ${25} a page`,
    `curl -s "${base}/api/errors" -H "Authorization: Bearer $TOKEN"`,
    "",
    "# Staging, fatal and error only, one origin, matching “timeout”, by level",
    `curl -s "${base}/api/errors?environment=staging&level=fatal,error&origin=billing-api&q=timeout&sort=level" \\`,
    `  -H "Authorization: Bearer $TOKEN"`,
    "",
    "# The next page: pass nextCursor back with the same filters and sort",
    `curl -s "${base}/api/errors?sort=level&cursor=$NEXT_CURSOR" -H "Authorization: Bearer $TOKEN"`,
  ].join("\n");
  const curlTriage = [
    `curl -X PATCH ${base}/api/errors/42 -H "Authorization: Bearer $TOKEN" \\`,
    `  -H "Content-Type: application/json" -d '{"status": "archived"}'`,
    "",
    `curl -X POST ${base}/api/errors/bulk -H "Authorization: Bearer $TOKEN" \\`,
    `  -H "Content-Type: application/json" -d '{"ids": [42, 43], "action": "delete"}'`,
  ].join("\n");
  const curlResolve = [
    `# Fixed in the next deploy: events from the release it was last seen in (or older) are expected`,
    `curl -X PATCH ${base}/api/errors/42 -H "Authorization: Bearer $TOKEN" \\`,
    `  -H "Content-Type: application/json" -d '{"status": "resolved", "resolve": "inNextRelease"}'`,
    "",
    `# Out of sight until it happens 100 more times, then back as escalating`,
    `curl -X PATCH ${base}/api/errors/43 -H "Authorization: Bearer $TOKEN" \\`,
    `  -H "Content-Type: application/json" -d '{"status": "archived", "archive": {"untilEvents": 100}}'`,
    "",
    `curl -X POST ${base}/api/errors/bulk -H "Authorization: Bearer $TOKEN" \\`,
    `  -H "Content-Type: application/json" -d '{"ids": [42, 43], "action": "assign", "assigneeId": 7}'`,
    "",
    `curl ${base}/api/errors/42/activity -H "Authorization: Bearer $TOKEN"`,
  ].join("\n");
  const curlToken = [
    `curl -X POST ${base}/api/auth/token -H "Content-Type: application/json" \\`,
    `  -d '{"email": "ada@example.com", "password": "…", "name": "laptop"}'`,
    `# → 200 {"token": "ecp_…", "tokenInfo": {…}, "user": {…}}`,
  ].join("\n");
  const errorBody = JSON.stringify(
    {
      error: {
        code: "validation_failed",
        message: "events.2.title: title is required",
        issues: [{ path: ["events", 2, "title"], message: "title is required" }],
      },
    },
    null,
    2,
  );

  return (
    <div className="lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10">
      <nav aria-label="On this page" className="hidden lg:block">
        <ul className="sticky top-20 space-y-1 text-sm">
          {TOC.map((item) => (
            <li key={item.id}>
              <a
                href={`#${item.id}`}
                className="block rounded-lg px-2.5 py-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
              >
                {item.label}
              </a>
            </li>
          ))}
          <li className="pt-2">
            <a href="/api/openapi.json" className={`block px-2.5 text-xs ${linkClass}`}>
              openapi.json
            </a>
          </li>
        </ul>
      </nav>

      <div className="min-w-0 max-w-4xl space-y-10">
        <header className="space-y-3">
          <h1 className="text-2xl font-semibold tracking-tight">API guide</h1>
          <p className="max-w-prose text-zinc-700 dark:text-zinc-300">
            Applications send their errors to <C>POST /api/events</C> (or through a Sentry SDK); you
            triage the grouped errors in the dashboard or over the same HTTP API. All JSON is
            camelCase. The complete machine-readable contract is the OpenAPI 3.1 document at{" "}
            <a href="/api/openapi.json" className={linkClass}>
              /api/openapi.json
            </a>
            ; the {endpointCount} operations in the{" "}
            <a href="#endpoints" className={linkClass}>
              endpoint reference
            </a>{" "}
            below are generated from it.
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Examples use this server: <C>{base}</C>.
          </p>
          <details className="rounded-lg border border-zinc-200 bg-white p-3 text-sm lg:hidden dark:border-zinc-800 dark:bg-zinc-900">
            <summary className="cursor-pointer font-medium">On this page</summary>
            <ul className="mt-2 space-y-1">
              {TOC.map((item) => (
                <li key={item.id}>
                  <a href={`#${item.id}`} className={linkClass}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        </header>

        <DocSection id="authentication" title="Authentication">
          <p>
            Every route except health, the OpenAPI document, sign-up and token takes{" "}
            <C>Authorization: Bearer &lt;token&gt;</C>. There are two kinds of token, both shown
            only once when created, stored only as a SHA-256 hash, and revocable in{" "}
            <Link href="/settings" className={linkClass}>
              Settings
            </Link>
            :
          </p>
          <dl className="grid gap-3 sm:grid-cols-2">
            <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
              <dt className="font-semibold">Personal tokens</dt>
              <dd className="mt-1 text-sm">
                <C>ecp_…</C> (256 random bits). They act as you on the whole API, in every project
                you belong to: listing, archiving, deleting, managing projects. Use them for scripts
                and CI. Get one at sign-up, in Settings, or with <C>POST /api/auth/token</C>.
              </dd>
            </div>
            <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
              <dt className="font-semibold">Ingest keys</dt>
              <dd className="mt-1 text-sm">
                32 hex characters (128 bits, the shape of a Sentry DSN key). They can only send
                events, and only to their own project; on any other route they get 403. Events they
                send are “collected by” the member who created the key.
              </dd>
            </div>
          </dl>
          <p>
            A missing, unknown or revoked token gets <C>401</C> with a <C>WWW-Authenticate</C>{" "}
            header. The dashboard uses its session cookie instead.
          </p>
          <CodeBlock code={curlToken} label="shell" what="token request" />
        </DocSection>

        <DocSection id="sending-events" title="Sending events">
          <p>
            Post one event object, an array, or <C>{"{events: [...]}"}</C> with up to{" "}
            {MAX_BATCH_EVENTS.toLocaleString("en")} events to <C>POST /api/events</C>. A request of
            at most 1 MiB (gzip, deflate and br accepted) is stored whole or not at all; the answer
            is <C>201</C> with one <C>{"{id, errorId}"}</C> per event, in order.
          </p>
          <CodeBlock code={curlOne} label="shell" what="curl example" />
          <ul className="list-disc space-y-1.5 pl-5">
            <li>
              <C>title</C> is required (≤ 255 characters); <C>details</C> takes a stack trace or any
              text (≤ 64 KiB).
            </li>
            <li>
              <C>level</C>: {LEVELS.join(", ")} (default <C>error</C>).
            </li>
            <li>
              <C>environment</C>: default <C>production</C>. <C>prod</C> → production;{" "}
              <C>homolog</C>, <C>homologacao</C>, <C>homologação</C>, <C>hml</C>, <C>stage</C>,{" "}
              <C>qa</C> → staging (“Staging (homologação)”); <C>dev</C>, <C>local</C> → development.
              Any other value is kept and listed under “Other”.
            </li>
            <li>
              <C>origin</C>: the service that produced the event (e.g. <C>billing-api</C>); default:
              the project’s slug.
            </li>
            <li>
              <C>timestamp</C>: ISO 8601 with a time zone, or epoch seconds; default now.
            </li>
            <li>
              <C>eventId</C> makes a request idempotent: a repeated id returns the first result and
              counts once, so retries are safe.
            </li>
            <li>
              <C>fingerprint</C> (string array) overrides grouping; <C>tags</C> is a string map;{" "}
              <C>project</C> (id or slug) picks the project when a personal token has several.
            </li>
            <li>Unknown fields are ignored.</li>
          </ul>
          <CodeBlock code={curlBatch} label="shell — a batch" what="batch example" />
        </DocSection>

        <DocSection id="grouping" title="Grouping">
          <p>
            Events with the same fingerprint in the same project and environment are one{" "}
            <em>error</em>; an error’s frequency is how many events it has.
          </p>
          <ol className="list-decimal space-y-1.5 pl-5">
            <li>
              An explicit <C>fingerprint</C> wins; the item <C>{"{{ default }}"}</C> expands to the
              default key, so <C>{'["{{ default }}", "eu"]'}</C> splits one error by region.
            </li>
            <li>
              Native events: level + title with its variable parts (numbers, UUIDs, hex ids, emails,
              IPs, URLs, quoted strings, dates) replaced by placeholders + origin. “Timeout after
              3000 ms for order 81723” and “Timeout after 5000 ms for order 1” are one error.
            </li>
            <li>
              SDK events: the last exception’s type and its in-app frames (module or file basename +
              function); the exception message only when there are no frames; else the parameterised
              log message.
            </li>
          </ol>
        </DocSection>

        <DocSection id="listing" title="Listing and sorting">
          <p>
            <C>GET /api/errors</C> lists errors of one environment (default <C>production</C>;{" "}
            <C>other</C> or <C>all</C> too), {25} a page (<C>limit</C> ≤ {MAX_LIMIT}). Sorting is
            done in SQL and is stable: ties are broken in a fixed order, and the <C>nextCursor</C>{" "}
            of a page brings every error exactly once; its <C>prevCursor</C> brings the page before
            (null on the first page). <C>tag=key:value</C> is accepted and validated; it does not
            narrow the list yet (tag counters are being built).
          </p>
          <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
            <table className="w-full min-w-[30rem] text-left text-sm">
              <thead className="bg-zinc-50 text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    sort
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    order (then the tie-breaks)
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {[
                  [
                    "frequency (default)",
                    "events desc → level severity desc → last seen desc → id desc",
                  ],
                  ["level", "severity desc → events desc → last seen desc → id desc"],
                  ["lastSeen", "last seen desc → id desc"],
                  ["firstSeen", "first seen desc → id desc"],
                ].map(([sort, order]) => (
                  <tr key={sort}>
                    <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{sort}</td>
                    <td className="px-3 py-2">{order}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>Severity: {LEVELS.join(" > ")}.</p>
          <CodeBlock code={curlList} label="shell" what="list examples" />
        </DocSection>

        <DocSection id="archive-search" title="Archive, search, delete">
          <ul className="list-disc space-y-1.5 pl-5">
            <li>
              The list shows <strong>open</strong> errors. Archiving one (
              <C>{'PATCH /api/errors/:id {"status": "archived"}'}</C>) takes it off the list.
            </li>
            <li>
              Archived errors come back as soon as you search: any <C>q</C>, <C>level</C> or{" "}
              <C>origin</C> filter covers open, resolved and archived errors, each marked with its{" "}
              <C>status</C>. <C>status=archived</C> or <C>status=resolved</C> shows only those;{" "}
              <C>status=all</C> every one. Unarchive with <C>{'{"status": "open"}'}</C>.
            </li>
            <li>
              <C>q</C> matches title and details, case-insensitive, as a substring; <C>level</C>{" "}
              (comma list) and <C>origin</C> are exact filters. No filter means every open error.
            </li>
            <li>
              Delete removes the error and all its events from the database (<C>204</C>); deleting
              one event updates its error’s count, first and last seen.
            </li>
            <li>
              <C>POST /api/errors/bulk</C> archives, unarchives, resolves, reopens, assigns or
              deletes many, with the same options as <C>PATCH</C>; it answers with the ids it
              touched (only errors of your projects).
            </li>
          </ul>
          <CodeBlock code={curlTriage} label="shell" what="triage examples" />
        </DocSection>

        <DocSection id="resolve" title="Resolve, regressions, assign">
          <ul className="list-disc space-y-1.5 pl-5">
            <li>
              <strong>Resolve</strong> means “fixed”: like archive it leaves the main list (
              <C>status=resolved</C> lists them). <C>{'"resolve": "now"'}</C> (the default): any
              later event reopens it. <C>{'"resolve": "inNextRelease"'}</C>: events from the release
              it was last seen in, or an older one, are expected while old deployments drain; the
              first event from a newer release reopens it. Releases compare as semver when both
              names parse (a <C>package@</C> prefix is ignored), else in the order the project first
              saw them. An event without a release reopens only a <C>now</C> resolution.
            </li>
            <li>
              A <strong>regression</strong> reopens the error in the same transaction that stores
              the event: its <C>substatus</C> is <C>regressed</C>, <C>regressedAt</C> is set, and{" "}
              <C>reopened</C> says who resolved it, when, and which event and release reopened it.
            </li>
            <li>
              <strong>Archive</strong> may carry a condition that ends it:{" "}
              <C>{'{"until": "<date-time>"}'}</C>, <C>{'{"untilEvents": N}'}</C> (N more events) or{" "}
              <C>{'{"untilRate": {"count": N, "minutes": M}}'}</C>. When it is met the error reopens
              as <C>escalating</C>. An archived error counts the events since it was archived (
              <C>eventsSinceStatus</C> in the list, <C>archive.eventsSinceArchived</C> on the
              error).
            </li>
            <li>
              <strong>Assignee</strong>: <C>{'{"assigneeId": <user id>}'}</C> (a member of the
              error’s project) or <C>null</C>; the list filters with <C>assignee=me</C>, <C>none</C>{" "}
              or a user id. A member who leaves a project is unassigned from its errors.
            </li>
            <li>
              Every change, regression and escalation is in <C>GET /api/errors/:id/activity</C>,
              newest first, with who (null for Error Central itself), what and why.{" "}
              <C>GET /api/projects/:id/releases</C> lists a project’s releases with their events and
              new errors; <C>release=</C> filters the list.
            </li>
          </ul>
          <CodeBlock code={curlResolve} label="shell" what="resolve, archive and assign examples" />
        </DocSection>

        <DocSection id="errors" title="Errors and status codes">
          <p>Every error answer has the same shape; a schema error names each field’s path:</p>
          <CodeBlock code={errorBody} label="json" what="error body example" />
          <StatusTable />
        </DocSection>

        <DocSection id="sentry" title="Sentry SDKs (DSN)">
          <p>
            Error Central speaks the Sentry protocol (<C>/api/&lt;projectId&gt;/envelope/</C> and{" "}
            <C>/api/&lt;projectId&gt;/store/</C>), so the official SDKs work unchanged. Give them a
            DSN made of an ingest key and the numeric project id:
          </p>
          <CodeBlock code={dsnExample} label="DSN" what="DSN format" />
          <p>
            Settings shows the full DSN once, when you create an ingest key. The SDK’s{" "}
            <C>environment</C> maps like the native field, <C>server_name</C> (or the request’s
            host) becomes the origin, and exceptions with stack frames are grouped by their in-app
            frames. A key of another project gets 403.
          </p>
          <div className="space-y-3">
            {sentry
              .filter((snippet) => snippet.id !== "curl")
              .map((snippet) => (
                <CodeBlock
                  key={snippet.id}
                  code={snippet.code}
                  label={snippet.label}
                  what={`${snippet.label} example`}
                />
              ))}
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The project id is listed in Settings, next to each project.
          </p>
        </DocSection>

        <DocSection id="endpoints" title="Endpoint reference">
          <p>
            Generated from{" "}
            <a href="/api/openapi.json" className={linkClass}>
              /api/openapi.json
            </a>
            . Routes marked “public” need no token; the others take a personal token (and{" "}
            <C>POST /api/events</C> an ingest key too).
          </p>
          <EndpointReference groups={groups} />
        </DocSection>
      </div>
    </div>
  );
}
