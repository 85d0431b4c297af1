/**
 * The namespaces client components translate with useTranslations. Only these travel to the
 * browser; server components read the whole catalogue on the server. CLIENT_NAMESPACES are in
 * every page's payload (the root layout's provider); an area's own namespaces travel only with
 * that area's pages (AreaMessages in the area's layout), so that a page carries what it uses.
 */
export const CLIENT_NAMESPACES = [
  "Common",
  "AppShell",
  "LocaleSwitcher",
  "Nav",
  "CopyButton",
  "ConfirmDialog",
  // The errors list's badges, menus and links, which the detail pages share.
  "Environments",
  "Levels",
  "TriageBadges",
  "AssignMenu",
  "UpdatesBar",
  "BackToList",
] as const;

/** The namespaces of one area's client components, beside CLIENT_NAMESPACES. */
export const AREA_NAMESPACES = {
  auth: ["LoginForm", "SignupForm"],
  welcome: ["Welcome", "SecretReveal"],
  settings: ["SettingsForms", "SecretReveal"],
  // The errors list (app/(dashboard)/errors/(list)): the table, its toolbar and search box.
  errorsList: ["ErrorList", "SearchBox"],
} as const;

export type ClientArea = keyof typeof AREA_NAMESPACES;

export function clientMessages(
  messages: Record<string, unknown>,
  area?: ClientArea,
): Record<string, unknown> {
  const namespaces: readonly string[] = area
    ? [...CLIENT_NAMESPACES, ...AREA_NAMESPACES[area]]
    : CLIENT_NAMESPACES;
  return Object.fromEntries(
    namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]),
  );
}
