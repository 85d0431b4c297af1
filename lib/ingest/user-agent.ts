/**
 * The browser and operating system of a User-Agent header, for the `browser` and `os` tags of
 * events whose SDK sends no browser or os context (Sentry's browser SDK leaves this to the
 * server). Only the common families: every check is an indexOf over a header of bounded
 * length, so the work stays linear whatever a client sends.
 */
export interface UserAgentFacts {
  browser?: { name: string; version?: string };
  os?: { name: string; version?: string };
}

const MAX_USER_AGENT = 512;

// Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
const BROWSERS: ReadonlyArray<readonly [token: string, name: string]> = [
  ["Edg/", "Edge"],
  ["OPR/", "Opera"],
  ["SamsungBrowser/", "Samsung Internet"],
  ["Firefox/", "Firefox"],
  ["FxiOS/", "Firefox"],
  ["CriOS/", "Chrome"],
  ["Chrome/", "Chrome"],
  ["Version/", "Safari"],
];

const OSES: ReadonlyArray<readonly [token: string, name: string, versionToken?: string]> = [
  ["Windows NT", "Windows"],
  ["iPhone OS ", "iOS", "iPhone OS "],
  ["CPU OS ", "iOS", "CPU OS "],
  ["Android", "Android", "Android "],
  ["CrOS", "Chrome OS"],
  ["Mac OS X", "macOS", "Mac OS X "],
  ["Ubuntu", "Ubuntu"],
  ["Linux", "Linux"],
];

/** Digits and separators after `at`, up to `parts` numbers ("105.0", "10_15_7" → "10.15.7"). */
function versionAt(text: string, at: number, parts: number): string | undefined {
  let end = at;
  let seen = 1;
  while (end < text.length && end - at < 24) {
    const c = text.charCodeAt(end);
    const digit = c >= 48 && c <= 57;
    const separator = c === 46 || c === 95;
    if (!digit && !separator) break;
    if (separator && ++seen > parts) break;
    end++;
  }
  const version = text.slice(at, end).replaceAll("_", ".").replace(/\.$/, "");
  return version ? version : undefined;
}

export function parseUserAgent(header: string): UserAgentFacts {
  const ua = header.slice(0, MAX_USER_AGENT);
  const facts: UserAgentFacts = {};
  for (const [token, name] of BROWSERS) {
    const at = ua.indexOf(token);
    if (at === -1) continue;
    if (name === "Safari" && ua.indexOf("Safari/") === -1) continue;
    facts.browser = { name, version: versionAt(ua, at + token.length, 2) };
    break;
  }
  for (const [token, name, versionToken] of OSES) {
    const at = ua.indexOf(token);
    if (at === -1) continue;
    let version: string | undefined;
    if (name === "Windows") version = windowsVersion(ua, at + token.length);
    else if (versionToken) version = versionAt(ua, at + versionToken.length, 2);
    facts.os = { name, version };
    break;
  }
  return facts;
}

const WINDOWS_RELEASES: Record<string, string> = {
  "10.0": "10",
  "6.3": "8.1",
  "6.2": "8",
  "6.1": "7",
};

function windowsVersion(ua: string, at: number): string | undefined {
  const nt = versionAt(ua, ua.charCodeAt(at) === 32 ? at + 1 : at, 2);
  return nt ? WINDOWS_RELEASES[nt] : undefined;
}
