"use client";

import { useTranslations } from "next-intl";
import { createIngestKeyAction, revokeIngestKeyAction } from "@/app/(dashboard)/settings/actions";
import { ConfirmAction } from "./confirm-action";
import { SecretForm } from "./secret-form";

export function CreateIngestKeyForm({ projectId }: { projectId: number }) {
  const t = useTranslations("SettingsForms");
  return (
    <SecretForm
      action={createIngestKeyAction}
      kind="ingest"
      label={t("newKeyName")}
      name="name"
      maxLength={100}
      placeholder={t("newKeyPlaceholder")}
      hidden={{ projectId }}
      submitLabel={t("createKey")}
      pendingLabel={t("creating")}
      showSuccess={false}
    />
  );
}

export function RevokeKeyButton({
  projectId,
  keyId,
  name,
}: {
  projectId: number;
  keyId: string;
  name: string;
}) {
  const t = useTranslations("SettingsForms");
  return (
    <ConfirmAction
      action={revokeIngestKeyAction}
      fields={{ projectId, keyId }}
      label={t("revoke")}
      ariaLabel={t("revokeKeyLabel", { name })}
      title={t("revokeKeyTitle", { name })}
      description={t("revokeKeyDescription")}
      confirmLabel={t("revokeKey")}
      pendingLabel={t("revoking")}
    />
  );
}
