import type { Level } from "@/lib/ingest/levels";
import type { NativeEventInput } from "@/lib/ingest/native";

/**
 * The sample events of every script, defined once: the demo account's data (`npm run db:seed`,
 * `npm run demo`, the screenshots and the end-to-end tests rely on it), the demo traffic
 * generator's stream, and the bench load generator's mix.
 */

/** The services the sample events come from. */
export const ORIGINS = [
  "billing-api",
  "web-checkout",
  "auth-service",
  "search-worker",
  "mobile-app",
  "notifications",
];

/** Every level, from the most severe. */
export const LEVELS: Level[] = ["fatal", "error", "warning", "info", "debug"];

export interface Template {
  title: string;
  details: string;
  level: Level;
  origin: string;
  /** Relative weight: how often the error happens. */
  weight: number;
}

export const TEMPLATES: Template[] = [
  {
    title: "Timeout after {ms} ms calling payment gateway for order {n}",
    details:
      "PaymentGatewayTimeout: upstream did not answer\n  at charge (billing/gateway.ts:88)\n  at processOrder (billing/orders.ts:141)",
    level: "error",
    origin: "billing-api",
    weight: 30,
  },
  {
    title: "Card declined for customer {n}: insufficient funds",
    details: "Stripe responded 402 card_declined (insufficient_funds)",
    level: "warning",
    origin: "billing-api",
    weight: 18,
  },
  {
    title: "Invoice PDF rendering failed for invoice {n}",
    details: "Error: Chromium exited with code 1\n  at renderPdf (billing/pdf.ts:52)",
    level: "error",
    origin: "billing-api",
    weight: 6,
  },
  {
    title: "TypeError: Cannot read properties of undefined (reading 'total')",
    details:
      "TypeError: Cannot read properties of undefined (reading 'total')\n  at CartSummary (checkout/cart-summary.tsx:34:22)\n  at renderWithHooks (react-dom.js:14985)",
    level: "error",
    origin: "web-checkout",
    weight: 40,
  },
  {
    title: "ChunkLoadError: Loading chunk {n} failed",
    details:
      "ChunkLoadError: Loading chunk 412 failed.\n(missing: https://cdn.example.com/_next/static/chunks/412.js)",
    level: "warning",
    origin: "web-checkout",
    weight: 12,
  },
  {
    title: "Checkout session expired before payment for cart {uuid}",
    details: "Session expired after 30 minutes of inactivity",
    level: "info",
    origin: "web-checkout",
    weight: 10,
  },
  {
    title: "Database connection pool exhausted (max 20 connections)",
    details:
      "PoolTimeoutError: timed out after 5000 ms waiting for a connection\n  at acquire (db/pool.ts:77)",
    level: "fatal",
    origin: "auth-service",
    weight: 4,
  },
  {
    title: "Invalid JWT signature for user {email}",
    details: "JsonWebTokenError: invalid signature",
    level: "warning",
    origin: "auth-service",
    weight: 15,
  },
  {
    title: "Password reset email bounced for {email}",
    details: "SMTP 550 5.1.1 mailbox unavailable",
    level: "info",
    origin: "auth-service",
    weight: 5,
  },
  {
    title: "Rate limit exceeded for IP {ip}",
    details: "429 after 100 requests in 60 s",
    level: "debug",
    origin: "auth-service",
    weight: 8,
  },
  {
    title: "Elasticsearch query took {ms} ms for index products",
    details: 'Slow query log: took over the 2000 ms budget\nquery: { match: { name: "…" } }',
    level: "warning",
    origin: "search-worker",
    weight: 14,
  },
  {
    title: "Reindex job crashed: out of memory",
    details: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
    level: "fatal",
    origin: "search-worker",
    weight: 2,
  },
  {
    title: "Search suggestion cache miss ratio at {n}%",
    details: "Cache hit ratio dropped below the 80% threshold",
    level: "debug",
    origin: "search-worker",
    weight: 6,
  },
  {
    title: "NullPointerException in ProfileFragment.onResume",
    details:
      "java.lang.NullPointerException: Attempt to invoke virtual method 'String User.getName()' on a null object reference\n  at com.example.app.ProfileFragment.onResume(ProfileFragment.kt:58)",
    level: "error",
    origin: "mobile-app",
    weight: 16,
  },
  {
    title: "App not responding for {ms} ms on main thread",
    details: "ANR in com.example.app (MainActivity)",
    level: "fatal",
    origin: "mobile-app",
    weight: 3,
  },
  {
    title: "Deep link could not be resolved: /promo/{n}",
    details: "No route matches the deep link",
    level: "info",
    origin: "mobile-app",
    weight: 4,
  },
  {
    title: "Push notification delivery failed: device token {hex} is invalid",
    details: "APNs responded BadDeviceToken",
    level: "warning",
    origin: "notifications",
    weight: 9,
  },
  {
    title: "Webhook to {url} returned 500",
    details: "POST https://hooks.partner.example/orders returned 500 Internal Server Error",
    level: "error",
    origin: "notifications",
    weight: 7,
  },
  {
    title: "Email template 'order-shipped' missing variable trackingUrl",
    details: "Template render warning: variable trackingUrl is undefined",
    level: "warning",
    origin: "notifications",
    weight: 3,
  },
  {
    title: "Queue consumer lag above {n} messages",
    details: "Consumer group notifications-email is behind by more than 10,000 messages",
    level: "info",
    origin: "notifications",
    weight: 2,
  },
];

const ENVIRONMENTS = [
  { name: "production", weight: 70 },
  { name: "homologação", weight: 18 },
  { name: "dev", weight: 12 },
  { name: "canary", weight: 2 },
];

/** A small seeded PRNG (mulberry32): the same demo data on every machine. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T extends { weight: number }>(items: T[], next: () => number): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let roll = next() * total;
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** The template's placeholders ({ms}, {n}, {uuid}, {email}, {ip}, {hex}, {url}) filled in. */
export function fill(text: string, next: () => number = Math.random): string {
  const int = (max: number) => Math.floor(next() * max) + 1;
  return text
    .replace("{ms}", String(int(9000) + 1000))
    .replace("{n}", String(int(99999)))
    .replace("{uuid}", crypto.randomUUID())
    .replace("{email}", `user${int(500)}@example.com`)
    .replace("{ip}", `203.0.113.${int(254)}`)
    .replace(
      "{hex}",
      Math.floor(next() * 0xffffffffff)
        .toString(16)
        .padStart(10, "a"),
    )
    .replace("{url}", `https://hooks.partner${int(3)}.example/orders`);
}

/** About 2,000 events over the last 14 days, busier recently. */
export function demoEvents(now: Date, count = 2000): NativeEventInput[] {
  const next = random(20261127);
  return Array.from({ length: count }, (_, index) => {
    const template = pick(TEMPLATES, next);
    const environment = pick(ENVIRONMENTS, next).name;
    const ageMs = next() ** 2 * 14 * 86_400_000;
    return {
      title: fill(template.title, next),
      details: template.details,
      level: template.level,
      origin: template.origin,
      environment,
      timestamp: new Date(now.getTime() - ageMs),
      eventId: `demo-${index}`,
      tags: {
        release: `2026.11.${1 + (index % 27)}`,
        region: index % 3 === 0 ? "eu-west-1" : "us-east-1",
      },
    };
  });
}

/** Browsers of the demo's SDK events, so that their tag breakdown has more than one value. */
const DEMO_USER_AGENTS = [
  "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
] as const;

/** A few events as Sentry SDKs send them, so the detail page has stack traces to show. */
export function demoSdkEvents(now: Date): Record<string, unknown>[] {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const pythonFrames = [
    {
      filename: "django/core/handlers/base.py",
      module: "django.core.handlers.base",
      function: "_get_response",
      lineno: 197,
      in_app: false,
    },
    {
      filename: "shop/views/checkout.py",
      module: "shop.views.checkout",
      function: "confirm_order",
      lineno: 88,
      in_app: true,
      pre_context: ["    order = Order.objects.get(pk=order_id)", "    items = order.items.all()"],
      context_line: "    average = order.total / len(items)",
      post_context: ["    return render(request, 'confirm.html', {'average': average})"],
    },
  ];
  const jsFrames = [
    {
      filename: "webpack:///node_modules/react-dom/cjs/react-dom.production.js",
      function: "renderWithHooks",
      lineno: 14985,
      colno: 18,
      in_app: false,
    },
    {
      filename: "webpack:///src/components/cart-summary.tsx",
      function: "CartSummary",
      lineno: 34,
      colno: 22,
      in_app: true,
      context_line: "  const total = cart.summary.total.toFixed(2);",
    },
  ];
  return [0, 1, 2, 3, 4].flatMap((i) => [
    {
      event_id: `5d1e0c3a9b7f4e21a0c4${String(i).padStart(12, "0")}`,
      timestamp: at(3 + i * 47),
      platform: "python",
      level: "error",
      environment: "production",
      server_name: "billing-api",
      release: "billing-api@4.2.0",
      transaction: "/checkout/confirm",
      exception: {
        values: [
          {
            type: "ZeroDivisionError",
            value: "division by zero",
            module: "builtins",
            stacktrace: { frames: pythonFrames },
          },
        ],
      },
      request: {
        url: "https://shop.example.com/checkout/confirm",
        method: "POST",
        headers: { "User-Agent": DEMO_USER_AGENTS[i % 3], "Content-Type": "application/json" },
      },
      user: { id: `customer-${1 + (i % 2)}` },
      tags: { region: i % 3 === 2 ? "us-east-1" : "eu-west-1" },
      breadcrumbs: {
        values: [
          { timestamp: at(4 + i * 47), category: "http", level: "info", message: "GET /cart 200" },
          {
            timestamp: at(3 + i * 47),
            category: "query",
            level: "info",
            message: "SELECT * FROM shop_order WHERE id = 81723",
          },
        ],
      },
      contexts: { runtime: { name: "CPython", version: "3.12.4" }, os: { name: "Linux" } },
      sdk: { name: "sentry.python.django", version: "2.19.0" },
    },
    {
      event_id: `9a8b7c6d5e4f4a3b2c1d${String(i).padStart(12, "0")}`,
      timestamp: at(7 + i * 53),
      platform: "javascript",
      level: "error",
      environment: "production",
      release: "web-checkout@2026.11.3",
      exception: {
        values: [
          {
            type: "TypeError",
            value: "Cannot read properties of undefined (reading 'total')",
            stacktrace: { frames: jsFrames },
          },
        ],
      },
      request: {
        url: "https://shop.example.com/cart",
        headers: { "User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)" },
      },
      tags: { "browser.name": "Mobile Safari" },
      sdk: { name: "sentry.javascript.browser", version: "11.12.0" },
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// The demo traffic generator (`npm run demo:traffic`)

/** The most frequent template of each level: the known errors whose counts keep growing. */
const TRAFFIC_KNOWN = LEVELS.map(
  (level) =>
    TEMPLATES.filter((template) => template.level === level).sort(
      (a, b) => b.weight - a.weight,
    )[0] as Template,
);
const OUTAGE = TEMPLATES.find((template) => template.title.startsWith("Database connection pool"));
const TRAFFIC_ENVIRONMENTS = [
  "production",
  "production",
  "production",
  "production",
  "staging",
  "development",
];
const NEW_KINDS = [
  "KeyError: '{w}'",
  "ValueError: invalid literal for int() with base 10: '{w}'",
  "Feature flag {w} evaluated without a default",
  "Unhandled promise rejection in {w} handler",
];
/** Words that make new errors (and the SDK's queue messages) differ. */
export const WORDS = [
  "coupon",
  "shipping",
  "avatar",
  "locale",
  "invoice",
  "refund",
  "wishlist",
  "loyalty",
  "banner",
  "tax",
];

const any = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/**
 * The traffic generator's stream: known errors (their counts grow), now and then an outage (5 s
 * of the same fatal error) and a new error (3 %), over the environments production, staging and
 * development.
 */
export function trafficEvents(): () => NativeEventInput {
  let burstUntil = 0;
  return () => {
    const now = Date.now();
    if (now > burstUntil && Math.random() < 0.002) burstUntil = now + 5000; // an outage starts
    if (now < burstUntil && OUTAGE) {
      return {
        title: OUTAGE.title,
        level: OUTAGE.level,
        origin: OUTAGE.origin,
        environment: "production",
        details: OUTAGE.details,
      };
    }
    if (Math.random() < 0.03) {
      return {
        title: any(NEW_KINDS).replace("{w}", any(WORDS)),
        level: any<Level>(["error", "warning", "info"]),
        origin: any(ORIGINS),
        environment: any(TRAFFIC_ENVIRONMENTS),
        details: "Appeared in the latest deploy",
      };
    }
    const known = any(TRAFFIC_KNOWN);
    return {
      title: fill(known.title),
      level: known.level,
      origin: known.origin,
      environment: any(TRAFFIC_ENVIRONMENTS),
      details: `${known.details}\n  at ${known.origin}/handler.ts:${Math.floor(Math.random() * 300)}`,
      tags: { release: "2026.11.27", region: any(["eu-west-1", "us-east-1"]) },
    };
  };
}

// ---------------------------------------------------------------------------------------------
// The bench load generator (`npm run bench`)

/** How many distinct errors the bench's repeats fall into. */
const BENCH_KNOWN_ERRORS = 500;
// About 2 KB of details, like a short stack trace.
const BENCH_STACK = Array.from(
  { length: 24 },
  (_, i) => `    at handler${i} (/srv/app/src/module${i % 7}/file${i}.ts:${100 + i}:${10 + i})`,
).join("\n");

/** 80 % repeats of 500 known errors, 20 % new ones. */
function benchGroup(n: number, runId: string): string | number {
  return Math.random() < 0.8 ? Math.floor(Math.random() * BENCH_KNOWN_ERRORS) : `${runId}-${n}`;
}

/** The bench's native event number `n`: every level and origin in turn, 10 % staging. */
export function benchEvent(n: number, runId: string, mode: string) {
  const id = benchGroup(n, runId);
  return {
    title: `Bench failure ${id} in checkout step`,
    details: `Error: bench failure ${id}\n${BENCH_STACK}`,
    level: LEVELS[n % LEVELS.length],
    environment: n % 10 === 0 ? "staging" : "production",
    origin: ORIGINS[n % ORIGINS.length],
    fingerprint: [`bench-${id}`],
    eventId: `${runId}-${mode}-${n}`,
    tags: { region: n % 2 ? "eu" : "us", build: String(n % 50) },
  };
}

/** The bench's Sentry SDK event number `n`, with a 12-frame stack trace. */
export function benchSentryEvent(n: number, runId: string) {
  const id = benchGroup(n, runId);
  return {
    event_id: Buffer.from(`${runId}-${n}`).toString("hex").padEnd(32, "0").slice(0, 32),
    timestamp: Date.now() / 1000,
    platform: "node",
    level: "error",
    environment: "production",
    server_name: ORIGINS[n % ORIGINS.length],
    release: "bench@1.0.0",
    fingerprint: [`bench-sentry-${id}`],
    exception: {
      values: [
        {
          type: "BenchError",
          value: `failure ${id}`,
          stacktrace: {
            frames: Array.from({ length: 12 }, (_, i) => ({
              filename: `/srv/app/src/file${i}.js`,
              function: `handler${i}`,
              lineno: 10 + i,
              colno: 5,
              in_app: true,
            })),
          },
        },
      ],
    },
    sdk: { name: "sentry.javascript.node", version: "11.12.0" },
  };
}
