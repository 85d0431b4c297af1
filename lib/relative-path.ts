/** Auth.js passes an absolute callbackUrl; keep only its path so it stays on this site. */
export function relativePath(url: string): string | undefined {
  try {
    const parsed = new URL(url, "http://local");
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return undefined;
  }
}
