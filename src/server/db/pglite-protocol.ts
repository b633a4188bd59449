// Messages between the app and the PGlite worker (pglite-worker.mjs, plain JavaScript that
// Node loads as it is; these types are the contract it follows).
import type { IsolationLevel, SqlQuery, SqlResultSet, TransactionOptions } from "@prisma/driver-adapter-utils";

export interface PgliteWorkerData {
  dataDir: string;
  /** A data directory tarball to start from (dumpDataDir's output). */
  loadDataDir?: ArrayBuffer;
  /** Int32Array over it: set to 1 and notified when the database is closed (the exit hook waits on it). */
  closed: SharedArrayBuffer;
}

/**
 * Which queue a statement outside a transaction waits in: "interactive" (the default: saves,
 * lists, sign-in) runs before "background" (report computations: Database.background),
 * which still gets a turn after every few interactive ones, so neither starves the other.
 */
export type PgliteLane = "interactive" | "background";

export type PgliteRequest =
  | { id: number; op: "queryRaw"; query: SqlQuery; tx?: number; lane?: PgliteLane }
  | { id: number; op: "executeRaw"; query: SqlQuery; tx?: number; lane?: PgliteLane }
  | { id: number; op: "executeScript"; script: string }
  | { id: number; op: "startTransaction"; isolationLevel?: IsolationLevel; lane?: PgliteLane }
  | { id: number; op: "commit"; tx: number }
  | { id: number; op: "rollback"; tx: number }
  /** arrays: each row as an array of its columns (rowMode "array"), not an object. */
  | { id: number; op: "query"; text: string; params?: unknown[]; arrays?: boolean }
  | { id: number; op: "exec"; script: string }
  | { id: number; op: "dumpDataDir" }
  | { id: number; op: "close" };

/** A result set whose rows crossed as one JSON string (see packResultSet in the worker). */
export type PackedResultSet = SqlResultSet | (Omit<SqlResultSet, "rows"> & { rowsJson: string });

export interface PgliteResults {
  queryRaw: PackedResultSet;
  executeRaw: number;
  executeScript: null;
  startTransaction: { tx: number; options: TransactionOptions };
  commit: null;
  rollback: null;
  query: Record<string, unknown>[] | unknown[][];
  exec: null;
  dumpDataDir: ArrayBuffer;
  close: null;
}

/** An error as it crosses the thread boundary (structured clone keeps only message and stack). */
export type PgliteWireError =
  /** The adapter's mapped error (DriverAdapterError's cause): Prisma turns it into P2002 etc. */
  | { kind: "adapter"; cause: Record<string, unknown> }
  /** A PostgreSQL error from a raw query (PGlite's DatabaseError fields). */
  | { kind: "database"; message: string; fields: Record<string, unknown> }
  | { kind: "other"; name: string; message: string; stack?: string };

export type PgliteReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: PgliteWireError };
