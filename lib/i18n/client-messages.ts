/**
 * The namespaces client components translate with useTranslations. Only these travel to the
 * browser in every page's payload; server components read the whole catalogue on the server.
 */
export const CLIENT_NAMESPACES = [
  "Common",
  "AppShell",
  "LocaleSwitcher",
  "Nav",
  "LoginForm",
  "SignupForm",
  "Welcome",
  "SecretReveal",
  "SettingsForms",
  "CopyButton",
  "ConfirmDialog",
] as const;

export function clientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]),
  );
}

// Detail area (an error's and an event's pages): these travel only with those pages, inside
// components/error-detail/detail-messages.tsx, not with every page of the app.
export const DETAIL_CLIENT_NAMESPACES = [
  "DetailWords",
  "DetailTime",
  "TagList",
  "ErrorActions",
  "ArchiveCondition",
  "EventsChart",
  "EventRows",
  "FramesToggle",
  "LiveError",
] as const;

/** The given namespaces of a catalogue, for a provider that adds them to a part of the page. */
export function pickMessages(
  messages: Record<string, unknown>,
  namespaces: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]),
  );
}
