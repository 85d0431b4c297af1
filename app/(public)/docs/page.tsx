import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { InlineCode as C, DocSection, StatusTable } from "@/components/docs/doc-parts";
import { EndpointReference } from "@/components/docs/endpoint-reference";
import { CodeBlock } from "@/components/ui/code-block";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/errors/list-query";
import { LEVELS } from "@/lib/ingest/levels";
import { MAX_BATCH_EVENTS } from "@/lib/ingest/native-batch";
import { MAX_ENVELOPE_BYTES } from "@/lib/ingest/sentry-ingest";
import { buildOpenApiDocument } from "@/lib/openapi";
import { openApiEndpoints } from "@/lib/openapi-view";
import { requestBaseUrl } from "@/lib/request-base-url";
import { ingestSnippets, SAMPLE_EVENT } from "@/lib/snippets";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DocsPage");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

const TOC = [
  { id: "authentication", key: "authentication" },
  { id: "sending-events", key: "sendingEvents" },
  { id: "grouping", key: "grouping" },
  { id: "listing", key: "listing" },
  { id: "archive-search", key: "archiveSearch" },
  { id: "resolve", key: "resolve" },
  { id: "errors", key: "errors" },
  { id: "sentry", key: "sentry" },
  { id: "endpoints", key: "endpoints" },
] as const;

const SORTS = ["frequency", "level", "lastSeen", "firstSeen"] as const;

/** The code-block labels are names of languages and formats, the same in every language. */
const LANGUAGE = { shell: "shell", json: "json", dsn: "DSN" };
const OPENAPI = { path: "/api/openapi.json", file: "openapi.json" };

/**
 * Code quoted inside the prose: given to the sentences as values, so that their braces, quotes
 * and angle brackets stay out of the messages' syntax.
 */
const CODE = {
  authHeader: "Authorization: Bearer <token>",
  eventsWrapper: "{events: [...]}",
  eventPair: "{id, errorId}",
  defaultItem: "{{ default }}",
  fingerprintExample: '["{{ default }}", "eu"]',
  archivePatch: 'PATCH /api/errors/:id {"status": "archived"}',
  reopen: '{"status": "open"}',
  resolveNow: '"resolve": "now"',
  resolveNext: '"resolve": "inNextRelease"',
  until: '{"until": "<date-time>"}',
  untilEvents: '{"untilEvents": N}',
  untilRate: '{"untilRate": {"count": N, "minutes": M}}',
  assign: '{"assigneeId": <user id>}',
  envelope: "/api/<projectId>/envelope/",
  store: "/api/<projectId>/store/",
};

const linkClass = "font-medium text-indigo-700 underline dark:text-indigo-300";

/** The tags the guide's sentences use around code and links. */
const tags = {
  code: (chunks: React.ReactNode) => <C>{chunks}</C>,
  em: (chunks: React.ReactNode) => <em>{chunks}</em>,
  strong: (chunks: React.ReactNode) => <strong>{chunks}</strong>,
  openapi: (chunks: React.ReactNode) => (
    <a href={OPENAPI.path} className={linkClass}>
      {chunks}
    </a>
  ),
  endpoints: (chunks: React.ReactNode) => (
    <a href="#endpoints" className={linkClass}>
      {chunks}
    </a>
  ),
  settings: (chunks: React.ReactNode) => (
    <Link href="/settings" className={linkClass}>
      {chunks}
    </Link>
  ),
};

export default async function DocsPage() {
  const [base, locale, t, env, ref] = await Promise.all([
    requestBaseUrl(),
    getLocale(),
    getTranslations("DocsPage"),
    getTranslations("Environments"),
    getTranslations("EndpointReference"),
  ]);
  const rich = (key: Parameters<typeof t.rich>[0], values: Record<string, string | number> = {}) =>
    t.rich(key, { ...tags, ...values });
  // Built at render time from the same function as /api/openapi.json: the reference cannot drift.
  const groups = openApiEndpoints(buildOpenApiDocument(base), locale);
  const endpointCount = groups.reduce((n, group) => n + group.endpoints.length, 0);
  const origin = new URL(base);
  const dsnExample = `${origin.protocol}//<key>@${origin.host}${origin.pathname.replace(/\/+$/, "")}/<projectId>`;
  const sentry = ingestSnippets({ baseUrl: base, key: "$INGEST_KEY", dsn: dsnExample });

  // The commands are the same in every language; only their comments are translated.
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
    t("listing.commentDefault", { perPage: DEFAULT_LIMIT }),
    `curl -s "${base}/api/errors" -H "Authorization: Bearer $TOKEN"`,
    "",
    t("listing.commentFiltered"),
    `curl -s "${base}/api/errors?environment=staging&level=fatal,error&origin=billing-api&q=timeout&sort=level" \\`,
    `  -H "Authorization: Bearer $TOKEN"`,
    "",
    t("listing.commentNext"),
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
    t("resolve.commentNextRelease"),
    `curl -X PATCH ${base}/api/errors/42 -H "Authorization: Bearer $TOKEN" \\`,
    `  -H "Content-Type: application/json" -d '{"status": "resolved", "resolve": "inNextRelease"}'`,
    "",
    t("resolve.commentUntilEvents"),
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
  const tocLinks = (className?: string) =>
    TOC.map((item) => (
      <li key={item.id}>
        <a href={`#${item.id}`} className={className}>
          {t(`toc.${item.key}`)}
        </a>
      </li>
    ));

  return (
    <div className="lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10">
      <nav aria-label={t("onThisPage")} className="hidden lg:block">
        <ul className="sticky top-20 space-y-1 text-sm">
          {tocLinks(
            "block rounded-lg px-2.5 py-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white",
          )}
          <li className="pt-2">
            <a href={OPENAPI.path} className={`block px-2.5 text-xs ${linkClass}`}>
              {OPENAPI.file}
            </a>
          </li>
        </ul>
      </nav>

      <div className="min-w-0 max-w-4xl space-y-10">
        <header className="space-y-3">
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="max-w-prose text-zinc-700 dark:text-zinc-300">
            {rich("intro", { count: endpointCount })}
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{rich("server", { base })}</p>
          <details className="rounded-lg border border-zinc-200 bg-white p-3 text-sm lg:hidden dark:border-zinc-800 dark:bg-zinc-900">
            <summary className="cursor-pointer font-medium">{t("onThisPage")}</summary>
            <ul className="mt-2 space-y-1">{tocLinks(linkClass)}</ul>
          </details>
        </header>

        <DocSection id="authentication" title={t("toc.authentication")}>
          <p>{rich("auth.intro", { header: CODE.authHeader })}</p>
          <dl className="grid gap-3 sm:grid-cols-2">
            <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
              <dt className="font-semibold">{t("auth.personalTitle")}</dt>
              <dd className="mt-1 text-sm">{rich("auth.personal")}</dd>
            </div>
            <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
              <dt className="font-semibold">{t("auth.ingestTitle")}</dt>
              <dd className="mt-1 text-sm">{t("auth.ingest")}</dd>
            </div>
          </dl>
          <p>{rich("auth.missing")}</p>
          <CodeBlock code={curlToken} label={LANGUAGE.shell} what={t("auth.what")} />
        </DocSection>

        <DocSection id="sending-events" title={t("toc.sendingEvents")}>
          <p>
            {rich("send.intro", {
              wrapped: CODE.eventsWrapper,
              max: MAX_BATCH_EVENTS,
              pair: CODE.eventPair,
            })}
          </p>
          <CodeBlock code={curlOne} label={LANGUAGE.shell} what={t("send.what")} />
          <ul className="list-disc space-y-1.5 pl-5">
            <li>{rich("send.title")}</li>
            <li>{rich("send.level", { levels: LEVELS.join(", ") })}</li>
            <li>{rich("send.environment", { staging: env("staging"), other: env("other") })}</li>
            <li>{rich("send.origin")}</li>
            <li>{rich("send.timestamp")}</li>
            <li>{rich("send.eventId")}</li>
            <li>{rich("send.fingerprint")}</li>
            <li>{t("send.unknown")}</li>
          </ul>
          <CodeBlock code={curlBatch} label={t("send.batchLabel")} what={t("send.batchWhat")} />
        </DocSection>

        <DocSection id="grouping" title={t("toc.grouping")}>
          <p>{rich("grouping.intro")}</p>
          <ol className="list-decimal space-y-1.5 pl-5">
            <li>
              {rich("grouping.explicit", {
                defaultItem: CODE.defaultItem,
                example: CODE.fingerprintExample,
              })}
            </li>
            <li>{t("grouping.native")}</li>
            <li>{t("grouping.sdk")}</li>
          </ol>
        </DocSection>

        <DocSection id="listing" title={t("toc.listing")}>
          <p>{rich("listing.intro", { perPage: DEFAULT_LIMIT, max: MAX_LIMIT })}</p>
          <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
            <table className="w-full min-w-[30rem] text-left text-sm">
              <thead className="bg-zinc-50 text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("listing.sortHeader")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("listing.orderHeader")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {SORTS.map((sort) => (
                  <tr key={sort}>
                    <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
                      {sort === "frequency" ? t("listing.defaultSort", { sort }) : sort}
                    </td>
                    <td className="px-3 py-2">{t(`listing.order.${sort}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{t("listing.severity", { levels: LEVELS.join(" > ") })}</p>
          <CodeBlock code={curlList} label={LANGUAGE.shell} what={t("listing.what")} />
        </DocSection>

        <DocSection id="archive-search" title={t("toc.archiveSearch")}>
          <ul className="list-disc space-y-1.5 pl-5">
            <li>{rich("archive.open", { patch: CODE.archivePatch })}</li>
            <li>{rich("archive.search", { reopen: CODE.reopen })}</li>
            <li>{rich("archive.filters")}</li>
            <li>{rich("archive.delete")}</li>
            <li>{rich("archive.bulk")}</li>
          </ul>
          <CodeBlock code={curlTriage} label={LANGUAGE.shell} what={t("archive.what")} />
        </DocSection>

        <DocSection id="resolve" title={t("toc.resolve")}>
          <ul className="list-disc space-y-1.5 pl-5">
            <li>{rich("resolve.resolve", { now: CODE.resolveNow, next: CODE.resolveNext })}</li>
            <li>{rich("resolve.regression")}</li>
            <li>
              {rich("resolve.archive", {
                until: CODE.until,
                untilEvents: CODE.untilEvents,
                untilRate: CODE.untilRate,
              })}
            </li>
            <li>{rich("resolve.assignee", { assign: CODE.assign })}</li>
            <li>{rich("resolve.activity")}</li>
          </ul>
          <CodeBlock code={curlResolve} label={LANGUAGE.shell} what={t("resolve.what")} />
        </DocSection>

        <DocSection id="errors" title={t("toc.errors")}>
          <p>{t("errors.intro")}</p>
          <CodeBlock code={errorBody} label={LANGUAGE.json} what={t("errors.what")} />
          <p>{rich("errors.language")}</p>
          <StatusTable envelopeMiB={MAX_ENVELOPE_BYTES / (1024 * 1024)} />
        </DocSection>

        <DocSection id="sentry" title={t("toc.sentry")}>
          <p>{rich("sentry.intro", { envelope: CODE.envelope, store: CODE.store })}</p>
          <CodeBlock code={dsnExample} label={LANGUAGE.dsn} what={t("sentry.dsnWhat")} />
          <p>{rich("sentry.details")}</p>
          <div className="space-y-3">
            {sentry
              .filter((snippet) => snippet.id !== "curl")
              .map((snippet) => (
                <CodeBlock
                  key={snippet.id}
                  code={snippet.code}
                  label={snippet.label}
                  what={t("sentry.snippetWhat", { label: snippet.label })}
                />
              ))}
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("sentry.projectId")}</p>
        </DocSection>

        <DocSection id="endpoints" title={t("toc.endpoints")}>
          <p>
            {rich("endpoints.intro", { public: ref("public") })} {t("endpoints.wording")}
          </p>
          <EndpointReference groups={groups} />
        </DocSection>
      </div>
    </div>
  );
}
