"use client";

import { useTranslations } from "next-intl";

/**
 * What changed on an open page and is not shown yet: a polite announcement, and a button that
 * floats at the bottom of the window, wherever the page is scrolled. Floating, its coming and
 * going moves nothing the user reads; at the bottom, it covers none of the list's controls.
 */
export function UpdatesBar({
  label,
  announcement,
  pending,
  onShow,
}: {
  /** The button's text ("3 updates — show"); null when nothing is waiting. */
  label: string | null;
  announcement: string;
  pending: boolean;
  onShow: () => void;
}) {
  const t = useTranslations("UpdatesBar");
  return (
    <>
      <p className="sr-only" role="status">
        {label === null ? "" : announcement}
      </p>
      {label === null ? null : (
        <div className="pointer-events-none fixed inset-x-0 bottom-6 z-30 flex justify-center px-4">
          <button
            type="button"
            disabled={pending}
            onClick={onShow}
            className="pointer-events-auto rounded-full bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white shadow-lg ring-1 ring-indigo-700/20 hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-70 dark:bg-indigo-500 dark:hover:bg-indigo-400"
          >
            {pending ? t("updating") : label}
          </button>
        </div>
      )}
    </>
  );
}
