import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ProjectSummary } from "@/db/queries/projects";
import { CreateProjectForm, RenameProject } from "./project-forms";
import { Badge, Facts, SettingsSection, When } from "./section";
import { listClass, smallButton } from "./styles";

export function ProjectsSection({
  projects,
  selectedId,
  now,
}: {
  projects: ProjectSummary[];
  selectedId: number | null;
  now: number;
}) {
  const t = useTranslations("Projects");
  return (
    <SettingsSection id="projects" title={t("title")} description={t("description")}>
      <ul className={listClass}>
        {projects.map((project) => {
          const selected = project.id === selectedId;
          return (
            <li
              key={project.id}
              className="flex flex-col items-start gap-2 p-3 sm:flex-row sm:justify-between"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium wrap-anywhere">{project.name}</span>
                  <Badge tone={project.role === "owner" ? "indigo" : "zinc"}>
                    {project.role === "owner" ? t("owner") : t("member")}
                  </Badge>
                </p>
                <Facts>
                  <span>
                    {t.rich("slug", {
                      code: () => <code className="font-mono wrap-anywhere">{project.slug}</code>,
                    })}
                  </span>
                  <span>{t("id", { id: String(project.id) })}</span>
                  <span>
                    {t.rich("created", {
                      when: () => <When date={project.createdAt} now={now} />,
                    })}
                  </span>
                </Facts>
              </div>
              <div className="flex flex-wrap items-start gap-2">
                <Link
                  href={`/settings?project=${encodeURIComponent(project.slug)}#project`}
                  aria-current={selected ? "true" : undefined}
                  aria-label={t("keysAndMembersOf", { name: project.name })}
                  className={`${smallButton} aria-[current=true]:border-indigo-400 aria-[current=true]:bg-indigo-50 aria-[current=true]:text-indigo-800 dark:aria-[current=true]:border-indigo-700 dark:aria-[current=true]:bg-indigo-950/60 dark:aria-[current=true]:text-indigo-200`}
                >
                  {selected ? t("selected") : t("keysAndMembers")}
                </Link>
                {project.role === "owner" ? (
                  <RenameProject project={{ id: project.id, name: project.name }} />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <CreateProjectForm />
    </SettingsSection>
  );
}
