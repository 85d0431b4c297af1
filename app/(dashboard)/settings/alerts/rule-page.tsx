import Link from "next/link";
import { useTranslations } from "next-intl";
import { RuleForm } from "@/components/alerts/rule-form";
import { linkClass } from "@/components/settings/styles";
import type { AlertRuleView } from "@/lib/alerts/rules";

/** The frame of the new-rule and edit-rule pages: where it is, and the form (owners only). */
export function RulePage({
  project,
  role,
  rule,
}: {
  project: { id: number; slug: string; name: string };
  role: "owner" | "member";
  rule?: AlertRuleView;
}) {
  const t = useTranslations("AlertsPage");
  const backHref = `/settings/alerts?project=${encodeURIComponent(project.slug)}`;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="min-w-0">
        <p className="text-sm">
          <Link
            href={`/settings?project=${encodeURIComponent(project.slug)}#project`}
            className={linkClass}
          >
            {t("settings")}
          </Link>
          <span aria-hidden className="text-zinc-400">
            {" "}
            /{" "}
          </span>
          <Link href={backHref} className={linkClass}>
            {t("title")}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight wrap-anywhere">
          {rule ? t("editRule", { name: rule.name }) : t("newRuleTitle")}
        </h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {t("forProject", { project: project.name })}
        </p>
      </div>
      {role === "owner" ? (
        <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs sm:p-5 dark:border-zinc-800 dark:bg-zinc-900">
          <RuleForm project={project} rule={rule} backHref={backHref} />
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {t("ownersOnly")}{" "}
          <Link href={backHref} className={linkClass}>
            {t("backToRules")}
          </Link>
        </p>
      )}
    </div>
  );
}
