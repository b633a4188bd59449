// What the e2e run is configured by, shared by playwright.config.ts and the specs.

/** The demo server's port; E2E_PORT lets two runs on one machine keep apart. */
export const PORT = Number(process.env.E2E_PORT ?? 3200);

// Timeouts are safety nets against a hung test, never the thing being tested: a loaded
// machine (CI on 2 shared cores) is slower, so every budget is multiplied by one factor.
// E2E_TIMEOUT_FACTOR sets it; otherwise it is 2 when CI is set and 1 elsewhere.
const fromEnv = Number(process.env.E2E_TIMEOUT_FACTOR);

export const TIMEOUT_FACTOR = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : process.env.CI ? 2 : 1;

/** A budget in milliseconds, scaled for this machine. */
export function scaled(ms: number): number {
  return Math.round(ms * TIMEOUT_FACTOR);
}
