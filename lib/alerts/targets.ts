/**
 * Where a channel sends, in a form safe to show anyone who may read the project: webhook URLs
 * are secrets (a Slack, Discord or Teams webhook URL is all it takes to post), so only the
 * host is shown, with "/…" standing for a path or query; an email channel shows its addresses.
 */
export function channelTarget(channel: {
  type: string;
  url: string | null;
  recipients: string[] | null;
}): string {
  if (channel.type === "email") return (channel.recipients ?? []).join(", ");
  if (!channel.url || !URL.canParse(channel.url)) return "";
  const url = new URL(channel.url);
  const hidden = (url.pathname !== "" && url.pathname !== "/") || url.search !== "";
  return `${url.protocol}//${url.host}${hidden ? "/…" : ""}`;
}
