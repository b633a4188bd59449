// Prisma's own schema engine (@prisma/schema-engine-wasm) driven over @prisma/adapter-pg,
// because the native engine that `prisma migrate` needs cannot be downloaded here.
// See /work/shared/STACK.md "Prisma 7 offline" for the pitfalls worked around below.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlQueryable,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemasContainer,
} from "@prisma/schema-engine-wasm";

export type { SchemaEngine, MigrationList, SchemasContainer };

export const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** No externally managed tables/enums: everything in the schema is ours. */
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

// ---------------------------------------------------------------------------
// Temporary databases

/** Same server and credentials as `url`, different database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Temporary databases still alive (name -> admin URL), dropped even if the engine panics. */
const liveTempDatabases = new Map<string, string>();

/** Creates an empty database named `<prefix>_<random>` and returns its name. */
export async function createTempDatabase(adminUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  liveTempDatabases.set(name, adminUrl);
  return name;
}

/** FORCE: the engine's pools may still hold connections when we get here. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  liveTempDatabases.delete(name);
}

// ---------------------------------------------------------------------------
// Inputs the engine expects, read from disk

export function schemaContainer(schemaPath: string): SchemasContainer {
  return { files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] };
}

/** The migrations directory in the shape `prisma migrate` hands to the engine. */
export function loadMigrationsList(migrationsDir: string): MigrationList {
  const baseDir = path.resolve(migrationsDir);
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(baseDir, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

// ---------------------------------------------------------------------------
// Driver adapter fixes

type PgResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[] };

const PG_CHAR_OID = 18; // the internal one-byte `"char"` (pg_constraint.contype, ...)
const PG_TEXT_OID = 25;
/** Marks, on a result's rows array, which columns were `"char"`. */
const CHAR_COLUMNS = Symbol("charColumns");
type MarkedRows = unknown[] & { [CHAR_COLUMNS]?: number[] };

// adapter-pg 7.10.1 throws UnsupportedNativeDataType on `"char"` columns, which the
// engine's catalog queries return. Relabel them as text so adapter-pg accepts them, and
// remember where they were: the engine reads them as chars (mapping them to Text makes
// the describer panic on pg_constraint.contype), see `charColumnsAsCharacter`.
function relabelChar<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as (PgResultLike | undefined)[]) {
    const cols: number[] = [];
    r?.fields?.forEach((f, i) => {
      if (f.dataTypeID === PG_CHAR_OID) {
        f.dataTypeID = PG_TEXT_OID;
        cols.push(i);
      }
    });
    if (cols.length > 0 && r?.rows) {
      Object.defineProperty(r.rows, CHAR_COLUMNS, { value: cols, enumerable: false });
    }
  }
  return result;
}

/** pg.Client whose results never carry OID 18; used for pool and transaction clients alike. */
class CharAsTextClient extends pg.Client {
  // pg-pool calls query(text, values, callback); adapter-pg's transactions use the promise form.
  override query(...args: unknown[]): never {
    const superQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    const last = args.at(-1);
    if (typeof last === "function") {
      const cb = last as (err: Error | null, res: unknown) => void;
      args[args.length - 1] = (err: Error | null, res: unknown) => cb(err, err ? res : relabelChar(res));
      return superQuery.apply(this, args) as never;
    }
    const ret = superQuery.apply(this, args);
    return (ret instanceof Promise ? ret.then(relabelChar) : ret) as never;
  }
}

/** Restores the `"char"` columns relabelled by CharAsTextClient as ColumnType Character. */
function charColumnsAsCharacter<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const rs = await queryRaw(query);
    for (const i of (rs.rows as MarkedRows)[CHAR_COLUMNS] ?? []) rs.columnTypes[i] = ColumnTypeEnum.Character;
    return rs;
  };
  return queryable;
}

/** adapter-pg's executeScript splits on ';' (breaks $$ bodies); send the script whole. */
function fixAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  charColumnsAsCharacter(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    charColumnsAsCharacter(await startTransaction(isolationLevel));
  // An argument-less query goes over pg's simple protocol, which accepts many statements
  // and runs them as one implicit transaction; errors keep adapter-pg's mapping.
  adapter.executeScript = async (script: string) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

function pgFactory(url: string): PrismaPg {
  return new PrismaPg({ connectionString: url, Client: CharAsTextClient });
}

// ---------------------------------------------------------------------------
// Loading the wasm module (Node 20 cannot `import` a .wasm file)

type WasmModule = typeof import("@prisma/schema-engine-wasm");
let wasmModule: Promise<WasmModule> | undefined;
/** Timers the engine starts (applyMigrations leaves a 10 s one); cleared on dispose. */
const engineTimers = new Set<NodeJS.Timeout>();

/** The wasm build reports Rust panics through this global before it traps. */
export const panicRegistry = {
  message: undefined as string | undefined,
  set_message(message: string): void {
    this.message = message;
  },
};

/**
 * A Rust panic surfaces as an uncaught RuntimeError ("unreachable") outside any promise
 * we hold, so our finally blocks never run: report the panic, drop the temporary
 * databases, and exit. (This module is meant for CLI scripts, where exiting is right.)
 */
function onUncaught(err: Error): void {
  console.error(panicRegistry.message ? `Schema engine panic: ${panicRegistry.message}` : err);
  const drops = [...liveTempDatabases].map(([name, adminUrl]) => dropDatabase(adminUrl, name));
  void Promise.allSettled(drops).then(() => process.exit(1));
}

async function loadWasm(): Promise<WasmModule> {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY =
    panicRegistry;
  process.once("uncaughtException", onUncaught);
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = (await import(bgPath)) as Record<string, unknown> & WasmModule;
  const imports: Record<string, unknown> = { ...bg };
  for (const name of Object.keys(bg).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (fn: () => void, ms: number) => {
      const t = setTimeout(() => {
        engineTimers.delete(t);
        fn();
      }, ms >>> 0);
      engineTimers.add(t);
      return t;
    };
  }
  const bytes = readFileSync(bgPath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  (bg.__wbg_set_wasm as (exports: WebAssembly.Exports) => void)(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

// ---------------------------------------------------------------------------
// The engine

export interface BoundSchemaEngine {
  engine: SchemaEngine;
  /** Closes connections, drops every shadow database still present, clears the engine's timers. */
  dispose(): Promise<void>;
}

export interface OpenOptions {
  /** The "main" database the engine connects to (must exist). */
  url: string;
  /** Server/credentials used to create and drop shadow databases; defaults to `url`. */
  adminUrl?: string;
  /** Optional datamodels the engine is constructed with. */
  schema?: SchemasContainer;
  /** Receives the engine's log lines (JSON strings); silent by default. */
  log?: (line: string) => void;
}

/**
 * Returns Prisma's schema engine bound to `url`. Each time the engine asks for a shadow
 * database it gets a freshly created temporary one on the same server, dropped when the
 * engine releases it or on dispose(). (adapter-pg's own connectToShadowDb, given a
 * connection string, creates a database but then connects to the main one.)
 */
export async function openSchemaEngine(opts: OpenOptions): Promise<BoundSchemaEngine> {
  wasmModule ??= loadWasm();
  const { SchemaEngine } = await wasmModule;
  const adminUrl = opts.adminUrl ?? opts.url;
  const main = pgFactory(opts.url);
  const shadows = new Set<string>();
  const mainAdapters: SqlDriverAdapter[] = [];

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: main.adapterName,
    connect: async () => {
      const adapter = fixAdapter(await main.connect());
      mainAdapters.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const name = await createTempDatabase(adminUrl, "tmp_shadow");
      shadows.add(name);
      const adapter = fixAdapter(await pgFactory(withDatabase(adminUrl, name)).connect());
      const release = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await release();
        shadows.delete(name);
        await dropDatabase(adminUrl, name);
      };
      return adapter;
    },
  };

  const engine = await SchemaEngine.new(
    { datamodels: opts.schema?.files.map((f): [string, string] => [f.path, f.content]) },
    (line: string) => opts.log?.(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );

  return {
    engine,
    dispose: async () => {
      for (const t of engineTimers) clearTimeout(t);
      engineTimers.clear();
      // Close the main pools so the main database can be dropped and the process exit.
      await Promise.allSettled(mainAdapters.splice(0).map((a) => a.dispose()));
      for (const name of [...shadows]) await dropDatabase(adminUrl, name);
      shadows.clear();
      try {
        engine.free();
      } catch {
        // After a Rust panic the engine is poisoned and cannot be freed; nothing to do.
      }
    },
  };
}

/**
 * Runs `fn` with an engine whose main database is itself a fresh temporary database,
 * so nothing on the server is touched; everything is dropped afterwards.
 */
export async function withScratchEngine<T>(
  adminUrl: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  schema?: SchemasContainer,
): Promise<T> {
  const mainDb = await createTempDatabase(adminUrl, "tmp_main");
  try {
    const bound = await openSchemaEngine({
      url: withDatabase(adminUrl, mainDb),
      adminUrl,
      schema,
      log: process.env.SCHEMA_ENGINE_DEBUG ? (l) => console.error(l) : undefined,
    });
    try {
      return await fn(bound.engine);
    } catch (err) {
      // A synchronous Rust panic arrives as RuntimeError "unreachable": say why.
      if (panicRegistry.message) throw new Error(`Schema engine panic: ${panicRegistry.message}`, { cause: err });
      throw err;
    } finally {
      await bound.dispose();
    }
  } finally {
    await dropDatabase(adminUrl, mainDb);
  }
}
