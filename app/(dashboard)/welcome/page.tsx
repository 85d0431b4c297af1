import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { FirstRunWelcome } from "@/components/welcome/first-run-welcome";
import { FIRST_RUN_COOKIE, openFirstRun } from "@/lib/auth/first-run";
import { requireUser } from "@/lib/auth/session";
import { resolveAuthSecret } from "@/lib/auth-secret";
import { buildDsn } from "@/lib/public-url";
import { safeRedirect } from "@/lib/relative-path";
import { requestBaseUrl } from "@/lib/request-base-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Welcome"))("metaTitle") };
}

/** Right after sign-up: the new project's ingest key, DSN and snippets, shown this once. */
export default async function WelcomePage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const user = await requireUser();
  const { next } = await searchParams;
  const secrets = openFirstRun((await cookies()).get(FIRST_RUN_COOKIE)?.value, {
    authSecret: resolveAuthSecret(),
    userId: user.id,
  });
  const baseUrl = await requestBaseUrl();
  return (
    <FirstRunWelcome
      userName={user.name}
      next={safeRedirect(typeof next === "string" ? next : null)}
      baseUrl={baseUrl}
      reveal={
        secrets
          ? {
              project: secrets.project,
              ingestKey: secrets.ingestKey,
              personalToken: secrets.personalToken,
              dsn: buildDsn(baseUrl, secrets.ingestKey.token, secrets.project.id),
            }
          : null
      }
    />
  );
}
