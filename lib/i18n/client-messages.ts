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
  // The errors list (and the badges, menus and links the detail pages share with it).
  "ErrorList",
  "SearchBox",
  "Environments",
  "Levels",
  "TriageBadges",
  "AssignMenu",
  "UpdatesBar",
  "BackToList",
] as const;

export function clientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]),
  );
}
