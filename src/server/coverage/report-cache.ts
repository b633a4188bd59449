// Computed coverage reports, once per change of the data instead of once per view.
//
// A view (kind + scope + filters + day) is keyed by a hash; a computed value is valid while
// the data version it was computed at is current: DataVersion.version (bumped at commit by
// triggers on everything the report reads) and InventoryVersion.token (the inventory).
// Lookups go: this process's memory (recently used views, up to 16 MB of JSON) -> the
// ReportCache table (shared by every instance, survives restarts) -> a computation. Concurrent requests for one view in one process
// share computations (at most one running and one queued per view, each fresh enough for
// everyone who joins it). Computations pass a gate: at most half the pool at once
// (REPORT_CONCURRENCY), a bounded queue (REPORT_QUEUE_MAX), and beyond it ReportBusyError
// ("being prepared, retry in N s") at once instead of a hang.
// Each computation reads in a READ ONLY, REPEATABLE READ snapshot (its numbers are
// consistent, and its version is exactly the one its data has), holds the connection only
// while reading, and builds (pure engine, CPU) after releasing it. On PGlite (one
// connection) it reads statement by statement instead; see readForView.
import "server-only";
import { createHash } from "node:crypto";
import { createCoalescer, createGate, GateBusyError, type Gate } from "@/lib/bounded-gate";
import { readEnv, reportConcurrency } from "@/lib/env";
import { Prisma } from "@/generated/prisma/client";
import { appDatabase } from "@/server/db/app-database";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { REPORT_TRANSACTION, type Tx } from "./gap-report-data";

export interface DataVersions {
  dataVersion: string;
  inventoryToken: string;
}

/** A view that cannot be computed now: the gate's queue is full. */
export class ReportBusyError extends UserError {
  constructor(readonly retryAfterSeconds: number) {
    super("BUSY", `The report is being prepared. Try again in ${retryAfterSeconds} seconds.`);
    this.name = "ReportBusyError";
  }
}

export interface CachedSpec<R, T> {
  kind: "report" | "trend" | "datacall";
  /** The day the view is computed for (cache rows of earlier days are pruned). */
  day: string;
  /** What identifies the view besides kind and day; built by the caller in a fixed key order. */
  params: Record<string, string | number | null>;
  /** Reads everything the value needs, inside the snapshot. */
  read: (tx: Tx) => Promise<R>;
  /** Builds the value from what was read, after the connection is released. */
  build: (raw: R) => T;
}

export interface ReportCacheStats {
  memoryHits: number;
  storedHits: number;
  computed: number;
  refused: number;
}

/** The memory layer keeps the most recently used views up to this many bytes of JSON. */
const MEMORY_BYTES = 16 * 1024 * 1024;

interface CacheState {
  gate: Gate;
  flights: ReturnType<typeof createCoalescer<unknown, string>>;
  memory: Map<string, { stamp: string; value: unknown; bytes: number }>;
  memoryBytes: number;
  stats: ReportCacheStats;
}

// On globalThis: every bundle of the process shares one gate and one memory.
const holder = globalThis as typeof globalThis & { __reportCache?: CacheState };

function state(): CacheState {
  if (!holder.__reportCache) {
    const env = readEnv();
    holder.__reportCache = {
      gate: createGate({ concurrency: reportConcurrency(env), queueMax: env.REPORT_QUEUE_MAX }),
      flights: createCoalescer<unknown, string>(),
      memory: new Map(),
      memoryBytes: 0,
      stats: { memoryHits: 0, storedHits: 0, computed: 0, refused: 0 },
    };
  }
  return holder.__reportCache;
}

/** The gate report computations pass (tests hold its slots to see the "busy" answer). */
export function reportGate(): Gate {
  return state().gate;
}

/** Counters since the process started (tests, benchmarks). */
export function reportCacheStats(): ReportCacheStats {
  return { ...state().stats };
}

/** Forgets this process's memory layer (tests: a restarted instance). The table stays. */
export function clearReportMemory(): void {
  state().memory.clear();
  state().memoryBytes = 0;
}

type Reader = Pick<Tx, "$queryRaw">;

const DATA_VERSIONS_SQL = `
SELECT (SELECT version::text FROM "DataVersion" WHERE id = 1) AS "dataVersion",
       (SELECT token::text FROM "InventoryVersion" WHERE id = 1) AS "inventoryToken"`;

function present(v: { dataVersion?: string | null; inventoryToken?: string | null } | undefined): DataVersions {
  if (!v?.dataVersion || !v.inventoryToken) throw new Error("DataVersion or InventoryVersion row is missing: run the migrations");
  return { dataVersion: v.dataVersion, inventoryToken: v.inventoryToken };
}

export async function readDataVersions(client: Reader): Promise<DataVersions> {
  return present((await client.$queryRaw<DataVersions[]>(Prisma.raw(DATA_VERSIONS_SQL)))[0]);
}

const stampOf = (v: DataVersions) => `${v.dataVersion}/${v.inventoryToken}`;

/**
 * The data versions now, as one stamp: the same statement as readDataVersions, prepared
 * once per connection and sent by the driver (the read API reads it on every page, beside
 * the token check, before any of the request's own reads).
 */
export async function dataStamp(): Promise<string> {
  const [dataVersion, inventoryToken] = (await appDatabase().textRows(DATA_VERSIONS_SQL, [], "data_versions"))[0] ?? [];
  return stampOf(present({ dataVersion, inventoryToken }));
}

/**
 * The shape and meaning of the stored values. Part of every key: a payload computed by code
 * of another format (older or newer, e.g. during a rolling deploy) is never served. Bump it
 * whenever what a report contains or means changes.
 * 2: issue 12 (leadership by role, committee roll-up, thresholds, depth levels, confirmed days).
 */
export const REPORT_FORMAT = 2;

function keyOf(spec: { kind: string; day: string; params: Record<string, unknown> }): string {
  return createHash("sha256").update(JSON.stringify([REPORT_FORMAT, spec.kind, spec.day, spec.params])).digest("hex");
}

function forget(key: string) {
  const s = state();
  const entry = s.memory.get(key);
  if (!entry) return;
  s.memory.delete(key);
  s.memoryBytes -= entry.bytes;
}

/** Keeps a view's value (most recently used last); the least recently used go past the budget. */
function remember(key: string, stamp: string, value: unknown, bytes: number) {
  const s = state();
  forget(key);
  s.memory.set(key, { stamp, value, bytes });
  s.memoryBytes += bytes;
  for (const oldest of s.memory.keys()) {
    if (s.memoryBytes <= MEMORY_BYTES || oldest === key) break;
    forget(oldest);
  }
}

function recall(key: string, stamp: string): { value: unknown } | null {
  const entry = state().memory.get(key);
  if (!entry || entry.stamp !== stamp) return null;
  remember(key, stamp, entry.value, entry.bytes);
  return entry;
}

async function readStored(client: Reader, key: string, v: DataVersions): Promise<string | null> {
  const rows = await client.$queryRaw<{ payload: string }[]>`
SELECT payload FROM "ReportCache"
WHERE key = ${key} AND "dataVersion" = ${v.dataVersion}::bigint AND "inventoryToken" = ${v.inventoryToken}::uuid`;
  return rows[0]?.payload ?? null;
}

/**
 * The value of a view at the current data version: from memory, from the shared table, or
 * computed. Concurrent requests for one view share computations: a request joins the
 * running one when that one reads the very version the request saw, and otherwise the one
 * queued behind it (which starts after the request arrived, so it is at least as fresh);
 * at most one runs and one waits per view, however many people ask, even while saves go on.
 * Throws ReportBusyError when a computation would have to queue beyond REPORT_QUEUE_MAX.
 */
export async function cachedReport<R, T>(spec: CachedSpec<R, T>): Promise<T> {
  const s = state();
  const key = keyOf(spec);
  const versions = await readDataVersions(db);
  const stamp = stampOf(versions);
  const inMemory = recall(key, stamp);
  if (inMemory) {
    s.stats.memoryHits++;
    return inMemory.value as T;
  }
  const stored = await readStored(db, key, versions);
  if (stored !== null) {
    s.stats.storedHits++;
    const parsed = JSON.parse(stored) as T;
    remember(key, stamp, parsed, stored.length);
    return parsed;
  }
  const value = await s.flights.run(key, (mark) => freshValue(spec, key, mark), (running) => running === stamp);
  return value as T;
}

/** A run of the coalescer: the latest value of the view, computed only if nobody has it. */
async function freshValue<R, T>(spec: CachedSpec<R, T>, key: string, mark: (stamp: string) => void): Promise<T> {
  const s = state();
  // Queued behind another run, the data may not have changed since: reuse its value.
  const now = stampOf(await readDataVersions(db));
  const inMemory = recall(key, now);
  if (inMemory) {
    s.stats.memoryHits++;
    return inMemory.value as T;
  }
  try {
    return await s.gate.run(() => compute(spec, key, mark));
  } catch (error) {
    if (error instanceof GateBusyError) {
      s.stats.refused++;
      throw new ReportBusyError(error.retryAfterSeconds);
    }
    throw error;
  }
}

interface ReadResult<R> {
  at: DataVersions;
  stored: string | null;
  raw: R | null;
  /** False when a write committed while reading (PGlite only): the value is not cached. */
  consistent: boolean;
}

async function readForView<R, T>(spec: CachedSpec<R, T>, key: string, mark: (stamp: string) => void): Promise<ReadResult<R>> {
  if (appDatabase().target.kind === "pglite") {
    // PGlite has one connection: a transaction would hold it, and every other request,
    // for the whole read. Statements run one by one instead, so lists and saves get in
    // between them; the versions read before and after tell whether a write landed in
    // between (then the value, fresh but maybe mixed, serves this request uncached).
    const at = await readDataVersions(db);
    mark(stampOf(at));
    const stored = await readStored(db, key, at);
    if (stored !== null) return { at, stored, raw: null, consistent: true };
    // In the database thread's background lane: saves, lists and sign-ins waiting meanwhile go first.
    const raw = await spec.read(appDatabase().background);
    const after = await readDataVersions(db);
    return { at, stored: null, raw, consistent: stampOf(after) === stampOf(at) };
  }
  return db.$transaction(async (tx) => {
    // First statement: the snapshot starts with the next one, so versions and data agree.
    await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const at = await readDataVersions(tx);
    mark(stampOf(at));
    // Another instance may have stored this very view at this version meanwhile.
    const stored = await readStored(tx, key, at);
    return { at, stored, raw: stored === null ? await spec.read(tx) : null, consistent: true };
  }, REPORT_TRANSACTION);
}

async function compute<R, T>(spec: CachedSpec<R, T>, key: string, mark: (stamp: string) => void): Promise<T> {
  const s = state();
  const started = performance.now();
  const read = await readForView(spec, key, mark);
  const stamp = stampOf(read.at);
  if (read.stored !== null) {
    s.stats.storedHits++;
    const parsed = JSON.parse(read.stored) as T;
    remember(key, stamp, parsed, read.stored.length);
    return parsed;
  }
  const value = spec.build(read.raw as R);
  s.stats.computed++;
  if (!read.consistent) return value;
  const payload = JSON.stringify(value);
  const computeMs = Math.round(performance.now() - started);
  // A newer computation of the same view replaces an older one; rows of past days go.
  await db.$executeRaw`
WITH pruned AS (DELETE FROM "ReportCache" WHERE day < ${spec.day} AND key <> ${key})
INSERT INTO "ReportCache" (key, kind, day, "dataVersion", "inventoryToken", payload, "computeMs")
VALUES (${key}, ${spec.kind}, ${spec.day}, ${read.at.dataVersion}::bigint, ${read.at.inventoryToken}::uuid, ${payload}, ${computeMs})
ON CONFLICT (key) DO UPDATE SET kind = EXCLUDED.kind, day = EXCLUDED.day, "dataVersion" = EXCLUDED."dataVersion",
  "inventoryToken" = EXCLUDED."inventoryToken", payload = EXCLUDED.payload, "computeMs" = EXCLUDED."computeMs", "createdAt" = now()`;
  remember(key, stamp, value, payload.length);
  return value;
}
