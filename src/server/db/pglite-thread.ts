// The embedded PGlite database on its own worker thread (pglite-worker.mjs). PGlite runs
// each statement synchronously in WASM; on the request thread a long report query held
// the event loop, so every other request waited or timed out. Here the app's thread only
// sends messages: it keeps serving while a statement runs, and statements still run one
// after another in PGlite's own queue (one connection, transactions never interleave).
//
// Prisma talks to it through a driver adapter whose every call is one message; the worker
// answers with the result of the same pglite-prisma-adapter the app used in-process, so
// values and mapped errors (P2002, ...) are as before.
//
// Shutdown: close() closes PGlite in the worker. When the process exits without it (Next's
// SIGINT/SIGTERM handler calls process.exit), an exit hook asks the worker to close and
// waits for it (Atomics.wait: exit hooks cannot await), so the data directory is left
// closed, not mid-write.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { messages } from "@electric-sql/pglite";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import type { PgliteLane, PgliteReply, PgliteRequest, PgliteResults, PgliteWireError, PgliteWorkerData } from "./pglite-protocol";

/** Where the worker's source is: run as it is, nothing to build. */
export function pgliteWorkerPath(): string {
  // turbopackIgnore: the bundler must not follow this path; Node loads the file at run time.
  return process.env.PGLITE_WORKER_PATH ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "src", "server", "db", "pglite-worker.mjs");
}

/** How long the exit hook waits for PGlite to close (a long statement may be running). */
const EXIT_CLOSE_WAIT_MS = 15_000;
const ADAPTER_NAME = "pglite-prisma-adapter (worker thread)";

type Body<Op extends PgliteRequest["op"]> = Omit<Extract<PgliteRequest, { op: Op }>, "id" | "op">;

export interface PgliteThread {
  request<Op extends PgliteRequest["op"]>(op: Op, body: Body<Op>): Promise<PgliteResults[Op]>;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /**
   * The same database, its statements outside transactions in the worker's background lane:
   * saves, lists and sign-ins waiting meanwhile go first, and it still gets its turns (see
   * the worker's scheduling). For report computations' reads.
   */
  backgroundAdapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

function toError(wire: PgliteWireError): Error {
  if (wire.kind === "adapter") return new DriverAdapterError(wire.cause as unknown as DriverAdapterError["cause"]);
  if (wire.kind === "database") {
    // The same class PGlite throws in-process, so callers reading .code keep working.
    const error = new messages.DatabaseError(wire.message, 0, "error");
    Object.assign(error, wire.fields);
    return error;
  }
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  return error;
}

/** One process "exit" listener for every open thread (shared by every bundle in the process). */
function exitHooks(): Set<() => void> {
  const holder = globalThis as typeof globalThis & { __pgliteExitHooks?: Set<() => void> };
  if (!holder.__pgliteExitHooks) {
    const hooks = new Set<() => void>();
    process.once("exit", () => hooks.forEach((hook) => hook()));
    holder.__pgliteExitHooks = hooks;
  }
  return holder.__pgliteExitHooks;
}

export function startPgliteThread(dataDir: string, loadDataDir?: Blob): PgliteThread {
  const closed = new SharedArrayBuffer(4);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;
  let closing: Promise<void> | null = null;
  let thread: Worker | null = null;

  // The dump to start from is read first (openDatabase stays synchronous: requests wait).
  const worker: Promise<Worker> = (async () => {
    const data: PgliteWorkerData = { dataDir, closed, loadDataDir: loadDataDir ? await loadDataDir.arrayBuffer() : undefined };
    const started = new Worker(/*turbopackIgnore: true*/ pgliteWorkerPath(), { workerData: data });
    thread = started;
    // Idle, the thread never keeps a script alive; a request in flight does (see request).
    started.unref();
    started.on("message", (reply: PgliteReply) => {
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(toError(reply.error));
    });
    const fail = (error: Error) => {
      failure ??= error;
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };
    started.on("error", (error) => {
      console.error(`[database] the embedded database thread failed: ${error.message}`);
      fail(new Error(`The embedded database stopped: ${error.message}`));
    });
    started.on("exit", (code) => fail(new Error(`The embedded database thread exited (code ${code})`)));
    return started;
  })();

  function request<Op extends PgliteRequest["op"]>(op: Op, body: Body<Op>): Promise<PgliteResults[Op]> {
    return worker.then(
      (running) =>
        new Promise<PgliteResults[Op]>((resolve, reject) => {
          if (failure) return reject(failure);
          const id = nextId++;
          pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
          if (pending.size === 1) running.ref();
          running.postMessage({ id, op, ...body } as PgliteRequest);
        }),
    );
  }

  // Process exit without close(): close PGlite in the worker and wait for it. Exit hooks
  // run no promise callbacks, so the message goes out at once and the hook blocks.
  const closeOnExit = () => {
    if (closing || failure || !thread) return; // no thread yet: nothing was opened
    thread.postMessage({ id: 0, op: "close" } satisfies PgliteRequest);
    Atomics.wait(new Int32Array(closed), 0, 0, EXIT_CLOSE_WAIT_MS);
  };
  exitHooks().add(closeOnExit);

  const queryable = (tx: number | undefined, lane: PgliteLane) => ({
    provider: "postgres" as const,
    adapterName: ADAPTER_NAME,
    queryRaw: async (query: SqlQuery): Promise<SqlResultSet> => {
      const result = await request("queryRaw", { query, tx, lane });
      if (!("rowsJson" in result)) return result;
      const { rowsJson, ...rest } = result;
      return { ...rest, rows: JSON.parse(rowsJson) as unknown[][] };
    },
    executeRaw: (query: SqlQuery): Promise<number> => request("executeRaw", { query, tx, lane }),
  });

  const adapterIn = (lane: PgliteLane): SqlDriverAdapter => ({
    ...queryable(undefined, lane),
    executeScript: async (script) => {
      await request("executeScript", { script });
    },
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const { tx, options } = await request("startTransaction", { isolationLevel, lane });
      return {
        ...queryable(tx, lane),
        options: options satisfies TransactionOptions,
        commit: async () => {
          await request("commit", { tx });
        },
        rollback: async () => {
          await request("rollback", { tx });
        },
      };
    },
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  });

  const factoryOf = (lane: PgliteLane): SqlMigrationAwareDriverAdapterFactory => {
    const adapter = adapterIn(lane);
    return {
      provider: "postgres",
      adapterName: ADAPTER_NAME,
      connect: async () => adapter,
      connectToShadowDb: async () => {
        throw new Error("The embedded database has no shadow database (migrations run from SQL files)");
      },
    };
  };

  return {
    request,
    adapterFactory: factoryOf("interactive"),
    backgroundAdapterFactory: factoryOf("background"),
    close() {
      closing ??= (async () => {
        exitHooks().delete(closeOnExit);
        if (!failure) await request("close", {});
        await (await worker).terminate();
      })();
      return closing;
    },
  };
}
