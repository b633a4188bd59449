// Content-Security-Policy checks shared by the specs that visit pages as the admin.
import { expect, type BrowserContext, type Page, type Response } from "@playwright/test";

/** Collects the CSP violations the page reports, from before its first script runs. */
export async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
    document.addEventListener("securitypolicyviolation", (e) => {
      list.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

/** Console errors of the page, kept for `violations` (the browser logs some CSP refusals only there). */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

/**
 * Starts counting the page's requests; the function it returns waits until none is in
 * flight and none started or ended for 500 ms (all of a page's resources in, so the
 * browser has reported any it refused). Playwright's own "networkidle" can miss its moment
 * when the last requests end before DOMContentLoaded and nothing follows
 * (microsoft/playwright#42598): then it never comes.
 */
export function watchRequests(page: Page): () => Promise<void> {
  let inFlight = 0;
  let last = Date.now();
  const started = () => {
    inFlight++;
    last = Date.now();
  };
  const ended = () => {
    inFlight--;
    last = Date.now();
  };
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  return () => expect.poll(() => inFlight === 0 && Date.now() - last >= 500, { message: "the page's requests to settle", intervals: [100] }).toBe(true);
}

/** The violations reported so far, by the event listener and on the console. */
export async function violations(page: Page, consoleErrors: string[]): Promise<string[]> {
  const fromEvents = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  return [...fromEvents, ...consoleErrors.filter((m) => /Content Security Policy/i.test(m))];
}

/** The response carries the enforced policy: nonce-based scripts, no framing. */
export function expectEnforcedPolicy(response: Response | null, path: string) {
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect(csp, path).toContain("frame-ancestors 'none'");
}
