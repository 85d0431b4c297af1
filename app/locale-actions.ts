"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { saveAccountLocale } from "@/lib/account/locale";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from "@/lib/i18n/config";

/**
 * The language switcher's action. The cookie keeps the choice in this browser (the login page
 * reads it after signing out); a signed-in user's choice is saved on the account too, so it
 * follows them to other browsers.
 */
export async function changeLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  const requestHeaders = await headers();
  (await cookies()).set(LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    secure: requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https",
  });
  const user = await currentUser();
  if (user) await saveAccountLocale(await getDb(), { userId: user.id, body: { locale } });
  revalidatePath("/", "layout");
}
