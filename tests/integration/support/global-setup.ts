// PostgreSQL runs: recreate the shared test database and migrate it once per run.
// PGlite runs: each test file migrates its own in-memory database (setup-app-db.ts).
import { openDatabase } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";
import { BACKEND, databaseUrl, TEST_DATABASE, withAdmin } from "./backend";

export default async function setup() {
  // Previews run in the bundled worker: built fresh from the sources under test.
  const { buildImportWorker } = await import("../../../scripts/build-import-worker.mjs");
  await buildImportWorker();
  if (BACKEND !== "postgres") return;
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${TEST_DATABASE}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${TEST_DATABASE}"`);
  });
  const db = openDatabase({ kind: "postgres", url: databaseUrl(TEST_DATABASE) });
  try {
    await applyMigrations(db);
  } finally {
    await db.close();
  }
}
