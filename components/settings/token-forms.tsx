"use client";

import { useTranslations } from "next-intl";
import {
  createPersonalTokenAction,
  revokePersonalTokenAction,
} from "@/app/(dashboard)/settings/actions";
import { ConfirmAction } from "./confirm-action";
import { SecretForm } from "./secret-form";

/** The expiry choices of the form, as the API's expiresInDays ("" never expires). */
const EXPIRY_DAYS = [null, 7, 30, 90, 365] as const;

export function CreateTokenForm() {
  const t = useTranslations("SettingsForms");
  return (
    <SecretForm
      action={createPersonalTokenAction}
      kind="personal"
      label={t("newTokenName")}
      name="name"
      maxLength={100}
      placeholder={t("newTokenPlaceholder")}
      submitLabel={t("createToken")}
      pendingLabel={t("creating")}
      showSuccess={false}
      extra={
        <div className="space-y-1.5">
          <label
            htmlFor="token-expiry"
            className="block text-sm font-medium text-zinc-700 dark:text-zinc-300"
          >
            {t("expires")}
          </label>
          <select
            id="token-expiry"
            name="expiresInDays"
            defaultValue=""
            className="block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 sm:w-32 dark:border-zinc-700 dark:bg-zinc-900"
          >
            {EXPIRY_DAYS.map((days) => (
              <option key={days ?? ""} value={days ?? ""}>
                {days === null ? t("expiresNever") : t("expiresInDays", { days })}
              </option>
            ))}
          </select>
        </div>
      }
    />
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("SettingsForms");
  return (
    <ConfirmAction
      action={revokePersonalTokenAction}
      fields={{ tokenId }}
      label={t("revoke")}
      ariaLabel={t("revokeTokenLabel", { name })}
      title={t("revokeTokenTitle", { name })}
      description={t("revokeTokenDescription")}
      confirmLabel={t("revokeToken")}
      pendingLabel={t("revoking")}
    />
  );
}
