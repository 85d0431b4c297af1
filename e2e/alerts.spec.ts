import { verifyWebhookSignature } from "@/lib/alerts/formats/webhook-signature";
import { type Receiver, startReceiver } from "@/tests/support/receivers";
import { apiToken, ingest } from "./error-data";
import { expect, signUp, test } from "./fixtures";

// The e2e server runs with ALLOW_PRIVATE_WEBHOOKS=true (playwright.config.ts): the receiver
// below listens on 127.0.0.1.
let receiver: Receiver;
test.beforeEach(async () => {
  receiver = await startReceiver(() => ({ status: 200 }));
});
test.afterEach(async () => {
  await receiver.close();
});

test("a rule with a webhook: created in Settings → Alerts, its secret shown once, a test delivered and logged, a new error alerted", async ({
  page,
  user,
}) => {
  test.setTimeout(60_000);
  await signUp(page, user);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage alerts" }).click();
  await expect(page.getByRole("heading", { name: /^Alerts for / })).toBeVisible();
  await expect(page.getByText("No alert rules yet.")).toBeVisible();

  await page.getByRole("link", { name: "New rule" }).click();
  await expect(page.getByRole("heading", { name: "New alert rule" })).toBeVisible();
  await page.getByLabel("Rule name").fill("Everything to the receiver");
  await page.getByLabel("All environments").check();
  await page.getByLabel("Minimum level").selectOption("debug");
  const channel = page.getByRole("listitem", { name: "Channel 1" });
  await expect(channel.getByLabel("Channel 1")).toHaveValue("webhook");
  // A mistake first: the rule names the field, and the form shows it there.
  await channel.getByLabel("Webhook URL").fill("ftp://example.test/hook");
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(channel.getByText("url must be an http:// or https:// URL.")).toBeVisible();
  await expect(page.getByRole("form").getByRole("alert")).toContainText("Some fields need a fix");

  await channel.getByLabel("Webhook URL").fill(`${receiver.url}/hooks/error-central`);
  await page.getByRole("button", { name: "Create rule" }).click();
  const secret = page.getByTestId("new-webhook-secret");
  await expect(secret).toHaveText(/^[A-Za-z0-9_-]{43}$/);
  const signingSecret = (await secret.textContent()) ?? "";
  await page.getByRole("link", { name: "Done" }).click();

  // Listed, with where it sends (the host only) and never the secret again.
  const rules = page.getByRole("list", { name: /^Alert rules of / });
  const row = rules.getByRole("listitem").filter({ hasText: "Everything to the receiver" });
  await expect(row).toContainText("New error · Regression");
  await expect(row.getByRole("list", { name: /^Channels of/ })).toContainText(
    `Webhook${receiver.url}/…`,
  );
  await expect(page.getByText(signingSecret)).toHaveCount(0);
  await expect(page.getByText("/hooks/error-central")).toHaveCount(0);

  // Send a test: delivered, signed with the secret shown once.
  await row.getByRole("button", { name: /^Send a test alert/ }).click();
  const results = row.getByRole("list", { name: /^Test results/ });
  await expect(results).toContainText("Delivered");
  await expect(results).toContainText("Webhook");
  expect(receiver.requests).toHaveLength(1);
  const request = receiver.requests[0];
  expect(request?.path).toBe("/hooks/error-central");
  expect(request?.body).toContain("Test alert from Error Central");
  expect(
    verifyWebhookSignature(
      request?.headers["x-error-central-signature"] as string,
      request?.body ?? "",
      signingSecret,
    ),
  ).toBe(true);

  // The delivery log shows it, with its attempt.
  const log = page.getByRole("list", { name: /^Deliveries of / });
  const delivery = log.getByTestId("alert-delivery").first();
  await expect(delivery).toContainText("Delivered");
  await expect(delivery).toContainText("Test alert from Error Central");
  await delivery.getByText("1 attempt").click();
  await expect(delivery).toContainText("HTTP 200");

  // A real new error fires the rule; the server's delivery loop sends it, and the error's
  // page lists the alert it triggered.
  const token = await apiToken(page, user);
  const [created] = await ingest(page, token, [{ title: "Checkout exploded", origin: "shop" }]);
  await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(2);
  expect(receiver.requests[1]?.body).toContain("Checkout exploded");
  await page.goto(`/errors/${created?.errorId}`);
  const alerts = page.getByRole("region", { name: "Alerts this error triggered" });
  await expect(alerts).toContainText("New error");
  await expect(alerts).toContainText("Everything to the receiver");
  await expect(alerts).toContainText("Delivered · 1 attempt");
  for (const [name, width] of [
    ["desktop", 1280],
    ["phone", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await alerts.screenshot({ path: `/tmp/error-alerts-${name}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  // Every attempt, one link away: the delivery log of this error only.
  await alerts.getByRole("link", { name: "Every attempt" }).click();
  await expect(page).toHaveURL(new RegExp(`errorId=${created?.errorId}`));
  await expect(page.getByText(`The alerts of error #${created?.errorId} only.`)).toBeVisible();
  const ofError = page.getByRole("list", { name: /^Deliveries of / }).getByTestId("alert-delivery");
  await expect(ofError).toHaveCount(1);
  await expect(ofError).toContainText("Checkout exploded");
  await ofError.getByText("1 attempt").click();
  await expect(ofError).toContainText("HTTP 200");

  // Filters: the log of failed deliveries is empty, of webhooks has both.
  await page.goto("/settings/alerts");
  await page.getByLabel("Status").selectOption("failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByText("No deliveries match these filters.")).toBeVisible();
  await page.getByLabel("Status").selectOption("");
  await page.getByLabel("Channel", { exact: true }).selectOption("webhook");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(
    page.getByRole("list", { name: /^Deliveries of / }).getByTestId("alert-delivery"),
  ).toHaveCount(2);
});

test("a rule is switched off, edited (a refusal shown by its field) and deleted", async ({
  page,
  user,
}) => {
  await signUp(page, user);
  await page.goto("/settings/alerts/new");
  await page.getByLabel("Rule name").fill("Mail the team");
  const channel = page.getByRole("listitem", { name: "Channel 1" });
  await channel.getByLabel("Channel 1").selectOption("email");
  await channel.getByLabel("Email addresses").fill("team@example.test, lead@example.test");
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page).toHaveURL(/\/settings\/alerts\?project=/);
  const row = page
    .getByRole("list", { name: /^Alert rules of / })
    .getByRole("listitem")
    .filter({ hasText: "Mail the team" });
  await expect(row).toContainText("team@example.test, lead@example.test");

  const toggle = row.getByRole("switch", { name: "Enabled: Mail the team" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(row).toContainText("Disabled");

  await row.getByRole("link", { name: "Edit rule Mail the team" }).click();
  await expect(page.getByRole("heading", { name: "Edit “Mail the team”" })).toBeVisible();
  await page.getByLabel("Rule name").fill("Mail the whole team");
  await page.getByLabel("Cooldown (minutes)").fill("5000");
  await page.getByRole("button", { name: "Save rule" }).click();
  await expect(page.getByText("cooldownMinutes must be at most 1440.")).toBeVisible();
  await page.getByLabel("Cooldown (minutes)").fill("120");
  await page.getByRole("button", { name: "Save rule" }).click();
  const renamed = page
    .getByRole("list", { name: /^Alert rules of / })
    .getByRole("listitem")
    .filter({ hasText: "Mail the whole team" });
  await expect(renamed).toContainText("cooldown 2 hours");

  await renamed.getByRole("button", { name: "Delete rule Mail the whole team" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “Mail the whole team”?" });
  await dialog.getByRole("button", { name: "Delete rule" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("No alert rules yet.")).toBeVisible();
});

test("Settings → Alerts on a phone @phone", async ({ page, user }) => {
  await signUp(page, user);
  await page.goto("/settings/alerts");
  await page.getByRole("link", { name: "New rule" }).click();
  await page.getByLabel("Rule name").fill("Phone rule");
  await page
    .getByRole("listitem", { name: "Channel 1" })
    .getByLabel("Webhook URL")
    .fill(`${receiver.url}/phone`);
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByTestId("new-webhook-secret")).toBeVisible();
  await page.getByRole("link", { name: "Done" }).click();
  await page.getByRole("button", { name: /^Send a test alert/ }).click();
  await expect(page.getByRole("list", { name: /^Test results/ })).toContainText("Delivered");
  // Nothing overflows the narrow screen.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
