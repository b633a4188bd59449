// Passwords and sessions in the browser: an admin's reset makes the person choose a new
// password before anything else; a person changes their own (current password required);
// "sign out everywhere" ends the other browser's session at once. A fresh account, so
// the demo accounts' saved sessions stay intact for the other specs.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, expectNoAxeViolations, screenshots } from "./support/auth";

test.describe("passwords and sessions", () => {
  test.describe.configure({ mode: "serial" });
  const stamp = Date.now().toString(36);
  const email = `account-${stamp}@example.gov`;
  const name = `Account Tester ${stamp}`;
  let password = `Initial quarry words ${stamp}`;

  async function signInAs(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    return { page, close: () => context.close() };
  }

  async function changePassword(page: Page, from: string, to: string) {
    await page.getByLabel("Current password").fill(from);
    await page.getByLabel("New password", { exact: true }).fill(to);
    await page.getByLabel("New password again").fill(to);
    await page.getByRole("button", { name: "Change password" }).click();
  }

  test("an admin resets a person's password to a temporary one", async ({ browser }) => {
    test.slow(); // several pages and axe runs on a shared machine
    const admin = await browser.newContext({ storageState: authFile("ADMIN") });
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/users");
    await adminPage.getByLabel("Email address").fill(email);
    await adminPage.getByLabel("Full name").fill(name);
    await adminPage.getByLabel("Role").selectOption("VIEWER");
    await adminPage.getByLabel("Initial password").fill(password);
    await adminPage.getByRole("button", { name: "Create user" }).click();
    await expect(adminPage.getByRole("status").filter({ hasText: email })).toBeVisible();

    await adminPage.getByRole("link", { name }).click();
    await expect(adminPage.getByRole("heading", { level: 1, name })).toBeVisible();
    await expectNoAxeViolations(adminPage);
    await screenshots(adminPage, "admin-user");
    await adminPage.getByLabel("Generate a temporary password").check();
    await adminPage.getByRole("button", { name: "Reset password" }).click();
    const temporary = adminPage.getByLabel(/Temporary password \(shown once/);
    await expect(temporary).toHaveValue(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    await expectNoAxeViolations(adminPage);
    await screenshots(adminPage, "admin-user-reset");
    password = await temporary.inputValue();
    await admin.close();
  });

  test("after the reset the person must choose a new password before anything else", async ({ browser }) => {
    test.slow();
    const { page, close } = await signInAs(browser);
    await expect(page).toHaveURL(/\/account\/password/);
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshots(page, "account-password-required");
    // Nothing else is reachable until the password is changed.
    await page.goto("/objectives");
    await expect(page).toHaveURL(/\/account\/password\?callbackUrl=%2Fobjectives/);
    // A common password is refused with a field error.
    await changePassword(page, password, "qwerty123456");
    await expect(page.locator("#account-newPassword-error")).toContainText("commonly used");
    await expectNoAxeViolations(page);
    await screenshots(page, "account-password-error");
    const chosen = `Amber meadow lantern ${stamp}`;
    await changePassword(page, password, chosen);
    password = chosen;
    await page.waitForURL((url) => url.pathname === "/objectives");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await close();
  });

  test("a person changes their own password (current password required)", async ({ browser }) => {
    test.slow();
    const { page, close } = await signInAs(browser);
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshots(page, "account");
    await page.getByRole("link", { name: "Change your password" }).click();
    await changePassword(page, "not my password at all", `Other words ${stamp}`);
    await expect(page.locator("#account-currentPassword-error")).toHaveText("Your current password is not right");
    const chosen = `Copper river stones ${stamp}`;
    await changePassword(page, password, chosen);
    password = chosen;
    await page.waitForURL((url) => url.pathname === "/account");
    await close();
  });

  test("sign out everywhere ends the session in another browser at once", async ({ browser }) => {
    test.slow();
    const first = await signInAs(browser);
    const second = await signInAs(browser);
    await second.page.goto("/account");
    await expect(second.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    await first.page.goto("/account");
    await first.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await first.page.waitForURL(/\/sign-in/);

    await second.page.goto("/account");
    await expect(second.page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
    await first.close();
    await second.close();
  });
});
