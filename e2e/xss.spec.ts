import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Markup sent in events must be shown as text on the list and detail pages, never run.
const PAYLOADS = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  "javascript:window.__xss=1",
];

interface Account {
  token: string;
  projectId: number;
  ingestKey: string;
}

async function signUpByApi(
  request: APIRequestContext,
  user: { name: string; email: string; password: string },
): Promise<Account> {
  const res = await request.post("/api/auth/signup", { data: user });
  expect(res.status()).toBe(201);
  const body = await res.json();
  return { token: body.token, projectId: body.project.id, ingestKey: body.project.ingestKey.key };
}

async function logIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/errors/);
}

/** Fails the test on any dialog, and records whether a payload ran. */
function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return {
    dialogs,
    async assertNothingRan() {
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
      // No link may carry a javascript: URL.
      await expect(page.locator('a[href^="javascript:" i], [src^="javascript:" i]')).toHaveCount(0);
    },
  };
}

/** The visible element whose text is exactly `text` (lists render a table and phone cards). */
const visibleText = (page: Page, text: string) =>
  page.getByText(text, { exact: true }).filter({ visible: true }).first();

test("markup in native events is shown as text on the list and the detail page", async ({
  page,
  user,
}) => {
  const account = await signUpByApi(page.request, user);
  const res = await page.request.post("/api/events", {
    headers: { authorization: `Bearer ${account.token}` },
    data: {
      events: PAYLOADS.map((payload, i) => ({
        title: payload,
        details: `details ${i}: ${payload}`,
        origin: payload,
        environment: i === 0 ? "production" : payload.slice(0, 64),
        level: "error",
        tags: { xss: payload, [`k${i}`]: payload },
        fingerprint: [`xss-${i}`],
      })),
    },
  });
  expect(res.status()).toBe(201);
  const created = (await res.json()).events as { id: number; errorId: number }[];

  const guard = watch(page);
  await logIn(page, user);
  await page.goto("/errors?environment=all");
  for (const payload of PAYLOADS) await expect(visibleText(page, payload)).toBeVisible();
  await guard.assertNothingRan();

  for (const [i, payload] of PAYLOADS.entries()) {
    await page.goto(`/errors/${created[i]?.errorId}`);
    await expect(page.getByTestId("error-title")).toHaveText(payload);
    // The origin is in the heading ("Error in <origin> at …").
    await expect(page.getByRole("heading", { level: 1 })).toContainText(payload);
    await expect(visibleText(page, `details ${i}: ${payload}`)).toBeVisible();
    // The environment and tag values appear as text too (facts, tags, events).
    expect(
      await page.getByText(payload, { exact: true }).filter({ visible: true }).count(),
    ).toBeGreaterThan(1);
    await guard.assertNothingRan();
  }
});

test("markup in a Sentry event (message, exception, request URL, tags, extra) is shown as text", async ({
  page,
  user,
}) => {
  const account = await signUpByApi(page.request, user);
  const [script, img, svg, js] = PAYLOADS as [string, string, string, string];
  const eventId = "0123456789abcdef0123456789abcdef";
  const res = await page.request.post(`/api/${account.projectId}/store/`, {
    headers: {
      "x-sentry-auth": `Sentry sentry_version=7, sentry_key=${account.ingestKey}`,
      "content-type": "application/json",
    },
    data: {
      event_id: eventId,
      platform: "javascript",
      level: "error",
      server_name: svg,
      environment: "production",
      release: img,
      exception: {
        values: [
          {
            type: "Error",
            value: script,
            stacktrace: {
              frames: [{ filename: js, function: img, abs_path: js, lineno: 1, in_app: true }],
            },
          },
        ],
      },
      request: { url: js, method: "GET", headers: { Referer: js, "X-Xss": script } },
      tags: { xss: svg, url: js },
      extra: { payload: img, nested: { script } },
      contexts: { browser: { name: svg } },
      user: { email: script, username: img },
    },
  });
  expect(res.status()).toBe(200);
  const list = await page.request.get("/api/errors?environment=all", {
    headers: { authorization: `Bearer ${account.token}` },
  });
  const errorId = (await list.json()).items[0]?.id;
  expect(errorId).toBeTruthy();

  const guard = watch(page);
  await logIn(page, user);
  await page.goto("/errors?environment=all");
  await expect(page.getByRole("table").getByRole("link").first()).toContainText(script);
  await guard.assertNothingRan();

  await page.goto(`/errors/${errorId}`);
  await expect(page.getByTestId("error-title")).toContainText(script);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(svg);
  // The request URL, a frame's file and a tag value: text, never a link.
  await expect(visibleText(page, js)).toBeVisible();
  await guard.assertNothingRan();
});
