import type { DbOrTx } from "@/db/client";
import { type CreatedToken, createToken, revokeToken } from "@/db/queries/tokens";
import { notFound, parseWith } from "@/lib/domain-errors";
import { isUuid } from "@/lib/ids";
import { createTokenSchema } from "@/lib/schemas/auth";

/**
 * Creates a personal token from a request body ({ name, expiresInDays? }): the one rule for
 * POST /api/tokens and the Settings form. Throws a 422 naming the field that is wrong.
 */
export async function createPersonalToken(
  db: DbOrTx,
  input: { userId: number; body: unknown },
): Promise<CreatedToken> {
  const { name, expiresInDays } = parseWith(createTokenSchema, input.body);
  return createToken(db, { userId: input.userId, kind: "personal", name, expiresInDays });
}

/** The form's expiry choice ("" is never) as the API's expiresInDays. */
export function expiryFromForm(value: string): number | null | string {
  if (value === "" || value === "never") return null;
  return /^\d{1,4}$/.test(value) ? Number(value) : value;
}

/** Revokes one of the user's own personal tokens: the one rule for DELETE /api/tokens/:id and the form. */
export async function revokePersonalToken(
  db: DbOrTx,
  input: { userId: number; tokenId: string },
): Promise<void> {
  const revoked =
    isUuid(input.tokenId) &&
    (await revokeToken(db, { tokenId: input.tokenId, kind: "personal", userId: input.userId }));
  if (!revoked) throw notFound("token");
}
