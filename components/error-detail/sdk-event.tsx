import { useTranslations } from "next-intl";
import {
  readBreadcrumbs,
  readContexts,
  readEventFacts,
  readExceptions,
  readRequest,
  readUser,
} from "@/lib/sentry-payload";
import {
  BreadcrumbsSection,
  ContextsSection,
  EntriesSection,
  RequestSection,
} from "./sdk-sections";
import { Section } from "./section";
import { ExceptionChain } from "./stack-trace";

/** The exception chain and stack traces a Sentry SDK sent, when it sent any. */
export function SdkExceptionSection({ payload }: { payload: unknown }) {
  const t = useTranslations("SdkSections");
  const exceptions = readExceptions(payload);
  if (exceptions.length === 0) return null;
  return (
    <Section title={exceptions.length > 1 ? t("exceptions") : t("exception")}>
      <ExceptionChain exceptions={exceptions} />
    </Section>
  );
}

/** The request, breadcrumbs, contexts, user and SDK of a Sentry event; every part is optional. */
export function SdkContextSections({ payload }: { payload: unknown }) {
  const t = useTranslations("SdkSections");
  const request = readRequest(payload);
  const breadcrumbs = readBreadcrumbs(payload);
  const contexts = readContexts(payload);
  const user = readUser(payload);
  const facts = readEventFacts(payload);
  return (
    <>
      {request ? <RequestSection request={request} /> : null}
      {breadcrumbs.items.length > 0 ? (
        <BreadcrumbsSection breadcrumbs={breadcrumbs.items} omitted={breadcrumbs.omitted} />
      ) : null}
      {contexts.length > 0 || user.length > 0 || facts.length > 0 ? (
        <div className="grid items-start gap-6 lg:grid-cols-2">
          {contexts.length > 0 ? <ContextsSection contexts={contexts} /> : null}
          {/* Beside the contexts, facts and user share one column; without them, one each. */}
          <div className={contexts.length > 0 ? "grid min-w-0 gap-6" : "contents"}>
            {facts.length > 0 ? <EntriesSection title={t("sdkAndEvent")} entries={facts} /> : null}
            {user.length > 0 ? <EntriesSection title={t("user")} entries={user} /> : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
