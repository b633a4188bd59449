// Reports are cached, never stale: a lead has the dashboard open (its report is computed
// and cached), a coordinator saves an engagement in another browser, and the lead's next
// view shows it. The "being prepared" answer of an overloaded server is checked too.
// The view is W3C's, where no other spec writes (specs run side by side).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, screenshots, useSessionOf } from "./support/auth";

/** A browser of its own for each person (signed in by the test with the saved session). */
async function ownBrowser(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

async function activeEngagements(page: Page): Promise<number> {
  const card = page.getByRole("link", { name: /Active engagements$/ });
  const text = await card.locator("span").first().innerText();
  return Number(text.replace(/,/g, ""));
}

test("a lead sees a coordinator's new engagement on the next dashboard view", async ({ browser }) => {
  test.slow(); // two browsers and a form: a generous budget on a loaded machine
  const view = "/dashboard?sdo=SDO-W3C";
  const lead = await ownBrowser(browser);
  await useSessionOf(lead.page, "LEAD");
  await lead.page.goto(view);
  await expect(lead.page.getByRole("heading", { level: 1, name: "Coverage dashboard" })).toBeVisible();
  const before = await activeEngagements(lead.page);
  // A second view comes from the cache and shows the same number.
  await lead.page.reload();
  expect(await activeEngagements(lead.page)).toBe(before);

  const coordinator = await ownBrowser(browser);
  await useSessionOf(coordinator.page, "COORDINATOR");
  const page = coordinator.page;
  await page.goto("/participants/new");
  await page.getByLabel("Name", { exact: true }).fill(`Fresh Numbers ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByText("The participant was added.")).toBeVisible();
  await page.getByRole("link", { name: "Add an engagement" }).click();
  await page.locator("#engagement-sdoId").selectOption("SDO-W3C");
  const webCrypto = page.locator("#engagement-committeeId option", { hasText: "W3C Web Cryptography WG" });
  await expect(webCrypto).toHaveCount(1);
  await page.locator("#engagement-committeeId").selectOption((await webCrypto.getAttribute("value"))!);
  await page.getByLabel("Role").selectOption("MEMBER");
  await page.getByLabel(/^Attend/).check();
  await page.getByLabel("Start date").fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Add engagement" }).click();
  await expect(page.getByText("The engagement was added.")).toBeVisible();

  await lead.page.reload();
  await expect(lead.page.getByRole("heading", { level: 1, name: "Coverage dashboard" })).toBeVisible();
  expect(await activeEngagements(lead.page)).toBe(before + 1);
  await coordinator.context.close();
  await lead.context.close();
});

test("the 'being prepared' page is accessible, says when it refreshes, and returns only to the dashboard", async ({ browser }) => {
  const lead = await ownBrowser(browser);
  await useSessionOf(lead.page, "LEAD");
  const response = await lead.page.goto("/dashboard/preparing?next=%2Fdashboard%3Ffy%3D2025&retry=30");
  expect(response?.status()).toBe(503);
  expect(response?.headers()["retry-after"]).toBe("30");
  await expect(lead.page.getByRole("heading", { level: 1, name: "The report is being prepared" })).toBeVisible();
  await expect(lead.page.getByRole("status")).toContainText("refreshes in 30 seconds");
  await expectNoAxeViolations(lead.page);
  await screenshots(lead.page, "dashboard-preparing");
  // The refresh can be stopped (WCAG 2.2.1), by keyboard.
  await lead.page.getByRole("button", { name: "Stop the automatic refresh" }).focus();
  await lead.page.keyboard.press("Enter");
  await expect(lead.page.getByRole("status")).toContainText("The automatic refresh is stopped");
  await lead.page.getByRole("link", { name: "Try again now" }).click();
  await expect(lead.page).toHaveURL(/\/dashboard\?fy=2025$/);
  await expect(lead.page.getByRole("heading", { level: 1, name: "Coverage dashboard" })).toBeVisible();

  // Left alone, it goes back to the view by itself; a foreign target falls back to the dashboard.
  await lead.page.goto("/dashboard/preparing?next=https%3A%2F%2Fevil.example%2F&retry=1");
  await expect(lead.page).toHaveURL(/\/dashboard$/);
  await expect(lead.page.getByRole("heading", { level: 1, name: "Coverage dashboard" })).toBeVisible();
  await lead.context.close();
});
