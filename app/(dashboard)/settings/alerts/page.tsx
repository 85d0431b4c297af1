import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { DeliveryLogSection } from "@/components/alerts/delivery-log-section";
import { RulesSection } from "@/components/alerts/rules-section";
import { ProjectSelect } from "@/components/settings/project-select";
import { linkClass } from "@/components/settings/styles";
import { ALERT_CHANNEL_TYPES, ALERT_DELIVERY_STATUS_VALUES } from "@/db/schema";
import { attemptsOfDeliveries, listAlertDeliveries } from "@/lib/alerts/delivery-log";
import { listAlertRules } from "@/lib/alerts/rules";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { alertsProject } from "./project";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AlertsPage"))("title") };
}

// Filters from the URL; a value that is not one of them is ignored, as a link might carry it.
const optionalId = z.coerce
  .number()
  .int()
  .positive()
  .max(Number.MAX_SAFE_INTEGER)
  .optional()
  .catch(undefined);
const searchSchema = z.object({
  project: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(ALERT_DELIVERY_STATUS_VALUES).optional().catch(undefined),
  channel: z.enum(ALERT_CHANNEL_TYPES).optional().catch(undefined),
  ruleId: optionalId,
  errorId: optionalId,
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/)
    .optional()
    .catch(undefined),
});

export default async function AlertsSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = (await requireUser()).id;
  const search = searchSchema.parse(await searchParams);
  const db = await getDb();
  const { projects, selected, unknown } = await alertsProject(db, userId, search.project);
  const [t, locale] = await Promise.all([getTranslations("AlertsPage"), getLocale()]);

  if (!selected) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t.rich("noProject", {
            link: (chunks) => (
              <Link href="/settings" className={linkClass}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    );
  }

  const params = new URLSearchParams();
  if (search.status) params.set("status", search.status);
  if (search.channel) params.set("channel", search.channel);
  if (search.ruleId) params.set("ruleId", String(search.ruleId));
  if (search.errorId) params.set("errorId", String(search.errorId));
  if (search.cursor) params.set("cursor", search.cursor);
  const [{ role, items: rules }, log] = await Promise.all([
    listAlertRules(db, { userId, project: selected.id }),
    listAlertDeliveries(db, { userId, project: selected.id, params, locale }),
  ]);
  const attempts = await attemptsOfDeliveries(db, log.items, locale);
  const now = Date.now();
  const project = { id: selected.id, slug: selected.slug, name: selected.name };

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm">
            <Link
              href={`/settings?project=${encodeURIComponent(selected.slug)}#project`}
              className={linkClass}
            >
              {t("settings")}
            </Link>
            <span aria-hidden className="text-zinc-400">
              {" "}
              /{" "}
            </span>
            <span className="text-zinc-600 dark:text-zinc-400">{t("title")}</span>
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight wrap-anywhere">
            {t("heading", { project: selected.name })}
          </h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
        </div>
        {projects.length > 1 ? (
          <ProjectSelect
            current={selected.slug}
            projects={projects.map(({ slug, name }) => ({ slug, name }))}
            basePath="/settings/alerts"
          />
        ) : null}
      </div>
      {unknown ? (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
        >
          {t("unknownProject", { wanted: search.project ?? "", name: selected.name })}
        </p>
      ) : null}
      <div className="max-w-4xl space-y-6">
        <RulesSection project={project} role={role} rules={rules} now={now} />
        <DeliveryLogSection
          project={project}
          rules={rules.map(({ id, name }) => ({ id, name }))}
          filters={{
            status: search.status,
            ruleId: search.ruleId,
            channel: search.channel,
            errorId: search.errorId,
          }}
          deliveries={log.items}
          attempts={attempts}
          nextCursor={log.nextCursor}
          paged={Boolean(search.cursor)}
          now={now}
        />
      </div>
    </div>
  );
}
