import { defineConfig } from "@playwright/test";

// End-to-end tests run the real embedded demo (fresh PGlite folder, migrations, seed,
// demo accounts, demo data) under `next start`, driven by Debian's Chromium.
const PORT = Number(process.env.E2E_PORT ?? 3200);
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data/e2e/pglite";

export default defineConfig({
  testDir: "tests/e2e",
  // One folder per port, so parallel runs in one checkout don't delete each other's files.
  outputDir: `test-results/e2e-${PORT}`,
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
  webServer: {
    command: `npx tsx scripts/demo.ts --fresh --port ${PORT} --data-dir ${DATA_DIR}`,
    url: `http://127.0.0.1:${PORT}/sign-in`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
