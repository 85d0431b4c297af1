import { cookies, headers } from "next/headers";
import { currentUser } from "@/lib/auth/session";
import { LOCALE_COOKIE, type Locale } from "./config";
import { resolveLocale } from "./locale";

/** This request's language, decided by resolveLocale from the account, the cookie and the header. */
export async function requestLocale(): Promise<Locale> {
  const [user, cookieStore, headerList] = await Promise.all([currentUser(), cookies(), headers()]);
  return resolveLocale({
    userLocale: user?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
}
