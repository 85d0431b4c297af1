import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/i18n/format";
import { Section } from "./section";
import { DateTime, RelativeTime } from "./time";
import type { ReleaseData } from "./triage-types";

/** The error's first and last release, and its events in each release with their times. */
export function ReleasesSection({
  firstRelease,
  lastRelease,
  releases,
  limit,
}: {
  firstRelease: string | null;
  lastRelease: string | null;
  releases: ReleaseData[];
  /** The most the page reads: when that many are shown, there may be more. */
  limit: number;
}) {
  const t = useTranslations("Releases");
  const locale = useLocale();
  if (releases.length === 0 && !firstRelease && !lastRelease) {
    return (
      <Section title={t("title")} id="releases">
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("none")}</p>
      </Section>
    );
  }
  const cell = "px-2 py-2 first:pl-0 sm:px-3";
  return (
    <Section title={t("title")} id="releases">
      <dl className="mb-4 flex flex-wrap gap-x-8 gap-y-2 text-sm">
        {(
          [
            [t("first"), firstRelease],
            [t("last"), lastRelease],
          ] as const
        ).map(([label, name]) =>
          name ? (
            <div key={label} className="min-w-0">
              <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
              <dd className="mt-1 font-mono text-sm break-all">
                <ReleaseLink name={name} />
              </dd>
            </div>
          ) : null,
        )}
      </dl>
      {releases.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-zinc-200 text-xs font-medium text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className={`${cell} font-medium`}>
                  {t("release")}
                </th>
                <th scope="col" className={`${cell} text-right font-medium`}>
                  {t("events")}
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  {t("firstSeen")}
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  {t("lastSeen")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {releases.map((release) => (
                <tr key={release.name}>
                  <th
                    scope="row"
                    className={`${cell} max-w-64 font-mono text-xs font-normal break-all`}
                  >
                    <ReleaseLink name={release.name} />
                  </th>
                  <td className={`${cell} text-right tabular-nums`}>
                    {formatNumber(release.count, locale)}
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <RelativeTime iso={release.firstSeen} />
                    <DateTime
                      iso={release.firstSeen}
                      className="hidden text-xs text-zinc-500 sm:block dark:text-zinc-400"
                    />
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <RelativeTime iso={release.lastSeen} />
                    <DateTime
                      iso={release.lastSeen}
                      className="hidden text-xs text-zinc-500 sm:block dark:text-zinc-400"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {releases.length >= limit ? (
            <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
              {t("shown", { count: releases.length })}
            </p>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}

/** A release's name, linking to the list of the errors seen in it (every status). */
function ReleaseLink({ name }: { name: string }) {
  const t = useTranslations("Releases");
  return (
    <Link
      href={`/errors?${new URLSearchParams({ environment: "all", status: "all", release: name })}`}
      title={t("listOf", { name })}
      className="text-indigo-700 hover:underline dark:text-indigo-300"
    >
      {name}
    </Link>
  );
}
