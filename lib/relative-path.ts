/**
 * Where to go back to after logging in or signing up: only a path on this site, never another
 * host. Auth.js passes an absolute callbackUrl (keep only its path); a form posts it back.
 */
export function relativePath(url: string): string | undefined {
  try {
    const parsed = new URL(url, "http://local");
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return undefined;
  }
}

/** The posted callbackUrl when it is a path on this site ("//host" is not), else /errors. */
export function safeRedirect(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
    ? path
    : "/errors";
}
