import { useTranslations } from "next-intl";
import type { EndpointGroupView, EndpointView, FieldView, ParamView } from "@/lib/openapi-view";

const METHOD_TONES: Record<string, string> = {
  GET: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  POST: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300",
  PATCH: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  PUT: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  DELETE: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-block w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold ${METHOD_TONES[method] ?? ""}`}
    >
      {method}
    </span>
  );
}

function Fields({ fields, title }: { fields: (FieldView | ParamView)[]; title: string }) {
  const t = useTranslations("EndpointReference");
  return (
    <div className="mt-3">
      <h5 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {title}
      </h5>
      <dl className="mt-1.5 divide-y divide-zinc-100 rounded-md border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
        {fields.map((field) => (
          <div
            key={`${"in" in field ? field.in : "body"}-${field.name}`}
            className="grid gap-1 px-3 py-2 sm:grid-cols-[minmax(9rem,14rem)_minmax(0,1fr)] sm:gap-4"
          >
            <dt className="min-w-0">
              <code className="font-mono text-[13px] font-medium wrap-anywhere">{field.name}</code>
              <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">
                {"in" in field ? `${field.in}, ` : ""}
                {field.required ? (
                  <span className="font-medium text-red-700 dark:text-red-400">
                    {t("required")}
                  </span>
                ) : (
                  t("optional")
                )}
              </span>
            </dt>
            <dd className="min-w-0 text-zinc-700 dark:text-zinc-300">
              <span className="font-mono text-xs wrap-anywhere text-zinc-600 dark:text-zinc-400">
                {field.type}
              </span>
              {field.constraints.length > 0 ? (
                <span className="text-xs wrap-anywhere">
                  {" · "}
                  {field.constraints.join(" · ")}
                </span>
              ) : null}
              {field.description ? <p className="mt-0.5 text-sm">{field.description}</p> : null}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Endpoint({ endpoint }: { endpoint: EndpointView }) {
  const t = useTranslations("EndpointReference");
  return (
    <article
      id={endpoint.id}
      aria-labelledby={`${endpoint.id}-title`}
      className="min-w-0 scroll-mt-20 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h4 id={`${endpoint.id}-title`} className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <MethodBadge method={endpoint.method} />{" "}
        <code className="min-w-0 font-mono text-sm font-semibold wrap-anywhere">
          {endpoint.path}
        </code>
        {endpoint.isPublic ? (
          <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            {t("public")}
          </span>
        ) : null}
      </h4>
      <p className="mt-2 text-sm text-zinc-800 dark:text-zinc-200">{endpoint.summary}</p>
      {endpoint.description ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{endpoint.description}</p>
      ) : null}
      {endpoint.params.length > 0 ? (
        <Fields title={t("parameters")} fields={endpoint.params} />
      ) : null}
      {endpoint.body?.map((variant) =>
        variant.fields.length > 0 ? (
          <Fields
            key={variant.label}
            title={t("body", { label: variant.label })}
            fields={variant.fields}
          />
        ) : (
          <p
            key={variant.label}
            className="mt-3 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
          >
            {t("body", { label: variant.label })}
          </p>
        ),
      )}
      <div className="mt-3">
        <h5 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {t("responses")}
        </h5>
        <ul className="mt-1.5 space-y-1 text-sm">
          {endpoint.responses.map((response) => (
            <li key={response.status} className="flex min-w-0 gap-2">
              <code
                className={`shrink-0 font-mono text-xs font-semibold leading-5 ${
                  response.status.startsWith("2")
                    ? "text-emerald-700 dark:text-emerald-400"
                    : "text-zinc-500 dark:text-zinc-400"
                }`}
              >
                {response.status}
              </code>
              <span className="min-w-0 text-zinc-700 dark:text-zinc-300">
                {response.description}
                {response.shape ? (
                  <code className="mt-0.5 block font-mono text-xs wrap-anywhere text-zinc-600 dark:text-zinc-400">
                    {response.shape}
                  </code>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}

/**
 * The endpoint list, generated from the OpenAPI document: one card per operation, all in the
 * page's language (openApiEndpoints gives the document's summaries and descriptions in it too).
 */
export function EndpointReference({ groups }: { groups: EndpointGroupView[] }) {
  return (
    <div className="space-y-8">
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`} className="space-y-3">
          <h3 id={`group-${group.id}`} className="text-base font-semibold">
            {group.title}
          </h3>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {group.endpoints.map((endpoint) => (
              <li key={endpoint.id}>
                <a
                  href={`#${endpoint.id}`}
                  className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {endpoint.method} {endpoint.path}
                </a>
              </li>
            ))}
          </ul>
          <div className="space-y-3">
            {group.endpoints.map((endpoint) => (
              <Endpoint key={endpoint.id} endpoint={endpoint} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
