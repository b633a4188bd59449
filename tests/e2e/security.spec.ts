// Security hardening (issue 16) in a real browser against the production build:
// - every page loads with the Content-Security-Policy enforced and the browser reports no
//   violation (axe and the dashboard's charts included), and the policy really blocks an
//   injected inline script;
// - the security headers are sent;
// - signing out and deactivation end a copied session token at once, for downloads and for
//   /api/auth/session renewal;
// - cross-site state-changing requests, impossible filter dates and addresses with NUL are
//   refused with a reason, never a 500.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { authFile, expectNoAxeViolations, screenshots } from "./support/auth";
import { collectConsoleErrors, expectEnforcedPolicy, violations, watchCsp, watchRequests } from "./support/csp";
import { PORT } from "./support/environment";

const BASE = `http://127.0.0.1:${PORT}`;

// The admin's pages outside the reference section, one test each (foundation.spec.ts checks the
// policy on every reference page during the admin's visits there).
const ADMIN_PAGES = [
  "/participants", "/participants/new", "/engagements", "/engagements/new", "/activities", "/activities/new",
  "/dashboard", "/dashboard/records", "/dashboard/report", "/data-calls", "/api-tokens", "/account",
  "/admin/users", "/admin/coverage", "/admin/imports", "/audit", "/sign-out", "/no-such-page",
];

test.describe("content security policy", () => {
  test.use({ storageState: authFile("ADMIN") });
  // Nothing here writes data: the pages spread over the workers.
  test.describe.configure({ mode: "parallel" });

  for (const path of ADMIN_PAGES) {
    test(`${path} loads with the policy enforced and reports no violation (axe included)`, async ({ page, context }) => {
      await watchCsp(context);
      const consoleErrors = collectConsoleErrors(page);
      const settled = watchRequests(page);
      const response = await page.goto(path);
      expectEnforcedPolicy(response, path);
      await settled();
      if (path === "/dashboard") await expect(page.locator(".recharts-surface").first()).toBeVisible();
      await expectNoAxeViolations(page);
      expect(await violations(page, consoleErrors), path).toEqual([]);
    });
  }

  test("the policy blocks a script injected into the page and the test would see it", async ({ page, context }) => {
    await watchCsp(context);
    await page.goto("/objectives");
    const ran = await page.evaluate(() => {
      // An inline handler without the nonce: what an HTML injection would look like.
      const button = document.createElement("button");
      button.setAttribute("onclick", "window.__injected = true");
      document.body.append(button);
      button.click();
      button.remove();
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations(page, [])).toEqual([expect.stringMatching(/^script-src-attr blocked inline/)]);
  });

  test("sends the security headers, and no HSTS over plain http", async ({ request }) => {
    const response = await request.get("/sign-in");
    const headers = response.headers();
    expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["strict-transport-security"]).toBeUndefined(); // NEXTAUTH_URL is http here
  });
});

test.describe("sessions end", () => {
  test.describe.configure({ mode: "serial" });
  const stamp = Date.now().toString(36);
  const email = `session-${stamp}@example.gov`;
  // The admin sets the first password; the first sign-in must replace it (forced change).
  let password = `Session-test-${stamp}`;
  const chosen = `Chosen meadow words ${stamp}`;

  /** Signs the new user in through the form in a browser of its own. */
  async function signedInBrowser(browser: import("@playwright/test").Browser) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    if (new URL(page.url()).pathname === "/account/password") {
      await page.getByLabel("Current password").fill(password);
      await page.getByLabel("New password", { exact: true }).fill(chosen);
      await page.getByLabel("New password again").fill(chosen);
      await page.getByRole("button", { name: "Change password" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      password = chosen;
    }
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie).toBeDefined();
    return { context, page, cookie: `${cookie!.name}=${cookie!.value}` };
  }

  /** A client outside the browser holding a copy of the session cookie. */
  const copiedTokenClient = (cookie: string) => playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { cookie } });

  test("an admin creates an account for these tests (a password over 72 bytes is refused)", async ({ browser }) => {
    const context = await browser.newContext({ storageState: authFile("ADMIN") });
    const page = await context.newPage();
    await page.goto("/admin/users");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Full name").fill(`Session Tester ${stamp}`);
    await page.getByLabel("Role").selectOption("VIEWER");
    // 37 two-byte letters fit the 72 characters of the field but not bcrypt's 72 bytes.
    await page.getByLabel("Initial password").fill("é".repeat(37));
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.locator("#user-password-error")).toContainText("at most 72 bytes");
    await screenshots(page, "users-password-too-long");
    await page.getByLabel("Initial password").fill(password);
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("status").filter({ hasText: email })).toBeVisible();
    await context.close();
  });

  test("signing out ends a copied token at once: no download, no renewal", async ({ browser }) => {
    const { context, page, cookie } = await signedInBrowser(browser);
    const copy = await copiedTokenClient(cookie);
    expect((await copy.get("/engagements/export?format=csv")).status()).toBe(200);
    expect(await (await copy.get("/api/auth/session")).json()).toMatchObject({ user: { email } });

    await page.getByRole("button", { name: /sign out/i }).first().click();
    await page.waitForURL(/\/sign-in/);

    const download = await copy.get("/engagements/export?format=csv");
    expect(download.status()).toBe(401);
    expect(await (await copy.get("/api/auth/session")).json()).toEqual({});
    await copy.dispose();
    await context.close();
  });

  test("deactivation ends the user's sessions at once", async ({ browser }) => {
    const { context, cookie } = await signedInBrowser(browser);
    const copy = await copiedTokenClient(cookie);
    expect((await copy.get("/engagements/export?format=csv")).status()).toBe(200);

    const admin = await browser.newContext({ storageState: authFile("ADMIN") });
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/users");
    await adminPage.getByRole("row", { name: new RegExp(email) }).getByRole("button", { name: /Deactivate/ }).click();
    await expect(adminPage.getByRole("row", { name: new RegExp(email) })).toContainText("Deactivated");

    expect((await copy.get("/engagements/export?format=csv")).status()).toBe(401);
    expect(await (await copy.get("/api/auth/session")).json()).toEqual({});
    await copy.dispose();
    await admin.close();
    await context.close();
  });

  test("a failed sign-in is in the audit log, without the password", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(`typo-${stamp}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#sign-in-error")).toHaveText("Email or password is incorrect.");
    await context.close();

    const admin = await browser.newContext({ storageState: authFile("ADMIN") });
    const adminPage = await admin.newPage();
    await adminPage.goto("/audit?entityType=Session");
    const event = adminPage.getByRole("listitem").filter({ hasText: "Failed sign-in" }).filter({ hasText: email }).first();
    await expect(event).toBeVisible();
    await expect(adminPage.getByRole("main")).not.toContainText(`typo-${stamp}`);
    await expectNoAxeViolations(adminPage);
    await screenshots(adminPage, "audit-failed-sign-in");
    await admin.close();
  });
});

test.describe("requests are checked", () => {
  test.use({ storageState: authFile("ADMIN") });

  test("a cross-site POST to a route handler or a page is refused before it runs", async ({ request }) => {
    for (const path of ["/api/auth/signout", "/api/auth/callback/credentials", "/engagements/new"]) {
      const response = await request.post(path, { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, form: { a: "b" } });
      expect(response.status(), path).toBe(403);
      expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(/did not come from this site/) } });
    }
  });

  test("read routes with personal data are not cached", async ({ request }) => {
    for (const path of ["/api/options/participants?q=a", "/engagements/export?format=json", "/api/auth/session"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["cache-control"], path).toMatch(/no-store/);
    }
  });

  test("impossible dates: lists and the audit log still load, the lists say which filter they ignored, an export says why it refuses", async ({ page, request }) => {
    // The audit log loads; each list loads and names the filter it ignored (one visit each).
    expect((await page.goto("/audit?to=2025-13-45"))?.status()).toBe(200);
    for (const [path, name] of [["/engagements?to=2025-13-45", "to"], ["/activities?from=2025-02-30", "from"]] as const) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      const notice = page.getByRole("status").filter({ hasText: "ignored" });
      await expect(notice, path).toContainText(`${name}: use a real date`);
    }
    await expectNoAxeViolations(page);
    await screenshots(page, "activities-ignored-filter");
    const response = await request.get("/engagements/export?format=csv&to=2025-13-45");
    expect(response.status()).toBe(400);
    expect(await response.text()).toMatch(/to: use a real date/);
  });

  test("addresses with NUL or broken encoding get a 400 with the reason, never a 500", async ({ request }) => {
    for (const path of ["/engagements?q=%00", "/sdos/%00x", "/audit?actor=%00", "/standards/%ED%A0%80", "/dashboard/records?agency=%00"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expect(await response.text(), path).toMatch(/control characters|not valid text/);
    }
  });

  test("a server action body over 100 KB is refused, and the browser learns only a reference", async ({ browser }) => {
    const context = await browser.newContext({ storageState: authFile("COORDINATOR") });
    const page = await context.newPage();
    await page.goto("/participants/new");
    // A real action request (it adds a person of the coordinator's own agency).
    await page.getByLabel("Name", { exact: true }).fill(`Body Limit Probe ${Date.now().toString(36)}`);
    const requestPromise = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "Add participant" }).click();
    const captured = await requestPromise;
    const headers: Record<string, string> = {};
    for (const name of ["next-action", "accept", "next-router-state-tree"]) {
      const value = captured.headers()[name];
      if (value) headers[name] = value;
    }
    headers["content-type"] = "text/plain;charset=UTF-8"; // an encoded reply, as client calls send
    const answer = await page.evaluate(
      async ({ url, headers }) => {
        const body = JSON.stringify([{ name: "x".repeat(200_000) }]);
        const response = await fetch(url, { method: "POST", headers, body });
        return { status: response.status, text: await response.text() };
      },
      { url: captured.url(), headers },
    );
    // Next answers in its action protocol: an error row carrying only the digest, the
    // reference that the server's log line (with the request id) carries too.
    expect(answer.text).toMatch(/"digest":"\d+"/);
    expect(answer.text).not.toMatch(/exceeded|limit|Error:|at \w|\.ts:|prisma|SELECT/i);
    await context.close();
  });
});
