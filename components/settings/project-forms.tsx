"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import {
  createProjectAction,
  type FormState,
  renameProjectAction,
} from "@/app/(dashboard)/settings/actions";
import { OneFieldForm } from "./one-field-form";
import { SecretForm } from "./secret-form";
import { linkClass, smallButton } from "./styles";

export function CreateProjectForm() {
  const t = useTranslations("SettingsForms");
  return (
    <SecretForm
      action={createProjectAction}
      kind="ingest"
      label={t("newProjectName")}
      name="name"
      maxLength={100}
      placeholder={t("newProjectPlaceholder")}
      submitLabel={t("createProject")}
      pendingLabel={t("creating")}
      hint={t("newProjectHint")}
      after={(created) =>
        created.project ? (
          <p className="text-sm">
            <Link
              href={`/settings?project=${encodeURIComponent(created.project.slug)}#project`}
              className={linkClass}
            >
              {t("manageProject", { name: created.project.name })}
            </Link>
          </p>
        ) : null
      }
    />
  );
}

/** Owners only: the page renders it for them, and the action checks again. */
export function RenameProject({ project }: { project: { id: number; name: string } }) {
  const t = useTranslations("SettingsForms");
  const [editing, setEditing] = useState(false);
  const [state, formAction, pending] = useActionState<FormState, FormData>(renameProjectAction, {});
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "ok") setEditing(false);
  }, [state]);
  useEffect(() => {
    if (editing) box.current?.querySelector<HTMLInputElement>('input[name="name"]')?.select();
  }, [editing]);

  if (!editing) {
    return (
      <span className="inline-flex items-center gap-2">
        {state.status === "ok" ? (
          <span role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
            {state.message}
          </span>
        ) : null}
        <button
          type="button"
          className={smallButton}
          aria-label={t("renameLabel", { name: project.name })}
          onClick={() => setEditing(true)}
        >
          {t("rename")}
        </button>
      </span>
    );
  }
  return (
    <div ref={box} className="w-full space-y-2 sm:max-w-md">
      <OneFieldForm
        formAction={formAction}
        state={state}
        pending={pending}
        label={t("newNameFor", { name: project.name })}
        name="name"
        maxLength={100}
        defaultValue={project.name}
        hidden={{ projectId: project.id }}
        submitLabel={t("saveName")}
        pendingLabel={t("saving")}
        showSuccess={false}
      />
      <button type="button" className={smallButton} onClick={() => setEditing(false)}>
        {t("cancel")}
      </button>
    </div>
  );
}
