import { defineConfig } from "@playwright/test";
import { PORT, scaled } from "./tests/e2e/support/environment";
import { oidcServerEnv } from "./tests/e2e/support/oidc-environment";

// End-to-end tests run the real embedded demo (fresh PGlite folder, migrations, seed,
// demo accounts, demo data) under `next start`, driven by Debian's Chromium.
// Every timeout is a safety net scaled for a loaded machine (support/environment.ts);
// none of them is what a test checks.
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data/e2e/pglite";

export default defineConfig({
  testDir: "tests/e2e",
  // One folder per port, so parallel runs in one checkout don't delete each other's files.
  outputDir: `test-results/e2e-${PORT}`,
  // Two workers (E2E_WORKERS to change): files run one after another in a worker, so the
  // serial journeys (coverage, participation, imports) keep their order; foundation's
  // read-only tests spread over both. The journeys running side by side write disjoint
  // data (new NIST records, a new SDO, scoring settings read only by coverage itself),
  // and no assertion reads another file's records.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  timeout: scaled(60_000),
  expect: { timeout: scaled(15_000) },
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A trace records DOM snapshots around every action of every test, in the browser and in
    // the runner, to keep only a failing test's: a fifth of the run's CPU here. Kept where
    // someone can open it; off in CI, whose clone's files nobody looks at (the failure's
    // message, call log and the server's output are in the log). E2E_TRACE=1 or 0 decides.
    trace: (process.env.E2E_TRACE ?? (process.env.CI ? "0" : "1")) === "0" ? "off" : "retain-on-failure",
    // Bounded by the test's timeout; set so a stuck page.goto or click names itself.
    navigationTimeout: scaled(45_000),
    actionTimeout: scaled(30_000),
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's chromium-headless-shell (scripts/ensure-chromium.sh): the old headless
      // build, which Playwright's own downloads use for headless runs. On these 2-core
      // virtual machines a page view in a fresh context cost it a third of the CPU of the
      // full browser in new-headless mode (8 views: 7.3 s against 21 s). A run to watch
      // (--headed) needs the full browser: CHROMIUM_PATH=/usr/bin/chromium.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ],
    },
  },
  projects: [
    // Signs in once per demo role and saves the browser state that the tests reuse.
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "e2e", testMatch: /\.spec\.ts$/, dependencies: ["setup"] },
  ],
  webServer: {
    command: `npx tsx scripts/demo.ts --fresh --port ${PORT} --data-dir ${DATA_DIR}`,
    url: `http://127.0.0.1:${PORT}/sign-in`,
    // Migrations, seed and demo data (~11 s idle), plus `next build` when the build is
    // missing or stale (~35 s idle): minutes on a loaded 2-core machine.
    timeout: scaled(300_000),
    reuseExistingServer: false,
    // One OpenID Connect provider (Login.gov's profile) whose test server oidc.spec.ts
    // starts; the other specs only see its button on the sign-in page.
    env: oidcServerEnv(),
    stdout: "pipe",
    stderr: "pipe",
  },
});
