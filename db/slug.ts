import { randomBytes } from "node:crypto";

export function slugify(text: string): string {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base || "project";
}

/** Slugs are global; a short random suffix avoids a round trip per collision. */
export function uniqueSlug(text: string): string {
  return `${slugify(text)}-${randomBytes(3).toString("hex")}`;
}
