"use client";

import type { ComponentProps, ReactNode } from "react";
import { useActionState } from "react";
import type { CreatedSecret, SecretFormState } from "@/app/(dashboard)/settings/actions";
import { OneFieldForm } from "./one-field-form";
import { SecretReveal } from "./secret-reveal";

type FieldProps = Omit<ComponentProps<typeof OneFieldForm>, "formAction" | "state" | "pending">;

/**
 * The one form that creates a secret (a project's first key, an ingest key, a personal token):
 * a named field, and once created the secret shown this one time, with `after` below it.
 */
export function SecretForm({
  action,
  kind,
  after,
  ...field
}: FieldProps & {
  action: (state: SecretFormState, formData: FormData) => Promise<SecretFormState>;
  kind: "ingest" | "personal";
  after?: (created: CreatedSecret) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState<SecretFormState, FormData>(action, {});
  const created = state.status === "ok" ? state.created : undefined;
  return (
    <div className="space-y-3">
      <OneFieldForm formAction={formAction} state={state} pending={pending} {...field} />
      {created ? (
        <SecretReveal
          kind={kind}
          name={created.name}
          secret={created.secret}
          dsn={created.dsn}
          baseUrl={created.baseUrl}
        >
          {after?.(created)}
        </SecretReveal>
      ) : null}
    </div>
  );
}
