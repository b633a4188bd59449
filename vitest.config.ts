import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // Next.js resolves "server-only" to a no-op on the server; outside Next it throws.
  "server-only": path.resolve(import.meta.dirname, "tests/integration/support/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Timeouts here are safety nets for a loaded machine (vitest's default is 5 s; the
        // largest unit test takes ~2 s on an idle 2-core machine), never a speed check:
        // speed is measured in bench/.
        // Worker threads, each file still isolated in its own: on 2-core virtual machines a
        // forked process per file cost more than the tests (31 s against 21 s for the unit run).
        test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node", pool: "threads", testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          // Test files share one PostgreSQL test database.
          fileParallelism: false,
          globalSetup: ["tests/integration/support/global-setup.ts"],
          setupFiles: ["tests/integration/support/setup-app-db.ts"],
          // Safety nets, not speed checks: on a loaded 2-core machine the PGlite run's
          // largest file took 34 s and its slowest test 7 s.
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
