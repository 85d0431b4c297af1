/** Ready-to-paste examples for a key and its DSN: shown once at creation, and in the API guide. */
export interface Snippet {
  id: "curl" | "node" | "browser" | "python";
  label: string;
  code: string;
}

export const SAMPLE_EVENT = {
  // No single quotes anywhere: the JSON sits inside a single-quoted shell argument.
  title: "TypeError: cart.items is undefined",
  details: "at loadCart (cart.js:42:13)",
  level: "error",
  environment: "production",
  origin: "web-checkout",
};

export function curlSnippet(baseUrl: string, key: string): string {
  return [
    `curl -X POST ${baseUrl}/api/events \\`,
    `  -H "Authorization: Bearer ${key}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(SAMPLE_EVENT, null, 2).replaceAll("\n", "\n  ")}'`,
  ].join("\n");
}

export function ingestSnippets(input: { baseUrl: string; key: string; dsn: string }): Snippet[] {
  const { baseUrl, key, dsn } = input;
  return [
    { id: "curl", label: "curl", code: curlSnippet(baseUrl, key) },
    {
      id: "node",
      label: "@sentry/node",
      code: [
        `import * as Sentry from "@sentry/node";`,
        "",
        "Sentry.init({",
        `  dsn: "${dsn}",`,
        `  environment: "production",`,
        "});",
      ].join("\n"),
    },
    {
      id: "browser",
      label: "@sentry/browser",
      code: [
        `import * as Sentry from "@sentry/browser";`,
        "",
        "Sentry.init({",
        `  dsn: "${dsn}",`,
        `  environment: "production",`,
        "});",
      ].join("\n"),
    },
    {
      id: "python",
      label: "sentry-python",
      code: [
        "import sentry_sdk",
        "",
        "sentry_sdk.init(",
        `    dsn="${dsn}",`,
        `    environment="production",`,
        ")",
      ].join("\n"),
    },
  ];
}
