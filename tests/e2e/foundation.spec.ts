// The foundation in a real browser: anonymous visitors are sent to sign-in from every
// page; each demo role signs in, sees the navigation its role allows, visits every page
// it may use (one test per page and role), and is refused the rest.
// Nothing in this file writes data: its tests run in parallel with each other.
//
// What each role's visit checks, so no page is rendered in a browser more often than it
// tells us something new: the admin's visits run axe on the whole page and check the
// Content-Security-Policy (security.spec.ts checks the pages outside the reference
// section), and take the screenshots. Reference pages differ by role only in the
// navigation, the same on every page of a role, and in the admin's edit controls: so every
// role's home page is visited in the browser (axe, who they are, their navigation), and
// the coordinator's, the lead's and the viewer's other visits check, over HTTP with their
// session, that the page is theirs to read and renders (status 200, its heading).
// Anonymous redirects are checked over HTTP (status and Location, for every page), and
// once in the browser, through sign-in and back.
import { expect, request as playwrightRequest, test, type Page, type Response } from "@playwright/test";
import { authFile, DEMO, DEMO_PASSWORD, expectNoAxeViolations, screenshots, signIn, type DemoRole } from "./support/auth";
import { collectConsoleErrors, expectEnforcedPolicy, violations, watchCsp, watchRequests } from "./support/csp";
import { PORT } from "./support/environment";

const BASE = `http://127.0.0.1:${PORT}`;

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
    test(`are sent to sign-in from ${path}`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      const location = new URL(response.headers().location ?? "", BASE);
      expect(location.pathname).toBe("/sign-in");
      expect(location.searchParams.get("callbackUrl")).toBe(path);
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
    await page.goto("/core-areas/CA-CRYPTO");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Sign in");
    await page.getByLabel("Email address").fill(DEMO.VIEWER);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/core-areas\/CA-CRYPTO$/);
    await page.context().clearCookies();
    await signIn(page, "VIEWER", "https://evil.example.com/");
    expect(new URL(page.url()).host).toBe(new URL(page.url()).host);
    expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});

/** An HTTP client (no browser) holding the role's saved session. */
const httpClientOf = (role: DemoRole) => playwrightRequest.newContext({ baseURL: BASE, storageState: authFile(role) });

/** Opens the page in the browser: status 200, a visible heading, axe clean, screenshots if named. */
async function visitWithAxe(page: Page, path: string, shot: string | null): Promise<Response | null> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  if (shot) await screenshots(page, shot);
  return response;
}

const ROLE_NAMES: Record<DemoRole, RegExp> = { ADMIN: /Administrator/, LEAD: /Lead/, COORDINATOR: /Coordinator.*NIST/, VIEWER: /Viewer/ };

/** The banner names the role, and the navigation offers Users to the admin only. */
async function expectWhoAndNavigation(page: Page, role: DemoRole) {
  await expect(page.getByRole("banner")).toContainText(ROLE_NAMES[role]);
  const usersLink = page.getByRole("navigation", { name: /main|primary/i }).getByRole("link", { name: "Users", exact: true });
  await expect(usersLink).toHaveCount(role === "ADMIN" ? 1 : 0);
}

for (const role of ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"] as const) {
  test.describe(`${role.toLowerCase()}`, () => {
    // Signed in once per run by the setup project (auth.setup.ts); nothing here writes
    // data, so these tests may run on any worker, in any order.
    test.use({ storageState: authFile(role) });
    test.describe.configure({ mode: "parallel" });

    // One test per page: each page has its own time budget, and a failure names it.
    for (const [path, name] of REFERENCE_PAGES) {
      const shot = role === "ADMIN" || path === "/" ? `${role.toLowerCase()}-${name}` : null;
      // The home page also checks who they are and the navigation their role allows.
      const home = path === "/" ? ", who they are and their navigation" : "";
      if (role === "ADMIN") {
        test(`visits ${path}: content, axe, content security policy${home}`, async ({ page, context }) => {
          await watchCsp(context);
          const consoleErrors = collectConsoleErrors(page);
          const settled = watchRequests(page);
          const response = await visitWithAxe(page, path, shot);
          if (home) await expectWhoAndNavigation(page, role);
          expectEnforcedPolicy(response, path);
          await settled();
          expect(await violations(page, consoleErrors), path).toEqual([]);
        });
      } else if (path === "/") {
        test(`visits ${path}: content, axe, screenshots${home}`, async ({ page }) => {
          await visitWithAxe(page, path, shot);
          if (home) await expectWhoAndNavigation(page, role);
        });
      } else {
        test(`reads ${path} (status and heading, over HTTP)`, async () => {
          const client = await httpClientOf(role);
          const response = await client.get(path, { maxRedirects: 0 });
          expect(response.status(), path).toBe(200);
          expect(await response.text(), path).toMatch(/<h1[\s>]/);
          await client.dispose();
        });
      }
    }

    // The forbidden page is the same for every role but its navigation: axe runs on the
    // viewer's; the lead and the coordinator are checked to be sent there, over HTTP.
    if (role === "ADMIN" || role === "VIEWER") {
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
    } else {
      test("is refused the users page (sent to /forbidden, over HTTP)", async () => {
        const client = await httpClientOf(role);
        const response = await client.get("/admin/users", { maxRedirects: 0 });
        expect(response.status()).toBe(307);
        expect(new URL(response.headers().location ?? "", BASE).pathname).toBe("/forbidden");
        await client.dispose();
      });
    }

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
