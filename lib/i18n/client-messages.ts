/**
 * The namespaces client components translate with useTranslations. Only these travel to the
 * browser; server components read the whole catalogue on the server. CLIENT_NAMESPACES are in
 * every page's payload (the root layout's provider); an area's namespaces travel only with
 * that area's pages (AreaMessages in the area's layout), so that a page carries what it uses.
 */
export const CLIENT_NAMESPACES = [
  "Common",
  "AppShell",
  "LocaleSwitcher",
  "Nav",
  "CopyButton",
  "ConfirmDialog",
] as const;

/** The errors list's badges and menus, which an error's pages use too. */
const ERROR_PARTS = ["Environments", "Levels", "TriageBadges", "AssignMenu", "UpdatesBar"] as const;

/**
 * Each area's namespaces. A nested provider replaces the root's messages rather than adding to
 * them, so an area whose client components sit beside the shell's repeats CLIENT_NAMESPACES;
 * the errors list (which has no shell component inside it) names only what it uses.
 */
export const AREA_NAMESPACES = {
  auth: [...CLIENT_NAMESPACES, "LoginForm", "SignupForm"],
  welcome: [...CLIENT_NAMESPACES, "Welcome", "SecretReveal"],
  settings: [...CLIENT_NAMESPACES, "SettingsForms", "SecretReveal", "InvitationResponse"],
  // The emailed invitation link's page: its Accept and Decline buttons (inside the shell).
  invitation: ["InvitationResponse"],
  // Settings → Alerts (app/(dashboard)/settings/alerts, inside Settings' provider, which it
  // replaces): the project picker, the rule form, the rules' switches and test results.
  alerts: [
    "CopyButton",
    "ConfirmDialog",
    "SettingsForms",
    "Environments",
    "AlertLabels",
    "AlertRuleForm",
    "AlertRuleActions",
  ],
  // The errors list (app/(dashboard)/errors/(list)): the table, its toolbar and search box.
  errorsList: ["CopyButton", "ConfirmDialog", ...ERROR_PARTS, "ErrorList", "SearchBox"],
  // An error's and an event's pages (app/(dashboard)/errors/[id]): the triage actions,
  // charts, times, event rows and the live bar.
  errorDetail: [
    ...CLIENT_NAMESPACES,
    ...ERROR_PARTS,
    "BackToList",
    "DetailWords",
    "DetailTime",
    "TagList",
    "ErrorActions",
    "ArchiveCondition",
    "EventsChart",
    "EventRows",
    "FramesToggle",
    "LiveError",
  ],
} as const;

export type ClientArea = keyof typeof AREA_NAMESPACES;

export function clientMessages(
  messages: Record<string, unknown>,
  area?: ClientArea,
): Record<string, unknown> {
  const namespaces: readonly string[] = area ? AREA_NAMESPACES[area] : CLIENT_NAMESPACES;
  return Object.fromEntries(
    namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]),
  );
}
