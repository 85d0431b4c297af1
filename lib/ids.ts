import type { ProjectRef } from "@/db/queries/projects";

const INT4_MAX = 2_147_483_647;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;

/** A positive int4 id from a URL segment or JSON value; null for anything else. */
export function parseIntegerId(value: string | number): number | null {
  if (typeof value === "number") {
    return Number.isInteger(value) && value > 0 && value <= INT4_MAX ? value : null;
  }
  if (!/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= INT4_MAX ? id : null;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A project named by its numeric id or its slug. */
export function parseProjectRef(value: string | number): ProjectRef | null {
  if (typeof value === "number" || /^\d+$/.test(value)) {
    const id = parseIntegerId(value);
    return id === null ? null : { id };
  }
  const slug = value.toLowerCase();
  return SLUG.test(slug) ? { slug } : null;
}
