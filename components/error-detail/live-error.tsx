"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { createContext, use, useState, useTransition } from "react";
import { UpdatesBar } from "@/components/live/updates-bar";
import { usePoll } from "@/components/live/use-poll";
import { StatusBadge, SubstatusBadge } from "@/components/ui/triage-badges";
import type { LiveError } from "@/lib/errors/live";
import { formatNumber } from "@/lib/i18n/format";
import { DateTime, RelativeTime } from "./time";

type Snapshot = Omit<LiveError, "id" | "eventsSinceStatus">;

interface LiveErrorValue extends Snapshot {
  /** A newer latest event than the one the page shows (its details, stack, tags). */
  newEvents: boolean;
}

const LiveErrorContext = createContext<LiveErrorValue | null>(null);

/**
 * An error's page while it is open. Count, last seen and status change in place; a change of
 * status alone refreshes the page (the banner and buttons follow, and the latest event it shows
 * stays the same); a newer latest event only raises a "New events — show" bar, so what the user
 * is reading is not replaced under them.
 */
export function LiveErrorProvider({
  errorId,
  initial,
  children,
}: {
  errorId: number;
  /** As the server rendered it: a new render of the page starts from its own values. */
  initial: Snapshot;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [live, setLive] = useState<{ initial: Snapshot; data: LiveError } | null>(null);
  usePoll<LiveError>(
    `/api/errors/${errorId}/live`,
    (data) => {
      setLive({ initial, data });
      const statusChanged = data.status !== initial.status || data.substatus !== initial.substatus;
      if (statusChanged && data.latestEventId === initial.latestEventId) router.refresh();
    },
    initial,
  );
  const data = live?.initial === initial ? live.data : null;
  const value: LiveErrorValue = {
    ...(data ?? initial),
    newEvents: data !== null && data.latestEventId !== initial.latestEventId,
  };
  return <LiveErrorContext value={value}>{children}</LiveErrorContext>;
}

function useLiveError(): LiveErrorValue | null {
  return use(LiveErrorContext);
}

/** The error's event count, as of the last poll. */
export function LiveCount({ count }: { count: number }) {
  const locale = useLocale();
  return formatNumber(useLiveError()?.count ?? count, locale);
}

/** When the error was last seen, as of the last poll: relative ("2 minutes ago") or a date. */
export function LiveLastSeen({
  iso,
  relative,
  className,
}: {
  iso: string;
  relative?: boolean;
  className?: string;
}) {
  const lastSeen = useLiveError()?.lastSeen ?? iso;
  return relative ? (
    <RelativeTime iso={lastSeen} className={className} />
  ) : (
    <DateTime iso={lastSeen} className={className} />
  );
}

/** The status badges, as of the last poll; `always` shows "Open" too. */
export function LiveStatusBadges({
  status,
  substatus,
  always,
}: {
  status: Snapshot["status"];
  substatus: Snapshot["substatus"];
  always?: boolean;
}) {
  const live = useLiveError();
  const current = live ? live : { status, substatus };
  return (
    <>
      {always || current.status !== "open" ? <StatusBadge status={current.status} /> : null}
      {current.status === "open" && current.substatus ? (
        <SubstatusBadge substatus={current.substatus} />
      ) : null}
    </>
  );
}

/** Shown when a newer event arrived: the page shows it (and everything else fresh) on request. */
export function NewEventsBar() {
  const t = useTranslations("LiveError");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const newEvents = useLiveError()?.newEvents ?? false;
  return (
    <UpdatesBar
      label={newEvents ? t("newEvents") : null}
      announcement={t("announcement")}
      pending={pending}
      onShow={() => startTransition(() => router.refresh())}
    />
  );
}
