import { eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { users } from "../schema";

/** Changes the user's display name; false when the account no longer exists. */
export async function renameUser(
  db: DbOrTx,
  input: { userId: number; name: string },
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ name: input.name })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Saves the user's language (null: follow the browser); false when the account no longer exists. */
export async function setUserLocale(
  db: DbOrTx,
  input: { userId: number; locale: string | null },
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ locale: input.locale })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id });
  return rows.length > 0;
}
