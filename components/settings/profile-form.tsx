"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type FormState, updateProfileName } from "@/app/(dashboard)/settings/actions";
import { OneFieldForm } from "./one-field-form";

export function ProfileNameForm({ name }: { name: string }) {
  const t = useTranslations("SettingsForms");
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateProfileName, {});
  return (
    <OneFieldForm
      formAction={formAction}
      state={state}
      pending={pending}
      label={t("name")}
      name="name"
      autoComplete="name"
      maxLength={50}
      defaultValue={state.status === "ok" ? state.value : name}
      submitLabel={t("saveName")}
      pendingLabel={t("saving")}
    />
  );
}
