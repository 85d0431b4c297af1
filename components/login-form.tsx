"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type AuthFormState, login } from "@/app/(auth)/actions";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("LoginForm");
  const [state, action, pending] = useActionState<AuthFormState, FormData>(login, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? (
        <p
          role="alert"
          className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300"
        >
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/errors"} />
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
