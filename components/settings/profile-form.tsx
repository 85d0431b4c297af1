"use client";

import { useActionState } from "react";
import { type FormState, updateProfileName } from "@/app/(dashboard)/settings/actions";
import { OneFieldForm } from "./one-field-form";

export function ProfileNameForm({ name }: { name: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateProfileName, {});
  return (
    <OneFieldForm
      formAction={formAction}
      state={state}
      pending={pending}
      label="Name"
      name="name"
      autoComplete="name"
      maxLength={50}
      defaultValue={state.status === "ok" ? state.value : name}
      submitLabel="Save name"
      pendingLabel="Saving…"
    />
  );
}
