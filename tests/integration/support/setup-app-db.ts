// Points the app's own database module (src/server/db/app-database.ts) at the test
// database before any test imports it, so data functions run against real Postgres.
import { afterAll, beforeAll } from "vitest";
import { BACKEND, databaseUrl, pgliteFromTemplate, TEST_DATABASE } from "./backend";

// bcrypt at cost 4 instead of 12 (src/server/auth/password.ts: honoured only under the test
// runner): the sign-in tests count 20+ failures, and the code paths are the same at any cost.
process.env.PASSWORD_HASH_COST_FOR_TESTS = "4";

if (BACKEND === "postgres") {
  process.env.DATABASE_URL = databaseUrl(TEST_DATABASE);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}

// PGlite: this file's own in-memory database, started from the migrated template that
// global-setup.ts dumped once for the run (same migrations, without replaying them).
beforeAll(async () => {
  if (BACKEND !== "pglite") return;
  const holder = globalThis as { __appDatabase?: unknown };
  const db = await pgliteFromTemplate("pgliteTemplate");
  holder.__appDatabase = db;
  // Open before the file's own hooks run: PGlite boots from the template in its worker
  // thread, which under load took longer than a seed transaction's 10 s wait to start.
  await (await db.session()).query("SELECT 1");
});

afterAll(async () => {
  const holder = globalThis as { __appDatabase?: { close(): Promise<void> } };
  await holder.__appDatabase?.close();
  delete holder.__appDatabase;
});
