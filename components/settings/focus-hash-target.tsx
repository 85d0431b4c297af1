"use client";

import { useEffect } from "react";

/**
 * Scrolls to and focuses the section named by the URL's hash (`/settings#keys`) once the page is
 * there. Next's own hash scroll runs when the route commits, which with a loading state is
 * before the sections exist; focus also tells a screen reader where the link led.
 */
export function FocusHashTarget() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }, []);
  return null;
}
