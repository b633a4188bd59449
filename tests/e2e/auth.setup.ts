// Signs each demo role in once, through the real sign-in form, and saves its browser
// state (the session cookie) for the tests: a test that needs a role starts signed in
// instead of spending a sign-in of its own. The sign-in form itself is tested in
// foundation.spec.ts.
import { expect, test as setup } from "@playwright/test";
import { authFile, DEMO_ROLES, signIn } from "./support/auth";

// Independent sign-ins: both workers take a share, and no test starts before all four end.
setup.describe.configure({ mode: "parallel" });

for (const role of DEMO_ROLES) {
  setup(`sign in as ${role.toLowerCase()}`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByRole("button", { name: /sign out/i }).first()).toBeAttached();
    await page.context().storageState({ path: authFile(role) });
  });
}
