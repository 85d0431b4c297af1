import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { readJsonFixture } from "../tests/support/fixtures";
import { expect, type NewUser, newUser, signUp, test } from "./fixtures";

interface Caller {
  token: string;
  projectId: number;
  key: string;
  keyName: string;
}

/** A personal token (POST /api/auth/token) and a new named ingest key for the user's project. */
async function callerFor(request: APIRequestContext, user: NewUser): Promise<Caller> {
  const tokenResponse = await request.post("/api/auth/token", {
    data: { email: user.email, password: user.password },
  });
  expect(tokenResponse.status()).toBe(200);
  const { token } = await tokenResponse.json();
  const headers = { authorization: `Bearer ${token}` };
  const projects = await (await request.get("/api/projects", { headers })).json();
  const projectId: number = projects.items[0].id;
  const keyName = `e2e key ${randomUUID().slice(0, 6)}`;
  const keyResponse = await request.post(`/api/projects/${projectId}/keys`, {
    headers,
    data: { name: keyName },
  });
  expect(keyResponse.status()).toBe(201);
  const { key } = await keyResponse.json();
  return { token, projectId, key, keyName };
}

async function sendNative(
  request: APIRequestContext,
  caller: Caller,
  events: Record<string, unknown>[],
): Promise<number> {
  const response = await request.post("/api/events", {
    headers: { authorization: `Bearer ${caller.key}` },
    data: { events },
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  return body.events[0].errorId;
}

/** Sends a shared Sentry fixture through the store endpoint; returns its error's id. */
async function sendSentryFixture(
  request: APIRequestContext,
  caller: Caller,
  name: string,
  search: string,
): Promise<number> {
  const payload = readJsonFixture(`sentry-events/${name}.json`) as Record<string, unknown>;
  payload.event_id = randomUUID().replaceAll("-", "");
  payload.timestamp = new Date(Date.now() - 60_000).toISOString();
  const response = await request.post(`/api/${caller.projectId}/store/`, {
    headers: { "x-sentry-auth": `Sentry sentry_key=${caller.key}, sentry_version=7` },
    data: payload,
  });
  expect(response.status()).toBe(200);
  const list = await request.get(
    `/api/errors?environment=all&status=all&q=${encodeURIComponent(search)}`,
    { headers: { authorization: `Bearer ${caller.token}` } },
  );
  const { items } = await list.json();
  expect(items).toHaveLength(1);
  return items[0].id;
}

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a native error: summary, details, charts and paged events", async ({
  page,
  request,
  user,
}) => {
  await signUp(page, user);
  const caller = await callerFor(request, user);
  const title = `Payment declined ${randomUUID().slice(0, 8)}`;
  const now = Date.now();
  // 23 events over two days: more than one page of events (20 a page).
  const events = Array.from({ length: 23 }, (_, i) => ({
    title,
    details: `Card declined\n<b>not bold</b> for order ${i}`,
    level: "warning",
    origin: "billing-api",
    environment: "homolog",
    timestamp: new Date(now - (22 - i) * 2 * 3_600_000).toISOString(),
    tags: { region: "eu-west-1", attempt: String(i) },
    fingerprint: ["payment-declined"],
  }));
  const errorId = await sendNative(request, caller, events);

  await page.goto(`/errors/${errorId}`);
  await expect(
    page.getByRole("heading", { level: 1, name: /^Warning in billing-api at \d{1,2} \w{3} \d{4}/ }),
  ).toBeVisible();
  await expect(page.getByTestId("error-title")).toHaveText(title);
  // Escaped, never interpreted as HTML.
  await expect(page.getByTestId("error-details")).toContainText("<b>not bold</b> for order 22");
  const facts = page.getByLabel("Summary");
  await expect(facts.getByTestId("event-count")).toHaveText("23");
  await expect(facts.locator("[data-level=warning]")).toHaveText("warning");
  await expect(facts).toContainText("Staging");
  await expect(facts).toContainText(user.name);
  await expect(facts).toContainText(user.email);
  await expect(facts).toContainText(caller.keyName);
  await expect(facts).toContainText("just now");
  await expect(facts).toContainText(/\d+ (hours|days?) ago/);

  await expect(page.getByRole("img", { name: /Events per hour, last 24 hours/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Events per day.*23 events in total/ })).toBeVisible();
  await expect(page.getByTestId("chart-hour").locator("g > title").first()).toHaveText(
    /: \d+ events?$/,
  );

  const list = page.locator("#events");
  await expect(list.getByRole("heading", { name: "Events (23)" })).toBeVisible();
  await expect(list.getByTestId("event")).toHaveCount(20);
  const newest = list.getByTestId("event").first();
  await expect(newest).toContainText("billing-api");
  await expect(newest).toContainText("attempt22");
  // Each event opens its own page, where it is shown in full.
  await newest.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/errors/${errorId}/events/\\d+$`));
  await expect(page.getByTestId("event-details")).toContainText("for order 22");
  await page.goBack();

  await list.getByRole("link", { name: "Older events →" }).click();
  await expect(page).toHaveURL(/events_cursor=\d+/);
  await expect(list.getByTestId("event")).toHaveCount(3);
  await expect(list.getByTestId("event").last()).toContainText("attempt0");
  await list.getByRole("link", { name: "← Newest events" }).click();
  await expect(list.getByTestId("event")).toHaveCount(20);
});

test("an SDK event: exception, stack frames, request, tags and breadcrumbs", async ({
  page,
  request,
  user,
}) => {
  await signUp(page, user);
  const caller = await callerFor(request, user);
  const dotnetId = await sendSentryFixture(
    request,
    caller,
    "dotnet_error",
    "System.NullReferenceException",
  );

  await page.goto(`/errors/${dotnetId}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Error in pop-os at / })).toBeVisible();
  const exception = page.getByTestId("exception");
  await expect(
    exception.getByRole("heading", { name: "System.NullReferenceException" }),
  ).toBeVisible();
  await expect(exception).toContainText("Object reference not set to an instance of an object.");

  const frames = exception.getByTestId("frame");
  const inApp = exception.locator("[data-testid=frame][data-in-app=true]");
  await expect(inApp).toHaveCount(1);
  await expect(inApp).toBeVisible();
  await expect(inApp).toContainText("OnGet");
  await expect(inApp).toContainText("Index.cshtml.cs");
  await expect(inApp).toContainText("22:6");
  await expect(inApp).toContainText("In app");
  // Library frames are hidden until asked for.
  const library = exception.locator("[data-testid=frame][data-in-app=false]");
  await expect(library.first()).toBeHidden();
  await exception.getByLabel(/Show all frames/).check();
  await expect(library.first()).toBeVisible();
  await expect(frames).toHaveCount(35);
  // Most recent call first: the in-app frame that threw is on top.
  await expect(frames.first()).toHaveAttribute("data-in-app", "true");

  await expect(page.getByRole("region", { name: "Request" })).toContainText(
    "GET http://localhost:5000/",
  );
  await expect(page.getByRole("region", { name: "Tags of the latest event" })).toContainText(
    "RequestId",
  );
  // The breakdown counts the SDK's tags and those derived from the event.
  const breakdown = page.getByRole("region", { name: "Tags", exact: true });
  await expect(breakdown).toContainText("TraceId");
  await expect(breakdown).toContainText(".NET Core 3.1.3");
  await expect(page.getByRole("region", { name: "Contexts" })).toContainText(".NET Core");

  const jsId = await sendSentryFixture(
    request,
    caller,
    "js_error_with_context",
    "Error with context",
  );
  await page.goto(`/errors/${jsId}`);
  const breadcrumbs = page.getByRole("region", { name: "Breadcrumbs, newest first" });
  await expect(breadcrumbs.getByRole("row")).toHaveCount(9);
  await expect(breadcrumbs.getByRole("row").nth(1)).toContainText("sentry.event");
  await expect(breadcrumbs.getByRole("row").nth(1)).toContainText("Error: Error with context");
  await expect(page.getByRole("region", { name: "User" })).toContainText("test@example.com");

  const pythonId = await sendSentryFixture(
    request,
    caller,
    "python_zero_division",
    "division by zero",
  );
  await page.goto(`/errors/${pythonId}`);
  const top = page.getByTestId("frame").first();
  await expect(top).toContainText("errors/views.py");
  // The top in-app frame opens on its source, with the failing line marked.
  await expect(top.locator("[aria-current=true]")).toHaveText(/0\/0/);
});

test("archive, unarchive, then delete with a confirmation", async ({ page, request, user }) => {
  await signUp(page, user);
  const caller = await callerFor(request, user);
  const errorId = await sendNative(request, caller, [
    { title: `To triage ${randomUUID().slice(0, 8)}`, origin: "worker" },
  ]);
  const headers = { authorization: `Bearer ${caller.token}` };
  const status = async () =>
    (await (await request.get(`/api/errors/${errorId}`, { headers })).json()).status;

  await page.goto(`/errors/${errorId}`);
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Archived:" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unarchive", exact: true })).toBeVisible();
  await expect(page.getByText("Archived", { exact: true }).first()).toBeVisible();
  expect(await status()).toBe("archived");

  await page.getByRole("button", { name: "Unarchive", exact: true }).click();
  await expect(page.getByRole("button", { name: "Archive", exact: true })).toBeVisible();
  expect(await status()).toBe("open");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this error?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await status()).toBe("open");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Delete error" }).click();
  await expect(page).toHaveURL(/\/errors$/);
  expect((await request.get(`/api/errors/${errorId}`, { headers })).status()).toBe(404);
});

test("a missing, malformed or foreign id shows the 404 page", async ({ page, request, user }) => {
  // Someone else's error.
  const other = newUser("other");
  const signup = await request.post("/api/auth/signup", { data: other });
  expect(signup.status()).toBe(201);
  const { project } = await signup.json();
  const foreignId = await sendNative(
    request,
    { token: "", projectId: project.id, key: project.ingestKey.key, keyName: "" },
    [{ title: "Not yours" }],
  );

  await signUp(page, user);
  for (const id of [String(foreignId), "999999999", "abc", "0", "1.5"]) {
    const response = await page.goto(`/errors/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { name: "Error not found" })).toBeVisible();
    await expect(page.getByText("Not yours")).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Back to errors" }).click();
  await expect(page).toHaveURL(/\/errors$/);
});

test("the detail page fits a phone screen @phone", async ({ page, request, user }) => {
  await signUp(page, user);
  const caller = await callerFor(request, user);
  const longId = await sendNative(request, caller, [
    {
      title: `Unbroken${"X".repeat(200)}`,
      details: `${"y".repeat(3000)}\n${"https://example.com/a/very/long/path?".repeat(20)}`,
      origin: "o".repeat(120),
      tags: { ["k".repeat(30)]: "v".repeat(200) },
    },
  ]);
  await page.goto(`/errors/${longId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await noHorizontalOverflow(page);
  // The event's own page, with the same long values, fits too.
  await page.getByTestId("event").first().getByRole("link").click();
  await expect(page.getByTestId("event-title")).toBeVisible();
  await noHorizontalOverflow(page);

  const sdkId = await sendSentryFixture(
    request,
    caller,
    "python_zero_division",
    "division by zero",
  );
  await page.goto(`/errors/${sdkId}`);
  await expect(page.getByTestId("exception")).toBeVisible();
  await noHorizontalOverflow(page);
});
