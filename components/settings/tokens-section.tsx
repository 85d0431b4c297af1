import type { listPersonalTokens } from "@/db/queries/tokens";
import { Badge, Facts, SettingsSection, When } from "./section";
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
              <li
                key={token.id}
                className="flex flex-col items-start gap-2 p-3 sm:flex-row sm:justify-between"
              >
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium wrap-anywhere">{token.name}</span>
                    {revoked ? (
                      <Badge tone="red">Revoked</Badge>
                    ) : expired ? (
                      <Badge tone="red">Expired</Badge>
                    ) : (
                      <Badge tone="green">Active</Badge>
                    )}
                  </p>
                  <Facts>
                    <span>
                      token <code className="font-mono">{token.prefix}…</code>
                    </span>
                    <span>
                      created <When date={token.createdAt} now={now} />
                    </span>
                    <span>
                      {token.lastUsedAt ? (
                        <>
                          last used <When date={token.lastUsedAt} now={now} />
                        </>
                      ) : (
                        "never used"
                      )}
                    </span>
                    {token.revokedAt ? (
                      <span>
                        revoked <When date={token.revokedAt} now={now} />
                      </span>
                    ) : token.expiresAt ? (
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
                    )}
                  </Facts>
                </div>
                {revoked || expired ? null : (
                  <RevokeTokenButton tokenId={token.id} name={token.name} />
                )}
              </li>
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
