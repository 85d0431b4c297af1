// The triage loop in the browser: resolve, regress, archive until N events, escalate, assign,
// and the activity that records it all. Data goes in through the real API, as an app sends it.
import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { type EventInput, ingest, times, titles } from "./error-data";
import { expect, type NewUser, newUser, signUp, test } from "./fixtures";

// Several users and many round trips each: more than the default on a busy machine.
test.describe.configure({ timeout: 90_000 });

const unique = (title: string) => `${title} ${randomUUID().slice(0, 6)}`;

async function firstProjectId(request: APIRequestContext, token: string): Promise<number> {
  const response = await request.get("/api/projects", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).items[0].id;
}

/** A second user who joins the owner's project: invited, signed up, accepted, all over the API. */
async function addMember(request: APIRequestContext, ownerToken: string, projectId: number) {
  const member = newUser("member");
  const invited = await request.post(`/api/projects/${projectId}/members`, {
    headers: { authorization: `Bearer ${ownerToken}` },
    data: { email: member.email },
  });
  expect(invited.status()).toBe(202);
  const signup = await request.post("/api/auth/signup", { data: member });
  expect(signup.status()).toBe(201);
  const { token, user } = await signup.json();
  const headers = { authorization: `Bearer ${token}` };
  const invitations = await (await request.get("/api/invitations", { headers })).json();
  const accepted = await request.post(`/api/invitations/${invitations.items[0].id}/accept`, {
    headers,
  });
  expect(accepted.status()).toBe(200);
  return { ...member, id: user.id as number };
}

async function signedUpWithToken(page: Page, user: NewUser) {
  return (await signUp(page, user)).token;
}

async function errorStatus(page: Page, token: string, errorId: number) {
  const response = await page.request.get(`/api/errors/${errorId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { status: string; substatus: string | null };
}

const banner = (page: Page) => page.getByTestId("triage-banner");
const activity = (page: Page) => page.getByTestId("activity").getByRole("listitem");
const notice = (page: Page, text: string | RegExp) =>
  page.getByRole("status").filter({ hasText: text });

test("resolve in the next release from the detail page; a newer release regresses it", async ({
  page,
  user,
}) => {
  const token = await signedUpWithToken(page, user);
  const title = unique("Checkout total is NaN");
  const event: EventInput = { title, origin: "web-checkout", release: "1.4.0" };
  const [created] = await ingest(page, token, times(3, event));
  const errorId = created?.errorId as number;

  await page.goto(`/errors/${errorId}`);
  await page.getByRole("button", { name: "More ways to resolve" }).click();
  const menu = page.getByRole("menu", { name: "Resolve" });
  await expect(menu.getByRole("menuitem", { name: /Resolve now/ })).toBeVisible();
  await menu.getByRole("menuitem", { name: /^Resolve in next release \(after 1\.4\.0\)/ }).click();
  await expect(notice(page, "Resolved in the next release")).toBeVisible();
  await expect(banner(page)).toContainText(`Resolved by ${user.name}`);
  await expect(banner(page)).toContainText("in next release after 1.4.0");
  await expect(page.getByRole("button", { name: "Reopen", exact: true })).toBeVisible();

  // The resolved error leaves the main list, and the Resolved view finds it, marked.
  await page.goto("/errors");
  await expect(titles(page)).toHaveCount(0);
  await page.getByLabel("Status").selectOption("resolved");
  await expect(page).toHaveURL(/status=resolved/);
  await expect(titles(page)).toHaveText([title]);

  // An event from the release it was resolved in does not regress it…
  await ingest(page, token, [event]);
  expect((await errorStatus(page, token, errorId)).status).toBe("resolved");
  // …the first one from a newer release does.
  await ingest(page, token, [{ ...event, release: "1.5.0" }]);
  expect(await errorStatus(page, token, errorId)).toMatchObject({
    status: "open",
    substatus: "regressed",
  });

  await page.getByLabel("Status").selectOption("");
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row.getByText("Regressed", { exact: true })).toBeVisible();

  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/errors/${errorId}$`));
  await expect(banner(page)).toContainText(/^Regressed (just now|\d+ minutes? ago):/);
  await expect(banner(page)).toContainText(`resolved by ${user.name}`);
  await expect(banner(page)).toContainText("(in next release after 1.4.0)");
  await expect(banner(page)).toContainText(/reopened by event [0-9a-f]{8} from release 1\.5\.0/);

  // The activity, newest first: the regression and why, then the resolve.
  await expect(activity(page)).toHaveCount(2);
  await expect(activity(page).nth(0)).toContainText(
    /Error Central reopened it as regressed: event [0-9a-f]{8} from release 1\.5\.0 arrived after it was resolved in the next release \(after 1\.4\.0\)/,
  );
  await expect(activity(page).nth(1)).toContainText(
    `${user.name} resolved it in the next release (after 1.4.0)`,
  );

  // The Releases section: first and last release, and the events in each.
  const releases = page.getByRole("region", { name: "Releases" });
  await expect(releases.getByRole("row", { name: /^1\.5\.0 1/ })).toBeVisible();
  await expect(releases.getByRole("row", { name: /^1\.4\.0 4/ })).toBeVisible();
});

test("resolve now needs no release; without one, the next release is not offered", async ({
  page,
  user,
}) => {
  const token = await signedUpWithToken(page, user);
  const title = unique("Queue consumer crashed");
  const [created] = await ingest(page, token, [{ title, origin: "worker" }]);
  const errorId = created?.errorId as number;

  await page.goto(`/errors/${errorId}`);
  await page.getByRole("button", { name: "More ways to resolve" }).click();
  const next = page.getByRole("menuitem", { name: /^Resolve in next release/ });
  await expect(next).toHaveAttribute("aria-disabled", "true");
  await expect(next).toContainText("none of its events named a release");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(notice(page, "Resolved: the error left the main list")).toBeVisible();
  expect((await errorStatus(page, token, errorId)).status).toBe("resolved");

  // Any event regresses a "now" resolution, even one without a release.
  await ingest(page, token, [{ title, origin: "worker" }]);
  await page.reload();
  await expect(banner(page)).toContainText(/^Regressed/);
  await expect(banner(page)).toContainText("(resolved now)");
  await expect(banner(page)).toContainText("without a release");
});

test("archive until 10 more events: counts the events since, then escalates", async ({
  page,
  user,
}) => {
  const token = await signedUpWithToken(page, user);
  const title = unique("Cache miss storm");
  const event: EventInput = { title, origin: "cache", release: "2.0.0" };
  const [created] = await ingest(page, token, [event]);
  const errorId = created?.errorId as number;

  await page.goto(`/errors/${errorId}`);
  await page.getByRole("button", { name: "Archive with a condition" }).click();
  await page
    .getByRole("menu", { name: "Archive until" })
    .getByRole("menuitem", { name: "Until 10 more events" })
    .click();
  await expect(
    notice(page, "Archived: it reopens as escalating until 10 more events"),
  ).toBeVisible();
  await expect(banner(page)).toContainText(`Archived by ${user.name}`);
  await expect(banner(page)).toContainText("until 10 more events");
  await expect(page.getByTestId("events-since-archived")).toHaveText("0 events since archived");

  await ingest(page, token, times(4, event));
  await page.reload();
  await expect(page.getByTestId("events-since-archived")).toHaveText("4 events since archived");
  // Searching finds it, marked with the events since; the Archived view counts them too.
  await page.goto(`/errors?q=${encodeURIComponent(title)}`);
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row.getByText("Archived (4 since)", { exact: true })).toBeVisible();
  await page.getByLabel("Status").selectOption("archived");
  await expect(row.getByText("4 events since archived", { exact: true })).toBeVisible();

  await ingest(page, token, times(6, event));
  expect(await errorStatus(page, token, errorId)).toMatchObject({
    status: "open",
    substatus: "escalating",
  });
  await page.goto("/errors");
  await expect(
    page.getByRole("row", { name: new RegExp(title) }).getByText("Escalating", { exact: true }),
  ).toBeVisible();

  await page.goto(`/errors/${errorId}`);
  await expect(banner(page)).toContainText(/^Escalating (just now|\d+ minutes? ago):/);
  await expect(banner(page)).toContainText(`archived by ${user.name}`);
  await expect(banner(page)).toContainText("until 10 more events; 10 events since archived");
  await expect(activity(page).nth(0)).toContainText(
    "Error Central reopened it as escalating: the condition “until 10 more events” was met (10 events since archived)",
  );
  await expect(activity(page).nth(1)).toContainText(
    `${user.name} archived it until 10 more events`,
  );
});

test("archive until a rate of one's own, from the dialog", async ({ page, user }) => {
  const token = await signedUpWithToken(page, user);
  const title = unique("Webhook retries");
  const [created] = await ingest(page, token, [{ title, origin: "hooks" }]);
  const errorId = created?.errorId as number;

  await page.goto(`/errors/${errorId}`);
  await page.getByRole("button", { name: "Archive with a condition" }).click();
  await page.getByRole("menuitem", { name: "Until a rate you choose…" }).click();
  const dialog = page.getByRole("dialog", { name: "Archive until it happens often" });
  await expect(dialog.getByLabel("Events")).toBeFocused();
  await dialog.getByLabel("Events").fill("3");
  await dialog.getByLabel("Within (minutes)").fill("5");
  await dialog.getByRole("button", { name: "Archive" }).click();
  await expect(dialog).toBeHidden();
  await expect(banner(page)).toContainText("until 3 events within 5 minutes");

  await ingest(page, token, times(3, { title, origin: "hooks" }));
  expect((await errorStatus(page, token, errorId)).substatus).toBe("escalating");
});

test("assign from the list (bulk and one row) and from the detail page; filter by assignee", async ({
  page,
  request,
  user,
}) => {
  const token = await signedUpWithToken(page, user);
  const projectId = await firstProjectId(request, token);
  const member = await addMember(request, token, projectId);
  const [one, two, three] = [unique("Assign one"), unique("Assign two"), unique("Assign three")];
  const created = await ingest(page, token, [
    ...times(3, { title: one }),
    ...times(2, { title: two }),
    { title: three },
  ]);
  const threeId = created[5]?.errorId as number;
  await page.goto("/errors");
  await expect(titles(page)).toHaveText([one, two, three]);

  await page.getByRole("checkbox", { name: `Select ${one}` }).check();
  await page.getByRole("checkbox", { name: `Select ${two}` }).check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByRole("button", { name: "Assign selected" }).click();
  const assignMenu = page.getByRole("menu", { name: "Assign the selected errors to" });
  await expect(assignMenu.getByRole("menuitem", { name: /^Me/ })).toBeVisible();
  await expect(assignMenu.getByRole("menuitem", { name: "Nobody" })).toBeVisible();
  await assignMenu.getByRole("menuitem", { name: member.name }).click();
  await expect(notice(page, `Assigned 2 errors to ${member.name}.`)).toBeVisible();
  await expect(bulk).toBeHidden();
  await expect(
    page.getByRole("button", { name: `Assign ${one}, now ${member.name}` }),
  ).toBeVisible();
  await expect(
    page.getByRole("button", { name: `Assign ${two}, now ${member.name}` }),
  ).toBeVisible();

  // One row, from its own picker: the current assignee is the checked choice.
  await page.getByRole("button", { name: `Assign ${three}, now nobody` }).click();
  const rowMenu = page.getByRole("menu", { name: "Assign to" });
  await expect(rowMenu.getByRole("menuitemradio", { name: "Nobody" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await rowMenu.getByRole("menuitemradio", { name: /^Me/ }).click();
  await expect(notice(page, "Assigned 1 error to you.")).toBeVisible();

  // Filters: mine, nobody's, a member's.
  await page.getByLabel("Assignee").selectOption("me");
  await expect(page).toHaveURL(/assignee=me/);
  await expect(titles(page)).toHaveText([three]);
  await page.getByLabel("Assignee").selectOption(String(member.id));
  await expect(titles(page)).toHaveText([one, two]);
  await page.getByLabel("Assignee").selectOption("none");
  await expect(page.getByRole("heading", { name: "No errors match" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/assignee=/);
  await expect(titles(page)).toHaveCount(3);

  // The detail page: the picker shows who, and changes it.
  await page.goto(`/errors/${threeId}`);
  const picker = page.getByRole("button", { name: `Assignee: ${user.name}. Change the assignee` });
  await expect(picker).toBeVisible();
  await picker.click();
  await page.getByRole("menuitemradio", { name: member.name }).click();
  await expect(notice(page, `Assigned to ${member.name}.`)).toBeVisible();
  await expect(
    page.getByRole("button", { name: `Assignee: ${member.name}. Change the assignee` }),
  ).toBeVisible();
  await expect(activity(page).nth(0)).toContainText(`${user.name} assigned it to ${member.name}`);
  await expect(activity(page).nth(1)).toContainText(`${user.name} assigned it to themselves`);

  await page.getByRole("button", { name: /^Assignee: / }).click();
  await page.getByRole("menuitemradio", { name: "Nobody" }).click();
  await expect(notice(page, "Unassigned.")).toBeVisible();
  await expect(activity(page).nth(0)).toContainText(`${user.name} unassigned ${member.name}`);
});

test("resolve and reopen from the list, with undo", async ({ page, user }) => {
  const token = await signedUpWithToken(page, user);
  const [fixMe, keep] = [unique("Resolve me"), unique("Keep open")];
  await ingest(page, token, [...times(2, { title: fixMe }), { title: keep }]);
  await page.goto("/errors");
  await page.getByRole("button", { name: `Resolve ${fixMe}` }).click();
  await expect(notice(page, "Resolved 1 error.")).toBeVisible();
  await expect(titles(page)).toHaveText([keep]);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(notice(page, "Reopened 1 error.")).toBeVisible();
  await expect(titles(page)).toHaveText([fixMe, keep]);

  await page.getByRole("button", { name: `More actions for ${fixMe}` }).click();
  await page.getByRole("menuitem", { name: /^Resolve in next release/ }).click();
  await expect(notice(page, "Resolved 1 error in the next release.")).toBeVisible();
  await page.getByLabel("Status").selectOption("resolved");
  const row = page.getByRole("row", { name: new RegExp(fixMe) });
  await row.getByRole("button", { name: `Reopen ${fixMe}` }).click();
  await expect(notice(page, "Reopened 1 error.")).toBeVisible();
  await expect(titles(page)).toHaveCount(0);

  // Bulk: resolve both, then reopen both from the Resolved view. Each view is checked loaded
  // before selecting: a selection made in the view being replaced is gone with it.
  await page.getByLabel("Status").selectOption("");
  await expect(page).not.toHaveURL(/status=/);
  await expect(titles(page)).toHaveText([fixMe, keep]);
  await page.getByRole("checkbox", { name: "Select all errors on this page" }).check();
  await page
    .getByRole("region", { name: "Bulk actions" })
    .getByRole("button", { name: "Resolve selected" })
    .click();
  await expect(notice(page, "Resolved 2 errors.")).toBeVisible();
  await page.getByLabel("Status").selectOption("resolved");
  await expect(page).toHaveURL(/status=resolved/);
  await expect(titles(page)).toHaveCount(2);
  await page.getByRole("checkbox", { name: "Select all errors on this page" }).check();
  await page
    .getByRole("region", { name: "Bulk actions" })
    .getByRole("button", { name: "Reopen selected" })
    .click();
  await expect(notice(page, "Reopened 2 errors.")).toBeVisible();
});

test("a release filter from the URL, and a way to clear it", async ({ page, user }) => {
  const token = await signedUpWithToken(page, user);
  const [old, fresh] = [unique("Old release error"), unique("New release error")];
  await ingest(page, token, [
    { title: old, release: "3.1.0" },
    ...times(2, { title: fresh, release: "3.2.0" }),
  ]);
  await page.goto("/errors?release=3.1.0");
  await expect(titles(page)).toHaveText([old]);
  const filter = page.getByRole("group", { name: "Release filter" });
  await expect(filter).toContainText("3.1.0");
  await filter.getByRole("link", { name: "Clear the release filter" }).click();
  await expect(page).not.toHaveURL(/release=/);
  await expect(titles(page)).toHaveText([fresh, old]);
});

test("regressed and assigned errors on a phone @phone", async ({
  page,
  request,
  user,
  isMobile,
}) => {
  test.skip(!isMobile, "the card layout is for phones; the phone project runs this");
  const token = await signedUpWithToken(page, user);
  const title = unique("Phone regression");
  const [created] = await ingest(page, token, [{ title, origin: "ios-app" }]);
  const errorId = created?.errorId as number;
  const headers = { authorization: `Bearer ${token}` };
  const patch = await request.patch(`/api/errors/${errorId}`, {
    headers,
    data: { status: "resolved" },
  });
  expect(patch.status()).toBe(200);
  await ingest(page, token, [{ title, origin: "ios-app" }]);

  await page.goto("/errors");
  const card = page.getByRole("listitem").filter({ hasText: title });
  await expect(card.getByText("Regressed", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: `Assign ${title}, now nobody` }).click();
  await page.getByRole("menuitemradio", { name: /^Me/ }).click();
  await expect(notice(page, "Assigned 1 error to you.")).toBeVisible();
  await expect(
    card.getByRole("button", { name: `Assign ${title}, now ${user.name}` }),
  ).toBeVisible();
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);

  await page.goto(`/errors/${errorId}`);
  await expect(banner(page)).toContainText("Regressed");
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test("the triage menus work from the keyboard", async ({ page, user }) => {
  const token = await signedUpWithToken(page, user);
  const [created] = await ingest(page, token, [{ title: unique("Keyboard triage") }]);
  await page.goto(`/errors/${created?.errorId}`);
  const trigger = page.getByRole("button", { name: "Archive with a condition" });
  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Archive until" });
  await expect(menu.getByRole("menuitem", { name: /^Forever/ })).toBeFocused();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "For 1 hour" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: "Until a rate you choose…" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(trigger).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("Enter");
  await expect(menu.getByRole("menuitem", { name: /^Forever/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "For 1 hour" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(banner(page)).toContainText(/until \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
});
