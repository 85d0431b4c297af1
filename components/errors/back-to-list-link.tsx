"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { safeListHref } from "@/lib/errors/list-url";

/** Where the list keeps its last URL for this tab (session storage: per tab, gone when closed). */
const LIST_HREF_KEY = "errors:list-href";

/** Remembers the list's exact URL (tab, filters, sort, page) for "← All errors". */
export function RememberListHref({ href }: { href: string }) {
  useEffect(() => {
    try {
      window.sessionStorage.setItem(LIST_HREF_KEY, href);
    } catch {
      // Storage can be off (privacy settings, quota): the link then goes to the plain list.
    }
  }, [href]);
  return null;
}

/**
 * "← All errors": back to the list this tab came from, as it was; the plain list when there is
 * none, or what is kept is not a same-origin URL of the list.
 */
export function BackToListLink({ className }: { className?: string }) {
  const t = useTranslations("BackToList");
  const [href, setHref] = useState("/errors");
  useEffect(() => {
    let kept: string | null = null;
    try {
      kept = window.sessionStorage.getItem(LIST_HREF_KEY);
    } catch {
      kept = null;
    }
    setHref(safeListHref(kept) ?? "/errors");
  }, []);
  return (
    <Link href={href} className={className}>
      <span aria-hidden>←</span> {t("allErrors")}
    </Link>
  );
}
