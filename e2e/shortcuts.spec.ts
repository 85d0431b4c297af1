import { setUp, titles } from "./error-data";
import { expect, test } from "./fixtures";

test("the list works from the keyboard: / j k x e r Enter ?, and a skip link", async ({
  page,
  user,
}) => {
  // Three errors, sorted by frequency: the most frequent first.
  const events = [
    ...Array.from({ length: 3 }, () => ({ title: "Keys first", fingerprint: ["keys-1"] })),
    ...Array.from({ length: 2 }, () => ({ title: "Keys second", fingerprint: ["keys-2"] })),
    { title: "Keys third", fingerprint: ["keys-3"] },
  ];
  await setUp(page, user, events);
  await expect(titles(page)).toHaveText(["Keys first", "Keys second", "Keys third"]);
  const row = (title: string) => page.getByRole("row").filter({ hasText: title });
  const live = page.locator('p[aria-live="polite"]');

  // The first Tab on the page reaches the skip link, which moves focus to the content.
  await page.locator("body").press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // `/` focuses the search box; typing there is the box's, not a shortcut.
  await page.keyboard.press("/");
  const search = page.getByLabel("Search errors");
  await expect(search).toBeFocused();
  await page.keyboard.type("j");
  await expect(search).toHaveValue("j");
  // Enter sends the cleared box at once (a "j" sent meanwhile is undone); then the list is settled.
  await search.fill("");
  await search.press("Enter");
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(page.locator("[data-pending]")).toHaveCount(0);
  await search.blur();

  // j and k move the current row, announced.
  await page.keyboard.press("j");
  await expect(row("Keys first")).toHaveAttribute("aria-current", "true");
  await expect(live).toHaveText("Keys first, 1 of 3");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(row("Keys third")).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("j");
  await expect(live).toHaveText("Keys third, 3 of 3 (end of the page)");
  await page.keyboard.press("k");
  await expect(row("Keys second")).toHaveAttribute("aria-current", "true");
  await expect(row("Keys third")).not.toHaveAttribute("aria-current", "true");

  // x selects it (the bulk bar appears), and again unselects it.
  await page.keyboard.press("x");
  await expect(row("Keys second").getByRole("checkbox")).toBeChecked();
  await expect(live).toHaveText("Selected Keys second");
  await expect(page.getByText("1 selected")).toBeVisible();
  await page.keyboard.press("x");
  await expect(row("Keys second").getByRole("checkbox")).not.toBeChecked();

  // e archives the current row; it leaves the open list.
  await page.keyboard.press("e");
  await expect(page.getByRole("status").filter({ hasText: "Archived 1 error." })).toBeVisible();
  await expect(titles(page)).toHaveText(["Keys first", "Keys third"]);

  // r resolves the (new) current row.
  await page.keyboard.press("k");
  await expect(row("Keys first")).toHaveAttribute("aria-current", "true");
  await expect(live).toHaveText("Keys first, 1 of 2");
  await page.keyboard.press("r");
  await expect(page.getByRole("status").filter({ hasText: "Resolved 1 error." })).toBeVisible();
  await expect(titles(page)).toHaveText(["Keys third"]);

  // ? lists the shortcuts; Escape closes them.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Next error");
  await expect(help).toContainText("Resolve the error");
  await page.screenshot({ path: "/tmp/shortcuts-desktop.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/shortcuts-phone.png" });
  await page.setViewportSize({ width: 1280, height: 800 });
  // While it is open, the list's shortcuts are off.
  await page.keyboard.press("j");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(live).toHaveText("Keys first, 1 of 2");

  // Enter opens the current row's error.
  await page.keyboard.press("j");
  await expect(row("Keys third")).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/errors\/\d+$/);
  await expect(
    page.getByRole("article").getByText("Keys third", { exact: true }).first(),
  ).toBeVisible();
});
