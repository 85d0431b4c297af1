import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { readJsonFixture } from "../tests/support/fixtures";
import { apiToken } from "./error-data";
import { expect, type NewUser, newUser, signUp, test } from "./fixtures";

/** The signed-up user's project id and a token for the API. */
async function callerOf(page: Page, user: NewUser) {
  const token = await apiToken(page, user);
  const headers = { authorization: `Bearer ${token}` };
  const projects = await (await page.request.get("/api/projects", { headers })).json();
  const projectId: number = projects.items[0].id;
  const keyResponse = await page.request.post(`/api/projects/${projectId}/keys`, {
    headers,
    data: { name: `e2e events ${randomUUID().slice(0, 6)}` },
  });
  expect(keyResponse.status()).toBe(201);
  const { key } = await keyResponse.json();
  return { token, headers, projectId, key: key as string };
}

/**
 * Three copies of a real Python SDK event (ZeroDivisionError with its frames) through the
 * store endpoint, a minute apart, each tagged with its attempt; returns the error id and the
 * client event ids, oldest first.
 */
async function sendAttempts(page: Page, user: NewUser) {
  const caller = await callerOf(page, user);
  const ids: string[] = [];
  for (const attempt of [0, 1, 2]) {
    const payload = readJsonFixture("sentry-events/python_zero_division.json") as Record<
      string,
      unknown
    >;
    const eventId = randomUUID().replaceAll("-", "");
    payload.event_id = eventId;
    payload.timestamp = new Date(Date.now() - (3 - attempt) * 60_000).toISOString();
    payload.tags = { attempt: `attempt-${attempt}` };
    payload.release = `shop@1.0.${attempt}`;
    const response = await page.request.post(`/api/${caller.projectId}/store/`, {
      headers: { "x-sentry-auth": `Sentry sentry_key=${caller.key}, sentry_version=7` },
      data: payload,
    });
    expect(response.status()).toBe(200);
    ids.push(eventId);
  }
  const list = await page.request.get("/api/errors?environment=all&q=ZeroDivisionError", {
    headers: caller.headers,
  });
  const { items } = await list.json();
  expect(items).toHaveLength(1);
  expect(items[0].count).toBe(3);
  return { errorId: items[0].id as number, clientIds: ids };
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Browse events" });
const navLink = (page: Page, name: string) => nav(page).getByRole("link", { name });

test("browse an error's events: to the oldest in full and back to the newest", async ({
  page,
  user,
}) => {
  await signUp(page, user);
  const { errorId, clientIds } = await sendAttempts(page, user);

  await page.goto(`/errors/${errorId}`);
  const list = page.locator("#events");
  await expect(list.getByTestId("event")).toHaveCount(3);
  // The newest event's row opens its page.
  await list.getByTestId("event").first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/errors/${errorId}/events/\\d+$`));
  const newestUrl = page.url();
  await expect(page.getByLabel("Event", { exact: true })).toContainText(clientIds[2] as string);
  // At the newest end: newest and newer are disabled links.
  await expect(navLink(page, "Newest event")).toHaveAttribute("aria-disabled", "true");
  await expect(navLink(page, "Newer event")).toHaveAttribute("aria-disabled", "true");
  await expect(navLink(page, "Newer event")).not.toHaveAttribute("href");

  await navLink(page, "Oldest event").click();
  await expect(page.getByLabel("Event", { exact: true })).toContainText(clientIds[0] as string);
  const oldestUrl = page.url();
  expect(oldestUrl).not.toBe(newestUrl);
  await expect(navLink(page, "Oldest event")).toHaveAttribute("aria-disabled", "true");
  await expect(navLink(page, "Older event")).toHaveAttribute("aria-disabled", "true");
  // Everything the latest event shows: the exception with its frames, tags, release, request.
  const exception = page.getByTestId("exception");
  await expect(exception.getByRole("heading", { name: "ZeroDivisionError" })).toBeVisible();
  // The in-app frame that threw, most recent first, with its source lines.
  const thrower = exception.locator("[data-testid=frame][data-in-app=true]").first();
  await expect(thrower).toContainText("errors/views.py");
  await expect(thrower).toContainText("0/0");
  await expect(page.getByRole("region", { name: "Tags" })).toContainText("attempt-0");
  await expect(page.getByTestId("event-release")).toHaveText("shop@1.0.0");
  await expect(page.getByRole("region", { name: "Request" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Contexts" })).toBeVisible();

  // One step newer, then to the newest with the navigation.
  await navLink(page, "Newer event").click();
  await expect(page.getByRole("region", { name: "Tags" })).toContainText("attempt-1");
  await expect(navLink(page, "Newer event")).toHaveAttribute("href", /\/events\/\d+$/);
  await expect(navLink(page, "Older event")).toHaveAttribute("href", new URL(oldestUrl).pathname);
  await navLink(page, "Newest event").click();
  await expect(page).toHaveURL(newestUrl);
  await expect(page.getByRole("region", { name: "Tags" })).toContainText("attempt-2");

  // Back to the error.
  await page.getByRole("link", { name: /Back to the error/ }).click();
  await expect(page).toHaveURL(new RegExp(`/errors/${errorId}$`));

  // A client event id (as logs show it) opens the same page under its row id.
  await page.goto(`/errors/${errorId}/events/${clientIds[0]}`);
  await expect(page).toHaveURL(oldestUrl);
});

test("copy an event's link", async ({ page, user, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page, user);
  const { errorId } = await sendAttempts(page, user);
  await page.goto(`/errors/${errorId}`);
  await page.getByRole("link", { name: "Latest event in full →" }).click();
  await expect(page).toHaveURL(new RegExp(`/errors/${errorId}/events/\\d+$`));

  const button = page.getByRole("button", { name: "Copy link to this event" });
  await expect(button).toHaveText("Copy link");
  await button.click();
  await expect(button).toHaveText("Copied");
  await expect(
    page.getByRole("status").filter({ hasText: "link to this event copied" }),
  ).toHaveAttribute("aria-live", "polite");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test("another user's event, and another error's event, are not found", async ({
  page,
  browser,
  user,
}) => {
  await signUp(page, user);
  const { errorId } = await sendAttempts(page, user);
  const token = await apiToken(page, user);
  const other = await page.request.post("/api/events", {
    headers: { authorization: `Bearer ${token}` },
    data: { title: `Another kind ${randomUUID().slice(0, 6)}` },
  });
  const [{ id: otherEventId, errorId: otherErrorId }] = (await other.json()).events;

  const response = await page.goto(`/errors/${errorId}/events/${otherEventId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Event not found" })).toBeVisible();
  expect((await page.goto(`/errors/${otherErrorId}/events/${otherEventId}`))?.status()).toBe(200);

  // A stranger signed in elsewhere sees neither the event nor that it exists.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await signUp(strangerPage, newUser("stranger"));
  const theirs = await strangerPage.goto(`/errors/${otherErrorId}/events/${otherEventId}`);
  expect(theirs?.status()).toBe(404);
  await expect(strangerPage.getByRole("heading", { name: /not found/ })).toBeVisible();
  await stranger.close();
});

test("an unknown URL is a 404 inside the app's layout", async ({ page, user }) => {
  await signUp(page, user);
  for (const url of ["/nope", "/errors/abc/xyz"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    // The shell: its header with the user's name, navigation and sign-out.
    await expect(page.getByTestId("user-name")).toHaveText(user.name);
    await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    await expect(page).toHaveTitle(/Page not found/);
  }
  await page.getByRole("link", { name: "Back to errors" }).click();
  await expect(page).toHaveURL(/\/errors$/);
  // The error detail keeps its own 404.
  const response = await page.goto("/errors/99999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Error not found" })).toBeVisible();
});

test("an event page fits a phone screen @phone", async ({ page, user }) => {
  await signUp(page, user);
  const { errorId, clientIds } = await sendAttempts(page, user);
  await page.goto(`/errors/${errorId}/events/${clientIds[1]}`);
  await expect(nav(page)).toBeVisible();
  await expect(page.getByTestId("exception")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
