"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** "Copy link": the absolute URL of `path` on the host the page was opened from. */
export function CopyLinkButton({
  path,
  what,
  label,
}: {
  path: string;
  what: string;
  label: string;
}) {
  return (
    <CopyButton
      text={() => new URL(path, window.location.href).href}
      what={what}
      label={label}
      className="py-1.5 text-sm"
    />
  );
}
