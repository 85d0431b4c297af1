import { expect, newUser, signUp, test } from "./fixtures";

test("an ingest key is shown once, ingests events, and stops working once revoked", async ({
  page,
  request,
  user,
}) => {
  await signUp(page, user);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();

  await page.getByLabel("New key name").fill("e2e key");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = page.getByTestId("new-ingest-secret");
  await expect(secret).toHaveText(/^[0-9a-f]{32}$/);
  const key = (await secret.textContent()) ?? "";
  await expect(page.getByTestId("new-dsn")).toContainText(`//${key}@`);
  await expect(page.getByRole("button", { name: "Copy ingest key" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "@sentry/node" })).toBeVisible();

  const send = () =>
    request.post("/api/events", {
      headers: { Authorization: `Bearer ${key}` },
      data: { title: "Settings e2e event", origin: "e2e" },
    });
  expect((await send()).status()).toBe(201);

  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(page.getByTestId("new-ingest-secret")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);
  const keys = page.getByRole("list", { name: /^Ingest keys of/ });
  const row = keys.getByRole("listitem").filter({ hasText: "e2e key" });
  await expect(row).toContainText(`${key.slice(0, 8)}…`);

  await row.getByRole("button", { name: "Revoke ingest key e2e key" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “e2e key”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  await expect.poll(async () => (await send()).status()).toBe(401);
});

test("a personal token is created, works, and is refused once revoked", async ({
  page,
  request,
  user,
}) => {
  await signUp(page, user);
  await page.goto("/settings");
  await page.getByLabel("New token name").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = page.getByTestId("new-personal-secret");
  await expect(secret).toHaveText(/^ecp_/);
  const token = (await secret.textContent()) ?? "";

  const list = () =>
    request.get("/api/projects", { headers: { Authorization: `Bearer ${token}` } });
  expect((await list()).status()).toBe(200);

  const row = page
    .getByRole("list", { name: "Personal tokens" })
    .getByRole("listitem")
    .filter({ hasText: "e2e script" });
  await row.getByRole("button", { name: "Revoke token e2e script" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  await expect.poll(async () => (await list()).status()).toBe(401);
});

test("create a project (with its key shown once) and rename it", async ({ page, user }) => {
  await signUp(page, user);
  await page.goto("/settings");

  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Name is required.")).toBeVisible();

  await page.getByLabel("New project name").fill("Payments e2e");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByTestId("new-ingest-secret")).toHaveText(/^[0-9a-f]{32}$/);
  const projects = page.locator("#projects");
  const row = projects.getByRole("listitem").filter({ hasText: "Payments e2e" });
  await expect(row).toContainText("Owner");

  await row.getByRole("button", { name: "Rename Payments e2e" }).click();
  await page.getByLabel("New name for Payments e2e").fill("Payments renamed");
  await row.getByRole("button", { name: "Save name" }).click();
  await expect(
    projects.getByRole("listitem").filter({ hasText: "Payments renamed" }),
  ).toBeVisible();
  await expect(projects.getByRole("listitem").filter({ hasText: "Payments e2e" })).toHaveCount(0);

  await projects.getByRole("link", { name: "Keys and members of Payments renamed" }).click();
  await expect(page).toHaveURL(/\/settings\?project=/);
  await expect(page.getByRole("heading", { name: "Payments renamed", level: 2 })).toBeVisible();
  await expect(page.getByLabel("Project", { exact: true })).toHaveValue(/payments/);
});

test("an owner invites a member by email and removes them; the last owner cannot leave", async ({
  page,
  request,
  user,
}) => {
  const other = newUser("member");
  const signup = await request.post("/api/auth/signup", { data: other });
  expect(signup.status()).toBe(201);
  const otherToken = (await signup.json()).token as string;
  await signUp(page, user);
  await page.goto("/settings");

  const email = page.getByLabel("Invite a member by email");
  const invite = page.getByRole("button", { name: "Invite", exact: true });
  // The same message whether or not the address has an account.
  await email.fill("nobody-here@example.test");
  await invite.click();
  await expect(page.getByRole("status")).toHaveText(
    /^Invitation sent to nobody-here@example\.test( by email)?\. They join once they accept it in their Settings\.$/,
  );
  await email.fill(other.email.toUpperCase());
  await invite.click();
  await expect(page.getByRole("status")).toHaveText(
    new RegExp(
      `^Invitation sent to ${other.email.replace(/[.]/g, "\\.")}( by email)?\\. They join`,
    ),
  );
  const members = page.getByRole("list", { name: /^Members of/ });
  await expect(members.getByRole("listitem")).toHaveCount(1);
  const pending = page.getByRole("list", { name: /^Pending invitations to/ });
  await expect(pending.getByRole("listitem")).toHaveCount(2);

  // Revoking one takes it off the list.
  await pending
    .getByRole("button", { name: "Revoke the invitation to nobody-here@example.test" })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
  await expect(pending.getByRole("listitem")).toHaveCount(1);

  // The invitee accepts (over the API, as themself); then they are listed as a member.
  const mine = await request.get("/api/invitations", {
    headers: { Authorization: `Bearer ${otherToken}` },
  });
  const [invitation] = (await mine.json()).items;
  const accepted = await request.post(`/api/invitations/${invitation.id}/accept`, {
    headers: { Authorization: `Bearer ${otherToken}` },
  });
  expect(accepted.status()).toBe(200);
  await page.reload();
  const row = members.getByRole("listitem").filter({ hasText: other.email });
  await expect(row).toContainText("Member");
  await expect(page.getByRole("list", { name: /^Pending invitations to/ })).toHaveCount(0);

  // The only owner cannot leave, and is told so before trying: the button is disabled with why.
  const leave = members.getByRole("button", { name: /^Leave / });
  await expect(leave).toBeDisabled();
  await expect(leave).toHaveAccessibleDescription(
    "You are this project's only owner, so you cannot leave it: a project always keeps an owner.",
  );

  await row.getByRole("button", { name: `Remove ${other.name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(row).toHaveCount(0);
  await expect(members.getByRole("listitem")).toHaveCount(1);
});

test("the API guide is public and generated from the OpenAPI document", async ({ page }) => {
  await page.goto("/docs");
  await expect(page).toHaveURL(/\/docs$/);
  await expect(page.getByRole("heading", { name: "API guide", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "POST /api/events", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/openapi.json" }).first()).toHaveAttribute(
    "href",
    "/api/openapi.json",
  );
  const ingest = page.locator("#post-api-events");
  await expect(ingest).toContainText("1–255 characters");
  await expect(page.getByRole("link", { name: "Sign up" })).toBeVisible();
});

test("settings fit a phone screen @phone", async ({ page, user }) => {
  await signUp(page, user);
  await page.goto("/settings");
  await page.getByLabel("New key name").fill("a key with a long name for a narrow screen");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-dsn")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
