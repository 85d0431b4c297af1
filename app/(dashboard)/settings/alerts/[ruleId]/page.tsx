import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getAlertRule } from "@/lib/alerts/rules";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/domain-errors";
import { alertsProject } from "../project";
import { RulePage } from "../rule-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AlertsPage"))("editRuleTitle") };
}

export default async function EditAlertRulePage({
  params,
  searchParams,
}: {
  params: Promise<{ ruleId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = (await requireUser()).id;
  const wanted = (await searchParams).project;
  const db = await getDb();
  const { selected } = await alertsProject(
    db,
    userId,
    typeof wanted === "string" ? wanted.slice(0, 100) : undefined,
  );
  if (!selected) notFound();
  const rule = await getAlertRule(db, {
    userId,
    project: selected.id,
    ruleId: (await params).ruleId,
  }).catch((error: unknown) => {
    if (error instanceof NotFound) return null;
    throw error;
  });
  if (!rule) notFound();
  return (
    <RulePage
      project={{ id: selected.id, slug: selected.slug, name: selected.name }}
      role={selected.role}
      rule={rule}
    />
  );
}
