"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type AuthFormState, signup } from "@/app/(auth)/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/password";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

export function SignupForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("SignupForm");
  const [state, action, pending] = useActionState<AuthFormState, FormData>(signup, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/errors"} />
      {state.error ? (
        <p
          role="alert"
          className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300"
        >
          {state.error}
        </p>
      ) : null}
      <Field
        label={t("name")}
        name="name"
        autoComplete="name"
        maxLength={50}
        required
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        maxLength={254}
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        required
        hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
        error={state.fieldErrors?.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
