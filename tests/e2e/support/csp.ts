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
