// Points the app's own database module (src/server/db/app-database.ts) at the test
// database before any test imports it, so data functions run against real Postgres.
import { afterAll, beforeAll } from "vitest";
import { BACKEND, databaseUrl, TEST_DATABASE } from "./backend";

if (BACKEND === "postgres") {
  process.env.DATABASE_URL = databaseUrl(TEST_DATABASE);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}

beforeAll(async () => {
  if (BACKEND !== "pglite") return;
  const { appDatabase } = await import("@/server/db/app-database");
  const { applyMigrations } = await import("@/server/db/migrate");
  await applyMigrations(appDatabase());
});

afterAll(async () => {
  const holder = globalThis as { __appDatabase?: { close(): Promise<void> } };
  await holder.__appDatabase?.close();
  delete holder.__appDatabase;
});
