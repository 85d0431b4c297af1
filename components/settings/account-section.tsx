"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  changePasswordAction,
  type PasswordFormState,
  signOutEverywhereAction,
} from "@/app/(dashboard)/settings/account-actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ConfirmAction } from "./confirm-action";
import { SettingsSection } from "./section";

/**
 * Password change and "sign out everywhere". The minimum length comes from the server page:
 * lib/password.ts is server code (argon2) and must not reach the browser bundle.
 */
export function AccountSection({ minPasswordLength }: { minPasswordLength: number }) {
  const t = useTranslations("SettingsForms");
  return (
    <SettingsSection
      id="security"
      title={t("securityTitle")}
      description={<p>{t("securityDescription")}</p>}
    >
      <ChangePasswordForm minLength={minPasswordLength} />
      <div className="flex flex-col items-start gap-3 border-t border-zinc-200 pt-5 sm:flex-row sm:items-center sm:justify-between dark:border-zinc-800">
        <div className="min-w-0 text-sm">
          <p className="font-medium">{t("signOutEverywhere")}</p>
          <p className="text-zinc-600 dark:text-zinc-400">{t("signOutEverywhereWhat")}</p>
        </div>
        <ConfirmAction
          action={signOutEverywhereAction}
          fields={{}}
          label={t("signOutEverywhere")}
          ariaLabel={t("signOutEverywhere")}
          title={t("signOutEverywhereTitle")}
          description={t("signOutEverywhereDescription")}
          confirmLabel={t("signOutEverywhere")}
          pendingLabel={t("signingOut")}
        />
      </div>
    </SettingsSection>
  );
}

function ChangePasswordForm({ minLength }: { minLength: number }) {
  const t = useTranslations("SettingsForms");
  const [state, formAction, pending] = useActionState<PasswordFormState, FormData>(
    changePasswordAction,
    {},
  );
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={t("changePassword")}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t("currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={state.fieldErrors?.currentPassword}
        />
        <Field
          label={t("newPassword")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          required
          hint={t("passwordHint", { min: minLength })}
          error={state.fieldErrors?.newPassword}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("changing") : t("changePassword")}
        </Button>
        {state.status === "error" && state.error ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {state.error}
          </p>
        ) : null}
        {state.status === "ok" && state.message ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
