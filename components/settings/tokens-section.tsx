import { useTranslations } from "next-intl";
import type { listPersonalTokens } from "@/db/queries/tokens";
import { CredentialRow } from "./credential-row";
import { Day, SettingsSection, When } from "./section";
import { listClass } from "./styles";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

type PersonalToken = Awaited<ReturnType<typeof listPersonalTokens>>[number];

export function TokensSection({ tokens, now }: { tokens: PersonalToken[]; now: number }) {
  const t = useTranslations("Tokens");
  return (
    <SettingsSection
      id="tokens"
      title={t("title")}
      description={
        <p>
          {t.rich("description", {
            code: (chunks) => <code className="font-mono">{chunks}</code>,
          })}
        </p>
      }
    >
      {tokens.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("none")}</p>
      ) : (
        <ul className={listClass} aria-label={t("listLabel")}>
          {tokens.map((token) => {
            const revoked = token.revokedAt !== null;
            const expired =
              !revoked && token.expiresAt !== null && token.expiresAt.getTime() <= now;
            return (
              <CredentialRow
                key={token.id}
                name={token.name}
                state={revoked ? "revoked" : expired ? "expired" : "active"}
                what={t("what")}
                prefix={token.prefix}
                createdAt={token.createdAt}
                lastUsedAt={token.lastUsedAt}
                revokedAt={token.revokedAt}
                now={now}
                whenActive={
                  token.expiresAt ? (
                    <span>
                      {expired
                        ? t.rich("expiredAt", {
                            when: () => <When date={token.expiresAt as Date} now={now} />,
                          })
                        : t.rich("expiresOn", {
                            day: () => <Day date={token.expiresAt as Date} />,
                          })}
                    </span>
                  ) : (
                    <span>{t("neverExpires")}</span>
                  )
                }
                action={
                  revoked || expired ? null : (
                    <RevokeTokenButton tokenId={token.id} name={token.name} />
                  )
                }
              />
            );
          })}
        </ul>
      )}
      <CreateTokenForm />
    </SettingsSection>
  );
}
