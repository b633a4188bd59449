// Personal access tokens in the browser: a coordinator opens "API tokens" from the
// navigation, creates a token (shown once), copies it, reads /api/v1/engagements with it
// (their agency's rows only), revokes it on the page, and the same request gets 401; an
// admin then sees that token among everyone's, with its owner. The read API page, reached
// from the tokens page, lists every endpoint with its parameters and an example curl.
import { expect, test } from "@playwright/test";
import { authFile, expectNoAxeViolations, screenshots } from "./support/auth";
import { PORT } from "./support/environment";

test.describe.configure({ mode: "serial" });
test.use({ storageState: authFile("COORDINATOR") });

const name = `BI dashboard ${Date.now().toString(36)}`;

test("a coordinator creates a token, reads the API with it, revokes it", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Keyboard only: type the name, keep the default expiry, submit with Enter.
  await page.getByLabel("Name").fill(name);
  await expect(page.getByLabel("Expires after (days)")).toHaveValue("90");
  await page.getByLabel("Name").press("Enter");
  const secretField = page.getByLabel("Your new token");
  await expect(secretField).toHaveValue(/^set_pat_/);
  await page.getByRole("button", { name: "Copy token" }).click();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toBe(await secretField.inputValue());
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Active until");
  await expectNoAxeViolations(page);
  await screenshots(page, "api-tokens-created");

  const read = await request.get("/api/v1/engagements?limit=1000", { headers: { Authorization: `Bearer ${secret}` } });
  expect(read.status()).toBe(200);
  expect(read.headers()["cache-control"]).toBe("no-store");
  const body = (await read.json()) as { data: { agencyId: string }[]; next: string | null };
  expect(body.data.length).toBeGreaterThan(0);
  expect(new Set(body.data.map((e) => e.agencyId)).size).toBe(1); // a coordinator's agency only

  const row = page.getByRole("row", { name: new RegExp(name) });
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshots(page, "api-tokens-revoked");

  const refused = await request.get("/api/v1/engagements", { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).code).toBe("UNAUTHENTICATED");
});

test("an admin sees everyone's tokens with their owners", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("ADMIN") });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "All tokens" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("coordinator@example.gov");
  await expect(row).toContainText("Revoked");
  await expectNoAxeViolations(page);
  await screenshots(page, "api-tokens-admin");
  await context.close();
});

test("the read API page lists every endpoint with its parameters and an example curl", async ({ page, request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, { get: { parameters: { name: string }[] } }> };
  const paths = Object.keys(doc.paths);
  expect(paths.length).toBe(13);
  await page.goto("/api-tokens");
  await page.getByRole("link", { name: "read API page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Read API" })).toBeVisible();
  for (const path of paths) {
    const section = page.getByRole("region", { name: `GET ${path}` });
    await expect(section).toBeVisible();
    const example = section.locator("pre");
    await expect(example).toHaveText(`curl -H "Authorization: Bearer $TRACKER_TOKEN" "http://127.0.0.1:${PORT}${path}${path.endsWith("coverage") ? "?fy=2025" : path.endsWith("audit") ? "?from=2025-01-01&limit=100" : path.endsWith("engagements") ? "?status=active&limit=1000" : "?limit=100"}"`);
    for (const parameter of doc.paths[path]!.get.parameters) {
      await expect(section.getByRole("cell", { name: parameter.name, exact: true })).toBeVisible();
    }
  }
  // Keyboard: the endpoint index jumps to its section.
  await page.getByRole("link", { name: "/api/v1/audit" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#endpoint-audit$/);
  await expectNoAxeViolations(page);
  await screenshots(page, "api-docs");
  // The examples' paths are served (without a token: the API's JSON 401).
  const unauthenticated = await request.get("/api/v1/coverage?fy=2025");
  expect(unauthenticated.status()).toBe(401);
  expect((await unauthenticated.json()).code).toBe("UNAUTHENTICATED");
});
