"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { forgetFirstRun } from "@/app/(dashboard)/welcome/actions";
import { SecretReveal } from "@/components/settings/secret-reveal";
import { buttonClass } from "@/components/ui/button";

export interface FirstRunReveal {
  project: { id: number; name: string; slug: string };
  ingestKey: { name: string; token: string };
  personalToken: { name: string; token: string };
  dsn: string;
}

/**
 * The welcome step after sign-up. The page hands the secrets over once; they are kept in state
 * here and the cookie that carried them is deleted at once, so the refresh that deletion causes
 * (and any later visit) has none, while this screen keeps showing them until the user moves on.
 */
export function FirstRunWelcome({
  userName,
  next,
  reveal,
  baseUrl,
}: {
  userName: string;
  next: string;
  reveal: FirstRunReveal | null;
  baseUrl: string;
}) {
  const t = useTranslations("Welcome");
  const [shown] = useState(reveal);
  useEffect(() => {
    if (reveal) void forgetFirstRun();
  }, [reveal]);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          {t("title", { name: userName.split(/\s+/)[0] || userName })}
        </h1>
        {shown ? (
          <p className="max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
            {t("ready", { project: shown.project.name })}
          </p>
        ) : null}
      </header>
      {shown ? (
        <>
          <div
            role="note"
            className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
          >
            <p className="font-semibold">{t("saveNow")}</p>
            <p className="mt-0.5">{t("saveWhy")}</p>
          </div>
          <SecretReveal
            kind="ingest"
            name={shown.ingestKey.name}
            secret={shown.ingestKey.token}
            dsn={shown.dsn}
            baseUrl={baseUrl}
          />
          <SecretReveal
            kind="personal"
            name={shown.personalToken.name}
            secret={shown.personalToken.token}
          >
            <p className="text-xs text-emerald-900/80 dark:text-emerald-200/80">{t("tokenUse")}</p>
          </SecretReveal>
        </>
      ) : (
        <section
          aria-labelledby="first-run-gone"
          className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <h2 id="first-run-gone" className="font-medium">
            {t("gone")}
          </h2>
          <p className="mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
            {t("goneWhy")}
          </p>
          <Link href="/settings#keys" className={buttonClass("secondary", "mt-4")}>
            {t("newKey")}
          </Link>
        </section>
      )}
      <div className="flex flex-wrap items-center gap-3">
        {/* Replace: Back from the list does not return to a page whose secrets are gone. */}
        <Link href={next} replace className={buttonClass("primary")}>
          {next === "/errors" ? t("continueToErrors") : t("continueOn")}
        </Link>
        <Link href="/docs" className={buttonClass("ghost")}>
          {t("guide")}
        </Link>
      </div>
    </div>
  );
}
