"use client";

import Link from "next/link";
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
  return (
    <SecretForm
      action={createProjectAction}
      kind="ingest"
      label="New project name"
      name="name"
      maxLength={100}
      placeholder="e.g. Billing API"
      submitLabel="Create project"
      pendingLabel="Creating…"
      hint="It gets a default ingest key, shown once below."
      after={(created) =>
        created.project ? (
          <p className="text-sm">
            <Link
              href={`/settings?project=${encodeURIComponent(created.project.slug)}#project`}
              className={linkClass}
            >
              Manage {created.project.name}’s keys and members
            </Link>
          </p>
        ) : null
      }
    />
  );
}

/** Owners only: the page renders it for them, and the action checks again. */
export function RenameProject({ project }: { project: { id: number; name: string } }) {
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
          aria-label={`Rename ${project.name}`}
          onClick={() => setEditing(true)}
        >
          Rename
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
        label={`New name for ${project.name}`}
        name="name"
        maxLength={100}
        defaultValue={project.name}
        hidden={{ projectId: project.id }}
        submitLabel="Save name"
        pendingLabel="Saving…"
        showSuccess={false}
      />
      <button type="button" className={smallButton} onClick={() => setEditing(false)}>
        Cancel
      </button>
    </div>
  );
}
