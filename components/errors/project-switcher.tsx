"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import { selectClass } from "./errors-toolbar";
import { useListNavigation } from "./list-navigation";

/** Another project keeps the environment and sort; its origins and releases differ, so filters reset. */
export function ProjectSwitcher({
  state,
  current,
  projects,
}: {
  state: ErrorListState;
  current: string;
  projects: { slug: string; name: string }[];
}) {
  const t = useTranslations("ErrorList");
  const { navigate } = useListNavigation();
  const [shown, setShown] = useState(current);
  useEffect(() => setShown(current), [current]);
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm">
      <span className="shrink-0 text-zinc-500 dark:text-zinc-400">{t("project")}</span>
      <select
        value={shown}
        onChange={(event) => {
          setShown(event.target.value);
          navigate(
            errorListHref(state, {
              project: event.target.value,
              q: "",
              levels: [],
              origin: "",
              status: null,
              release: "",
              assignee: "",
            }),
            { mode: "push" },
          );
        }}
        className={`${selectClass} max-w-56`}
      >
        {projects.map((project) => (
          <option key={project.slug} value={project.slug}>
            {project.name}
          </option>
        ))}
      </select>
    </label>
  );
}
