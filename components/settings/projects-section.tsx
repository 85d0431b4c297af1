import Link from "next/link";
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
  return (
    <SettingsSection
      id="projects"
      title="Projects"
      description="Every project you belong to and your role in it. Owners rename a project and manage its members; every member can create ingest keys."
    >
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
                    {project.role === "owner" ? "Owner" : "Member"}
                  </Badge>
                </p>
                <Facts>
                  <span>
                    slug <code className="font-mono wrap-anywhere">{project.slug}</code>
                  </span>
                  <span>id {project.id}</span>
                  <span>
                    created <When date={project.createdAt} now={now} />
                  </span>
                </Facts>
              </div>
              <div className="flex flex-wrap items-start gap-2">
                <Link
                  href={`/settings?project=${encodeURIComponent(project.slug)}#project`}
                  aria-current={selected ? "true" : undefined}
                  aria-label={`Keys and members of ${project.name}`}
                  className={`${smallButton} aria-[current=true]:border-indigo-400 aria-[current=true]:bg-indigo-50 aria-[current=true]:text-indigo-800 dark:aria-[current=true]:border-indigo-700 dark:aria-[current=true]:bg-indigo-950/60 dark:aria-[current=true]:text-indigo-200`}
                >
                  {selected ? "Selected" : "Keys & members"}
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
