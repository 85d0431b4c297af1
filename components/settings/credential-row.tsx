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
  /** "key" or "token": the word before the prefix. */
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
  return (
    <li className="flex flex-col items-start gap-2 p-3 sm:flex-row sm:justify-between">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium wrap-anywhere">{name}</span>
          {state === "revoked" ? (
            <Badge tone="red">Revoked</Badge>
          ) : state === "expired" ? (
            <Badge tone="red">Expired</Badge>
          ) : (
            <Badge tone="green">Active</Badge>
          )}
        </p>
        <Facts>
          <span>
            {what} <code className="font-mono">{prefix}…</code>
          </span>
          {createdBy === undefined ? null : <span>by {createdBy}</span>}
          <span>
            created <When date={createdAt} now={now} />
          </span>
          <span>
            {lastUsedAt ? (
              <>
                last used <When date={lastUsedAt} now={now} />
              </>
            ) : (
              "never used"
            )}
          </span>
          {revokedAt ? (
            <span>
              revoked <When date={revokedAt} now={now} />
            </span>
          ) : (
            whenActive
          )}
        </Facts>
        {details}
      </div>
      {action}
    </li>
  );
}
