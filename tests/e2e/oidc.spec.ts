// OpenID Connect sign-in in Chromium against a real local provider (oidc-provider on
// 127.0.0.1, support/test-idp.ts) with Login.gov's profile (private_key_jwt, PKCE, nonce,
// state, acr_values): a first sign-in waits for an admin; approved as coordinator of NSA,
// the person sees NSA's records only; a bad nonce, state, issuer, audience or an expired
// ID token is refused with a clear message; a role requiring PIV/CAC refuses an AAL2
// sign-in and accepts a PIV/CAC one.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, screenshots, useSessionOf } from "./support/auth";
import { PORT } from "./support/environment";
import { ACR_AAL2, ACR_PIV, OIDC_PROVIDER_NAME } from "./support/oidc-environment";
import { startTestIdp, type Tamper, type TestAccount, type TestIdp } from "./support/test-idp";

test.describe.configure({ mode: "serial" });

let idp: TestIdp;
const run = Date.now().toString(36);
const pat: TestAccount = { sub: `pat-${run}`, email: `pat.${run}@nsa.example.gov`, name: `Pat Okafor ${run}`, acr: ACR_AAL2, amr: ["pwd", "otp"] };
const BUTTON = `Continue with ${OIDC_PROVIDER_NAME}`;

test.beforeAll(async () => {
  idp = await startTestIdp();
});

test.afterAll(async () => {
  await idp?.close();
});

/** A fresh browser (no session anywhere) signs in through the provider as `account`. */
async function signInThroughIdp(browser: Browser, account: TestAccount, tamper: Tamper = "none"): Promise<Page> {
  idp.nextLogin = account;
  idp.tamper = tamper;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: BUTTON }).click();
  // Back on the app, past next-auth's callback: the home page, the pending page or sign-in with an error.
  await page.waitForURL((url) => url.port === String(PORT) && !url.pathname.startsWith("/api/auth") && url.href !== `http://127.0.0.1:${PORT}/sign-in`);
  return page;
}

test("a first sign-in waits for an admin; approved as coordinator of NSA, the person sees NSA's records only", async ({ browser }) => {
  test.slow();
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/sign-in");
  await expect(anonymous.getByRole("heading", { level: 2, name: "With your identity provider" })).toBeVisible();
  await expect(anonymous.getByRole("button", { name: BUTTON })).toBeVisible();
  await expectNoAxeViolations(anonymous);
  await screenshots(anonymous, "oidc-sign-in");
  await anonymous.context().close();

  const waiting = await signInThroughIdp(browser, pat);
  await expect(waiting).toHaveURL(/\/sign-in\/pending$/);
  await expect(waiting.getByRole("heading", { level: 1, name: "Your access is waiting for an administrator" })).toBeVisible();
  await expectNoAxeViolations(waiting);
  await screenshots(waiting, "oidc-pending");
  // No session: records stay closed.
  await waiting.goto("/engagements");
  await expect(waiting).toHaveURL(/\/sign-in\?callbackUrl=/);
  await waiting.context().close();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await useSessionOf(admin, "ADMIN");
  await admin.goto("/admin/users");
  const request = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name: pat.name }) });
  await expect(request).toContainText(`${pat.email} (verified)`);
  await expect(request).toContainText(`via ${OIDC_PROVIDER_NAME}`);
  await expectNoAxeViolations(admin);
  await screenshots(admin, "oidc-users-pending");
  await request.getByLabel("Role").selectOption("COORDINATOR");
  const nsa = await request.getByLabel(/^Agency/).locator("option", { hasText: /^NSA — / }).getAttribute("value");
  await request.getByLabel(/^Agency/).selectOption(nsa!);
  await request.getByRole("button", { name: `Approve ${pat.name}` }).click();
  // The list is re-rendered without the request; the account is in the users table.
  await expect(admin.getByRole("heading", { level: 3, name: pat.name })).toHaveCount(0);
  await admin.reload();
  await expect(admin.getByRole("row", { name: new RegExp(pat.name) })).toContainText("NSA");
  await adminContext.close();

  const signedIn = await signInThroughIdp(browser, pat);
  await expect(signedIn.getByRole("banner")).toContainText(pat.name);
  await expect(signedIn.getByRole("banner")).toContainText("Coordinator · NSA");
  for (const dir of ["asc", "desc"]) {
    await signedIn.goto(`/engagements?sort=agency&dir=${dir}`);
    const agencies = await signedIn.locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(agencies.length).toBeGreaterThan(0);
    expect(new Set(agencies)).toEqual(new Set(["NSA"]));
  }
  await signedIn.context().close();
});

test("a bad nonce, state, issuer, audience or an expired ID token is refused with a clear message", async ({ browser }) => {
  test.slow();
  for (const tamper of ["nonce", "state", "issuer", "audience", "expired"] as const) {
    const before = idp.tampered;
    const page = await signInThroughIdp(browser, pat, tamper);
    expect(idp.tampered, `the provider misbehaved (${tamper})`).toBe(before + 1);
    await expect(page, tamper).toHaveURL(/\/sign-in\?.*error=OAuthCallback/);
    await expect(page.getByRole("alert").filter({ hasText: "could not be verified" }), tamper).toBeVisible();
    await page.goto("/engagements");
    await expect(page, `${tamper}: no session`).toHaveURL(/\/sign-in\?callbackUrl=/);
    if (tamper === "nonce") {
      await expectNoAxeViolations(page);
      await page.goto("/sign-in?error=OAuthCallback");
      await screenshots(page, "oidc-refused");
    }
    await page.context().close();
  }
  idp.tamper = "none";
  // The same person, with an honest provider, gets in: the refusals were about the tokens.
  const page = await signInThroughIdp(browser, pat);
  await expect(page.getByRole("banner")).toContainText(pat.name);
  await page.context().close();
});

test("a role that requires PIV/CAC refuses an AAL2 sign-in and accepts a PIV/CAC one", async ({ browser }) => {
  test.slow();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await useSessionOf(admin, "ADMIN");
  await admin.goto("/admin/sign-in");
  const coordinatorRow = admin.getByRole("row", { name: /Coordinator/ });
  try {
    await coordinatorRow.getByRole("button", { name: "Require a phishing-resistant authenticator for Coordinator" }).click();
    await expect(coordinatorRow).toContainText("Required");
    await expectNoAxeViolations(admin);
    await screenshots(admin, "oidc-sign-in-rules");

    const refused = await signInThroughIdp(browser, { ...pat, acr: ACR_AAL2, amr: ["pwd", "otp"] });
    await expect(refused).toHaveURL(/\/sign-in\?.*error=AuthenticatorTooWeak/);
    await expect(refused.getByRole("alert").filter({ hasText: "requires a phishing-resistant authenticator (PIV/CAC" })).toBeVisible();
    await refused.context().close();

    const piv = await signInThroughIdp(browser, { ...pat, acr: ACR_PIV, amr: ["sc"] });
    await expect(piv.getByRole("banner")).toContainText(pat.name);
    await piv.context().close();
  } finally {
    await admin.goto("/admin/sign-in");
    const stop = coordinatorRow.getByRole("button", { name: "Stop requiring a phishing-resistant authenticator for Coordinator" });
    if (await stop.isVisible()) {
      await stop.click();
      await expect(coordinatorRow).toContainText("Not required");
    }
    await adminContext.close();
  }
});

test("a person signed in with a password links the identity provider; before that, its sign-in is refused", async ({ browser }) => {
  test.slow();
  const viewer: TestAccount = { sub: `viewer-${run}`, email: "viewer@example.gov", name: "Demo Viewer", acr: ACR_AAL2, amr: ["pwd"] };
  const refused = await signInThroughIdp(browser, viewer);
  await expect(refused).toHaveURL(/\/sign-in\?.*error=OidcLinkRequired/);
  await expect(refused.getByRole("alert").filter({ hasText: "Sign in with your email and password once, then link" })).toBeVisible();
  await refused.context().close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await useSessionOf(page, "VIEWER");
  await page.goto("/account/sign-in-methods");
  await expectNoAxeViolations(page);
  await screenshots(page, "oidc-sign-in-methods");
  idp.nextLogin = viewer;
  idp.tamper = "none";
  await page.getByRole("button", { name: `Link ${OIDC_PROVIDER_NAME}` }).click();
  await page.waitForURL(/\/account\/sign-in-methods\?linked=1/);
  await expect(page.getByRole("status")).toContainText("Your identity provider is linked");
  await expect(page.getByRole("listitem").filter({ hasText: `${OIDC_PROVIDER_NAME} as viewer@example.gov` })).toBeVisible();
  await context.close();

  const direct = await signInThroughIdp(browser, viewer);
  await expect(direct.getByRole("banner")).toContainText("Viewer");
  await direct.context().close();
});
