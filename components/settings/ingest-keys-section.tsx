import { useTranslations } from "next-intl";
import type { IngestKeySummary } from "@/db/queries/keys";
import type { MemberRole } from "@/db/queries/projects";
import { buildDsn } from "@/lib/public-url";
import { CredentialRow } from "./credential-row";
import { CreateIngestKeyForm, RevokeKeyButton } from "./key-forms";
import { SettingsSection } from "./section";
import { listClass, monoBox } from "./styles";

export function IngestKeysSection({
  project,
  role,
  userId,
  keys,
  baseUrl,
  now,
}: {
  project: { id: number; name: string };
  role: MemberRole;
  userId: number;
  keys: IngestKeySummary[];
  baseUrl: string;
  now: number;
}) {
  const t = useTranslations("IngestKeys");
  return (
    <SettingsSection
      id="keys"
      title={t("title")}
      description={
        <>
          <p>
            {t.rich("description", {
              project: project.name,
              code: (chunks) => <code className="font-mono">{chunks}</code>,
            })}
          </p>
          <p className="mt-1">
            {t("shownOnce")} {role === "owner" ? t("ownerRevokes") : t("memberRevokes")}
          </p>
        </>
      }
    >
      {keys.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("none")}</p>
      ) : (
        <ul className={listClass} aria-label={t("listLabel", { project: project.name })}>
          {keys.map((key) => {
            const revoked = key.revokedAt !== null;
            const canRevoke = !revoked && (role === "owner" || key.createdBy.id === userId);
            return (
              <CredentialRow
                key={key.id}
                name={key.name}
                state={revoked ? "revoked" : "active"}
                what={t("what")}
                prefix={key.prefix}
                createdBy={key.createdBy.name}
                createdAt={key.createdAt}
                lastUsedAt={key.lastUsedAt}
                revokedAt={key.revokedAt}
                now={now}
                details={
                  revoked ? null : (
                    <p className="mt-2 flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-1 text-xs">
                      <span className="text-zinc-500 dark:text-zinc-400">{t("dsn")}</span>
                      <code className={monoBox}>
                        {buildDsn(baseUrl, `${key.prefix}…`, project.id)}
                      </code>
                    </p>
                  )
                }
                action={
                  canRevoke ? (
                    <RevokeKeyButton projectId={project.id} keyId={key.id} name={key.name} />
                  ) : null
                }
              />
            );
          })}
        </ul>
      )}
      <CreateIngestKeyForm key={project.id} projectId={project.id} />
    </SettingsSection>
  );
}
