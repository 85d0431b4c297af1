import type { Db } from "@/db/client";
import { setUserLocale } from "@/db/queries/profile";
import { notFound, parseWith } from "@/lib/domain-errors";
import type { Locale } from "@/lib/i18n/config";
import { accountUpdateSchema } from "@/lib/schemas/account";

/**
 * Saves the language of the user's account, used on every page they open from any browser
 * (lib/i18n/locale.ts puts it before the cookie and Accept-Language). `body` is
 * `{ locale: "en" | "pt-BR" | null }`; anything else is a 422.
 */
export async function saveAccountLocale(
  db: Db,
  input: { userId: number; body: unknown },
): Promise<{ locale: Locale | null }> {
  const { locale } = parseWith(accountUpdateSchema, input.body);
  if (!(await setUserLocale(db, { userId: input.userId, locale }))) throw notFound("user");
  return { locale };
}
