import type { SignupNames } from "@/db/queries/users";
import type { Locale } from "@/lib/i18n/config";
import { serverTranslator } from "@/lib/i18n/server-messages";

/** "Ana's project", "Default ingest key", "Created at sign-up", in the sign-up's language. */
export function signupNames(name: string, locale: Locale): SignupNames {
  const t = serverTranslator(locale);
  const first = name.trim().split(/\s+/)[0];
  return {
    project: first ? t("ServerSignup.project", { name: first }) : t("ServerSignup.myProject"),
    ingestKey: t("ServerSignup.ingestKey"),
    personalToken: t("ServerSignup.personalToken"),
  };
}
