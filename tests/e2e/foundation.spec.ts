// The foundation in a real browser: anonymous visitors are sent to sign-in from every
// page; each demo role signs in, sees the navigation its role allows, visits every page
// it may use (one test per page and role; axe where the page differs by role), and is
// refused the rest.
// Nothing in this file writes data: its tests run in parallel with each other.
import { expect, test } from "@playwright/test";
import { authFile, DEMO, DEMO_PASSWORD, expectNoAxeViolations, screenshots, signIn, type DemoRole } from "./support/auth";

const REFERENCE_PAGES = [
  ["/", "home"],
  ["/objectives", "objectives"],
  ["/recommendations", "recommendations"],
  ["/recommendations/1", "recommendation-1"],
  ["/core-areas", "core-areas"],
  ["/core-areas/CA-CRYPTO", "core-area-crypto"],
  ["/key-applications", "key-applications"],
  ["/key-applications/APP-CLOUD", "key-application-cloud"],
  ["/sdos", "sdos"],
  ["/sdos/SDO-ISOIEC-JTC1", "sdo-jtc1"],
  ["/committees/C-SC27", "committee-sc27"],
  ["/standards", "standards"],
  ["/standards?q=27001", "standards-search"],
  ["/standards/STD-18033", "standard-18033"],
  ["/agencies", "agencies"],
] as const;
const ADMIN_PAGES = [["/admin/users", "admin-users"]] as const;
const ALL_PAGES = [...REFERENCE_PAGES, ...ADMIN_PAGES];

test.describe("anonymous visitors", () => {
  test.describe.configure({ mode: "parallel" });
  for (const [path] of ALL_PAGES) {
    test(`are sent to sign-in from ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
      expect(decodeURIComponent(new URL(page.url()).searchParams.get("callbackUrl") ?? "")).toBe(path);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Sign in");
    });
  }

  test("sign-in page is accessible and a wrong password says only that", async ({ page }) => {
    await page.goto("/sign-in");
    await expectNoAxeViolations(page);
    await screenshots(page, "sign-in");
    await page.getByLabel("Email address").fill(DEMO.ADMIN);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#sign-in-error")).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/sign-in/);
    // An unknown account gets the very same message.
    await page.getByLabel("Email address").fill("nobody@example.gov");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#sign-in-error")).toHaveText("Email or password is incorrect.");
    await expect(page.getByRole("alert").filter({ hasText: /incorrect/ })).toHaveCount(1);
    await expectNoAxeViolations(page);
    await screenshots(page, "sign-in-error");
  });

  test("sign-in returns to the page asked for, never to another site", async ({ page }) => {
    await signIn(page, "VIEWER", "/core-areas/CA-CRYPTO");
    await expect(page).toHaveURL(/\/core-areas\/CA-CRYPTO$/);
    await page.context().clearCookies();
    await signIn(page, "VIEWER", "https://evil.example.com/");
    expect(new URL(page.url()).host).toBe(new URL(page.url()).host);
    expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});

const ROLE_NAMES: Record<DemoRole, RegExp> = { ADMIN: /Administrator/, LEAD: /Lead/, COORDINATOR: /Coordinator.*NIST/, VIEWER: /Viewer/ };

for (const role of ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"] as const) {
  test.describe(`${role.toLowerCase()}`, () => {
    // Signed in once per run by the setup project (auth.setup.ts); nothing here writes
    // data, so these tests may run on any worker, in any order.
    test.use({ storageState: authFile(role) });
    test.describe.configure({ mode: "parallel" });

    test("sees who they are and only the navigation their role allows", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto("/");
      await expect(page.getByRole("banner")).toContainText(ROLE_NAMES[role]);
      const nav = page.getByRole("navigation", { name: /main|primary/i });
      const usersLink = nav.getByRole("link", { name: "Users", exact: true });
      if (role === "ADMIN") await expect(usersLink).toHaveCount(1);
      else await expect(usersLink).toHaveCount(0);
    });

    // One test per page: each page has its own time budget, and a failure names it.
    // Reference pages differ by role only in the navigation (every role's is checked by axe
    // on the home page) and in the admin's edit controls, so the whole page is checked by
    // axe for the admin and the coordinator; a lead's and a viewer's visits check content.
    const fullAxe = role === "ADMIN" || role === "COORDINATOR";
    for (const [path, name] of REFERENCE_PAGES) {
      const axe = fullAxe || path === "/";
      test(`visits ${path}: content${axe ? ", axe" : ""}${role === "COORDINATOR" || path === "/" ? ", screenshots" : ""}`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        if (axe) await expectNoAxeViolations(page);
        if (role === "COORDINATOR" || path === "/") await screenshots(page, `${role.toLowerCase()}-${name}`);
      });
    }

    test(role === "ADMIN" ? "may open the users page" : "is refused the users page", async ({ page }) => {
      await page.goto("/admin/users");
      if (role === "ADMIN") {
        await expect(page.getByRole("heading", { level: 1 })).toContainText("Users");
        await expectNoAxeViolations(page);
        await screenshots(page, "admin-users");
      } else {
        await expect(page).toHaveURL(/\/forbidden$/);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page);
      }
    });

    // Signing out ends every session of the user (issue 16), the one saved for these
    // tests included: security.spec.ts signs out with an account of its own.
  });
}

test.describe("reference content", () => {
  test.use({ storageState: authFile("VIEWER") });
  test.describe.configure({ mode: "parallel" });

  test("home shows the counts", async ({ page }) => {
    await page.goto("/");
    for (const label of [/agencies/i, /participants/i, /active engagements/i, /SDOs/i, /committees/i, /standards/i]) {
      await expect(page.getByRole("main")).toContainText(label);
    }
  });

  test("objectives link to the recommendations that serve them and back", async ({ page }) => {
    await page.goto("/objectives");
    await expect(page.getByRole("heading", { level: 2 })).toHaveCount(4);
    await page.getByRole("link", { name: /Coordinate USG engagement/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Coordinate USG engagement");
  });

  test("SDO page shows the committee tree JTC 1 > SC 27 > WG 2", async ({ page }) => {
    await page.goto("/sdos/SDO-ISOIEC-JTC1");
    const sc27 = page.getByRole("link", { name: /^ISO\/IEC JTC 1\/SC 27$/ }).first();
    await expect(sc27).toBeVisible();
    const wg2 = page.getByRole("link", { name: /ISO\/IEC JTC 1\/SC 27\/WG 2/ }).first();
    await expect(wg2).toBeVisible();
    // WG 2 is nested inside SC 27's list item.
    const nested = page.locator("li", { has: sc27 }).locator("li", { has: wg2 });
    await expect(nested.first()).toBeVisible();
  });

  test("provenance badges show their sources", async ({ page }) => {
    await page.goto("/core-areas/CA-CRYPTO");
    const details = page.locator("details").filter({ hasText: /Inferred/ }).first();
    await details.locator("summary").click();
    await expect(details).toContainText(/FedScoop|8200|S-/i);
  });
});
