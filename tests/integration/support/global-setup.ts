// PostgreSQL runs: recreate the shared test database and migrate it once per run.
// PGlite runs: start one in-memory database, dump it empty, migrate it and dump it again;
// each test file starts its own in-memory database from the migrated dump (setup-app-db.ts)
// instead of migrating again, and each empty database a test asks for (scratchDatabase)
// from the empty one instead of running PGlite's initdb again (about 5 s of a core each).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";
import { BACKEND, databaseUrl, TEST_DATABASE, withAdmin } from "./backend";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite runs: a tarball of a freshly migrated database. */
    pgliteTemplate: string;
    /** PGlite runs: a tarball of a new database before any migration. */
    pgliteEmptyTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  // Previews run in the bundled worker: built fresh from the sources under test.
  const { buildImportWorker } = await import("../../../scripts/build-import-worker.mjs");
  await buildImportWorker();
  if (BACKEND === "pglite") return pgliteTemplates(project);
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

async function pgliteTemplates(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), "set-pglite-template-"));
  const empty = path.join(dir, "empty.tar");
  const migrated = path.join(dir, "migrated.tar");
  const db = openDatabase({ kind: "pglite", dataDir: "memory://" });
  const dumpTo = async (file: string) => writeFile(file, Buffer.from(await (await db.dumpDataDir!()).arrayBuffer()));
  try {
    await dumpTo(empty);
    await applyMigrations(db);
    await dumpTo(migrated);
  } finally {
    await db.close();
  }
  project.provide("pgliteEmptyTemplate", empty);
  project.provide("pgliteTemplate", migrated);
  return () => rm(dir, { recursive: true, force: true });
}
