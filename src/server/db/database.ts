// Opens the database the app runs on: PostgreSQL when a URL is given, otherwise the
// embedded PGlite (real Postgres in WASM). Both sit behind a Prisma driver adapter and
// expose the same raw SQL session used by the migration runner.
// Not "server-only": command-line scripts (migrate, seed, user:create) import it too.
import path from "node:path";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { startPgliteThread } from "./pglite-thread";

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolMax?: number }
  /** dataDir "memory://" keeps everything in memory (tests); loadDataDir starts it from a
   *  dump made by dumpDataDir() (the integration tests' migrated template). */
  | { kind: "pglite"; dataDir: string; loadDataDir?: Blob };

/** One connection for raw SQL: migrations, locks, test fixtures. */
export interface SqlSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script as one simple query. */
  exec(script: string): Promise<void>;
  release(): Promise<void>;
}

export interface Database {
  target: DatabaseTarget;
  prisma: PrismaClient;
  /**
   * For heavy reads that may wait (report computations). PostgreSQL: the same client (every
   * statement has a connection of its own). PGlite: a client whose statements wait in the
   * database thread's background lane, so saves, lists and sign-ins go before them.
   */
  readonly background: PrismaClient;
  /**
   * Raw SQL whose columns are all text (cast them in the query), each row an array of its
   * columns, sent by the driver without Prisma's query engine: the read API's walks (no
   * object per row) and the statements every API call runs (token check, data stamp).
   * `name` prepares the statement once per connection on PostgreSQL.
   */
  textRows(text: string, params: unknown[], name?: string): Promise<(string | null)[][]>;
  session(): Promise<SqlSession>;
  /** PGlite only: the whole data directory as a tarball (loadDataDir's input). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export function targetFromEnv(env: { DATABASE_URL?: string; PGLITE_DATA_DIR: string; DATABASE_POOL_MAX?: number }): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX };
  return { kind: "pglite", dataDir: env.PGLITE_DATA_DIR };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite (${target.dataDir})`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** Synchronous: both drivers connect lazily on the first query. */
export function openDatabase(target: DatabaseTarget): Database {
  return target.kind === "postgres" ? openPostgres(target) : openPglite(target);
}

function openPostgres(target: { kind: "postgres"; url: string; poolMax?: number }): Database {
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolMax ?? 10 });
  // An idle connection the server closes (restart, failover, a dropped test database)
  // emits "error" on the pool; without a listener that would crash the process.
  pool.on("error", (error) => console.warn(`PostgreSQL connection closed: ${error.message}`));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    target,
    prisma,
    background: prisma,
    async textRows(text, params, name) {
      return (await pool.query<(string | null)[]>({ text, values: params, name, rowMode: "array" })).rows;
    },
    async session() {
      const client = await pool.connect();
      return {
        query: async (text, params) => (await client.query(text, params as unknown[])).rows,
        exec: async (script) => {
          await client.query(script);
        },
        release: async () => client.release(),
      };
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Default interactive-transaction bounds on PGlite (explicit options still win). */
export const PGLITE_TRANSACTION = { maxWait: 60_000, timeout: 60_000 } as const;

function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Database {
  const inMemory = target.dataDir.startsWith("memory://");
  const dataDir = inMemory ? target.dataDir : path.resolve(target.dataDir);
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // PGlite runs on its own thread (see pglite-thread.ts): a long statement no longer holds
  // this thread's event loop, so other requests keep being served meanwhile.
  const thread = startPgliteThread(dataDir, target.loadDataDir);
  // One connection: an interactive transaction waits for the one before it to finish, so
  // Prisma's defaults (2 s to start, 5 s to run) would fail a save whenever a report or an
  // import job holds the connection a little longer, as on a busy machine. These bounds
  // are safety nets against a stuck transaction, not response-time targets.
  const prisma = new PrismaClient({ adapter: thread.adapterFactory, transactionOptions: PGLITE_TRANSACTION });
  let background: PrismaClient | null = null;
  return {
    target,
    prisma,
    get background() {
      background ??= new PrismaClient({ adapter: thread.backgroundAdapterFactory, transactionOptions: PGLITE_TRANSACTION });
      return background;
    },
    async textRows(text, params) {
      return (await thread.request("query", { text, params, arrays: true })) as (string | null)[][];
    },
    // PGlite is a single connection; callers must not interleave sessions.
    async session() {
      return {
        query: async (text, params) => (await thread.request("query", { text, params })) as never[],
        exec: async (script) => {
          await thread.request("exec", { script });
        },
        release: async () => {},
      };
    },
    dumpDataDir: async () => new Blob([await thread.request("dumpDataDir", {})]),
    async close() {
      await Promise.all([prisma.$disconnect(), background?.$disconnect()]);
      await thread.close();
    },
  };
}
