"use client";

import Link from "next/link";
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

const TEXT = {
  title: (name: string) => `Welcome to Error Central, ${name.split(/\s+/)[0] || name}`,
  ready: (project: string) =>
    `Your project “${project}” is ready. Send it an event with the ingest key below and it shows up in your error list, grouped with the events like it.`,
  saveNow: "Save these now — the key is not shown again.",
  saveWhy:
    "We keep only a hash of each secret. Put them in your password manager or your application's secret settings before you go on.",
  tokenUse:
    "The personal token is for the HTTP API (reading and triaging errors with Authorization: Bearer); sending events needs only the ingest key.",
  gone: "Your sign-up secrets were shown once and are gone",
  goneWhy:
    "We keep only hashes of keys, so they cannot be shown again. Create a new ingest key (with its DSN and snippets) in Settings.",
  newKey: "Create an ingest key in Settings",
  continueToErrors: "Continue to your errors",
  continueOn: "Continue",
  guide: "Read the API guide",
};

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
  const [shown] = useState(reveal);
  useEffect(() => {
    if (reveal) void forgetFirstRun();
  }, [reveal]);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{TEXT.title(userName)}</h1>
        {shown ? (
          <p className="max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
            {TEXT.ready(shown.project.name)}
          </p>
        ) : null}
      </header>
      {shown ? (
        <>
          <div
            role="note"
            className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
          >
            <p className="font-semibold">{TEXT.saveNow}</p>
            <p className="mt-0.5">{TEXT.saveWhy}</p>
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
            <p className="text-xs text-emerald-900/80 dark:text-emerald-200/80">{TEXT.tokenUse}</p>
          </SecretReveal>
        </>
      ) : (
        <section
          aria-labelledby="first-run-gone"
          className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <h2 id="first-run-gone" className="font-medium">
            {TEXT.gone}
          </h2>
          <p className="mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
            {TEXT.goneWhy}
          </p>
          <Link href="/settings#keys" className={buttonClass("secondary", "mt-4")}>
            {TEXT.newKey}
          </Link>
        </section>
      )}
      <div className="flex flex-wrap items-center gap-3">
        {/* Replace: Back from the list does not return to a page whose secrets are gone. */}
        <Link href={next} replace className={buttonClass("primary")}>
          {next === "/errors" ? TEXT.continueToErrors : TEXT.continueOn}
        </Link>
        <Link href="/docs" className={buttonClass("ghost")}>
          {TEXT.guide}
        </Link>
      </div>
    </div>
  );
}
