// Signing in as the demo accounts (through the form, or with the session saved once per
// run by auth.setup.ts), axe checks and screenshots, shared by every e2e spec.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { PORT } from "./environment";

export const DEMO_PASSWORD = "demo-orchid-lantern";

export const DEMO = {
  ADMIN: "admin@example.gov",
  LEAD: "lead@example.gov",
  COORDINATOR: "coordinator@example.gov",
  VIEWER: "viewer@example.gov",
} as const;

export type DemoRole = keyof typeof DEMO;

export const DEMO_ROLES = Object.keys(DEMO) as DemoRole[];

/**
 * Where the "setup" project (auth.setup.ts) saves each role's signed-in browser state,
 * once per run; tests reuse it instead of signing in again. Inside the run's output
 * folder (playwright.config.ts), which Playwright empties at the start of every run.
 */
export function authFile(role: DemoRole): string {
  return `test-results/e2e-${PORT}/.auth/${role.toLowerCase()}.json`;
}

/** Gives the page's browser context the session that the setup project saved for the role. */
export async function useSessionOf(page: Page, role: DemoRole) {
  const state = JSON.parse(await readFile(authFile(role), "utf8")) as { cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0] };
  await page.context().addCookies(state.cookies);
}

/** Signs in through the real sign-in form. */
export async function signIn(page: Page, role: DemoRole, returnTo = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email address").fill(DEMO[role]);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** The axe rules every page is held to: WCAG 2.0/2.1 A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * axe over the page, violations only. Legacy mode runs axe.run in the page itself: the
 * default mode runs every frame separately and then merges the results in a new blank page
 * of its own, which took 3-4 times as long (idle machine: /dashboard 7.0 s against 1.8 s,
 * /standards 3.8 s against 0.9 s) for what it adds, cross-origin frames, which no page of
 * ours has (frame-ancestors 'none', no iframes). Results other than violations are not
 * built (resultTypes), which the tests never read.
 */
export function axeOf(page: Page) {
  return new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).options({ resultTypes: ["violations"] });
}

/** Runs axe (WCAG 2.x A/AA) and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await axeOf(page).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Screenshots are written unless the run is CI's (E2E_SCREENSHOTS=1 writes them there too,
 * E2E_SCREENSHOTS=0 skips them anywhere): they are for people to look at, they assert
 * nothing, and nobody looks at a CI clone's files.
 */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? process.env.E2E_SCREENSHOTS !== "0" : !process.env.CI;

/** Full-page screenshots at desktop and narrow widths, for people to look at. */
export async function screenshots(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  const original = page.viewportSize();
  for (const [label, width] of [["desktop", 1280], ["narrow", 390]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `tests/e2e/screenshots/${name}-${label}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
