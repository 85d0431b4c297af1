import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge, Facts, When } from "./section";

/**
 * One row of a list of keys or tokens: its name and state, what it starts with, who made it,
 * when it was created, last used and revoked, then `details` below and `action` at the side.
 */
export function CredentialRow({
  name,
  state,
  what,
  prefix,
  createdBy,
  createdAt,
  lastUsedAt,
  revokedAt,
  now,
  whenActive,
  details,
  action,
}: {
  name: string;
  state: "active" | "revoked" | "expired";
  /** "key" or "token": the word before the prefix, in the page's language. */
  what: string;
  prefix: string;
  createdBy?: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  now: number;
  /** The last fact while it is not revoked (a token's expiry). */
  whenActive?: ReactNode;
  details?: ReactNode;
  action?: ReactNode;
}) {
  const t = useTranslations("Credential");
  const when = (date: Date) => () => <When date={date} now={now} />;
  return (
    <li className="flex flex-col items-start gap-2 p-3 sm:flex-row sm:justify-between">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium wrap-anywhere">{name}</span>
          {state === "revoked" ? (
            <Badge tone="red">{t("revoked")}</Badge>
          ) : state === "expired" ? (
            <Badge tone="red">{t("expired")}</Badge>
          ) : (
            <Badge tone="green">{t("active")}</Badge>
          )}
        </p>
        <Facts>
          <span>
            {what} <code className="font-mono">{prefix}…</code>
          </span>
          {createdBy === undefined ? null : <span>{t("by", { name: createdBy })}</span>}
          <span>{t.rich("created", { when: when(createdAt) })}</span>
          <span>
            {lastUsedAt ? t.rich("lastUsed", { when: when(lastUsedAt) }) : t("neverUsed")}
          </span>
          {revokedAt ? <span>{t.rich("revokedAt", { when: when(revokedAt) })}</span> : whenActive}
        </Facts>
        {details}
      </div>
      {action}
    </li>
  );
}
