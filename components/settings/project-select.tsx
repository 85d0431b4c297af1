"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, useTransition } from "react";

/** Picks the project whose keys and members are shown: `?project=<slug>`, a linkable view. */
export function ProjectSelect({
  current,
  projects,
  basePath = "/settings",
}: {
  current: string;
  projects: { slug: string; name: string }[];
  /** The page that shows the picked project (Settings, or Settings → Alerts). */
  basePath?: string;
}) {
  const t = useTranslations("SettingsForms");
  const router = useRouter();
  const [shown, setShown] = useState(current);
  const [pending, startTransition] = useTransition();
  const id = useId();
  useEffect(() => setShown(current), [current]);
  return (
    <div className="flex min-w-0 flex-col gap-1.5 text-sm sm:flex-row sm:items-center sm:gap-2">
      <label htmlFor={id} className="shrink-0 font-medium text-zinc-700 dark:text-zinc-300">
        {t("project")}
      </label>
      <select
        id={id}
        value={shown}
        aria-busy={pending || undefined}
        onChange={(event) => {
          const slug = event.target.value;
          setShown(slug);
          startTransition(() =>
            router.push(`${basePath}?project=${encodeURIComponent(slug)}`, { scroll: false }),
          );
        }}
        className="w-full min-w-0 rounded-lg border border-zinc-300 bg-white py-1.5 pr-8 pl-2.5 text-sm shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none sm:w-auto sm:max-w-72 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {projects.map((project) => (
          <option key={project.slug} value={project.slug}>
            {project.name}
          </option>
        ))}
      </select>
    </div>
  );
}
