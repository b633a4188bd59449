// Which database the integration run targets: TEST_BACKEND=postgres (default) or pglite.
// Every integration test runs on both (npm run test:int:pg and test:int:pglite).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "@/server/db/database";

export type Backend = "postgres" | "pglite";

export const BACKEND: Backend = process.env.TEST_BACKEND === "pglite" ? "pglite" : "postgres";

/** The shared integration database; TEST_DATABASE lets two checkouts test side by side. */
export const TEST_DATABASE = process.env.TEST_DATABASE ?? "set_integration";

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  db: Database;
  /** A second, independent connection to the same database (PostgreSQL only). */
  openAnother(): Database;
  dispose(): Promise<void>;
}

/**
 * PGlite: a new in-memory database started from one of the dumps global-setup.ts took, the
 * migrated one (each test file's own database) or the one before any migration (the same
 * files initdb writes, without running it again).
 */
export async function pgliteFromTemplate(template: "pgliteTemplate" | "pgliteEmptyTemplate"): Promise<Database> {
  const dump = new Blob([await readFile(inject(template))]);
  return openDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir: dump });
}

/** PGlite: a new, empty in-memory database. */
export const emptyPgliteDatabase = () => pgliteFromTemplate("pgliteEmptyTemplate");

/** A new, empty database on the current backend, dropped by dispose(). */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  if (BACKEND === "pglite") {
    const db = await emptyPgliteDatabase();
    return {
      db,
      openAnother: () => {
        throw new Error("PGlite has a single connection");
      },
      dispose: () => db.close(),
    };
  }
  const name = `set_scratch_${randomBytes(6).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const opened: Database[] = [];
  const open = () => {
    const db = openDatabase({ kind: "postgres", url: databaseUrl(name) });
    opened.push(db);
    return db;
  };
  const db = open();
  return {
    db,
    openAnother: open,
    async dispose() {
      await Promise.all(opened.map((d) => d.close()));
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
