import type { listPersonalTokens } from "@/db/queries/tokens";
import { CredentialRow } from "./credential-row";
import { SettingsSection, When } from "./section";
import { listClass } from "./styles";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

type PersonalToken = Awaited<ReturnType<typeof listPersonalTokens>>[number];

export function TokensSection({ tokens, now }: { tokens: PersonalToken[]; now: number }) {
  return (
    <SettingsSection
      id="tokens"
      title="Personal API tokens"
      description={
        <p>
          A personal token acts as you on the whole API, in all your projects: scripts, CI, the
          triage endpoints. Send it as{" "}
          <code className="font-mono">Authorization: Bearer ecp_…</code>. It is shown only once,
          when it is created.
        </p>
      }
    >
      {tokens.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No personal tokens yet.</p>
      ) : (
        <ul className={listClass} aria-label="Personal tokens">
          {tokens.map((token) => {
            const revoked = token.revokedAt !== null;
            const expired =
              !revoked && token.expiresAt !== null && token.expiresAt.getTime() <= now;
            return (
              <CredentialRow
                key={token.id}
                name={token.name}
                state={revoked ? "revoked" : expired ? "expired" : "active"}
                what="token"
                prefix={token.prefix}
                createdAt={token.createdAt}
                lastUsedAt={token.lastUsedAt}
                revokedAt={token.revokedAt}
                now={now}
                whenActive={
                  token.expiresAt ? (
                    <span>
                      {expired ? (
                        <>
                          expired <When date={token.expiresAt} now={now} />
                        </>
                      ) : (
                        <>
                          expires <Day date={token.expiresAt} />
                        </>
                      )}
                    </span>
                  ) : (
                    <span>never expires</span>
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

/** A future day ("Mar 3, 2027"), with the exact UTC time in the tooltip. */
function Day({ date }: { date: Date }) {
  const iso = date.toISOString();
  return (
    <time dateTime={iso} title={iso.replace("T", " ").replace(/\.\d+Z$/, " UTC")}>
      {date.toLocaleDateString("en", {
        year: "numeric",
        month: "short",
        day: "numeric",
        timeZone: "UTC",
      })}
    </time>
  );
}
