import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { alertsProject } from "../project";
import { RulePage } from "../rule-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AlertsPage"))("newRuleTitle") };
}

export default async function NewAlertRulePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = (await requireUser()).id;
  const wanted = (await searchParams).project;
  const { selected } = await alertsProject(
    await getDb(),
    userId,
    typeof wanted === "string" ? wanted.slice(0, 100) : undefined,
  );
  if (!selected) notFound();
  return (
    <RulePage
      project={{ id: selected.id, slug: selected.slug, name: selected.name }}
      role={selected.role}
    />
  );
}
