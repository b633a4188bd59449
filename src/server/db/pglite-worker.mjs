// The embedded database's own thread. PGlite runs every statement synchronously in WASM:
// on the request thread, one long report query stalled every other request (saves, lists,
// sign-in) until it ended. Here it owns PGlite and the same Prisma adapter the app used
// in-process (pglite-prisma-adapter), so results, type conversion and error mapping are
// unchanged; the app side (pglite-thread.ts) only forwards Prisma's calls as messages.
// PGlite is one connection: its own queue orders statements and holds every other one
// while an interactive transaction is open, exactly as in-process.
// Plain JavaScript so Node loads it as it is under `next start`, tsx and Vitest; the
// messages follow src/server/db/pglite-protocol.ts.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, messages } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

if (!parentPort) throw new Error("pglite-worker.mjs runs as a worker thread");
const port = parentPort;

/** @type {{ dataDir: string; loadDataDir?: ArrayBuffer; closed: SharedArrayBuffer }} */
const data = workerData;
const closedFlag = new Int32Array(data.closed);

const client = new PGlite(data.dataDir, data.loadDataDir ? { loadDataDir: new Blob([data.loadDataDir]) } : {});
const adapterReady = new PrismaPGlite(client).connect();

/** Open interactive transactions by id (the adapter's transaction objects). */
const transactions = new Map();
let nextTx = 1;
let closing = null;

function wireError(error) {
  // The adapter's DriverAdapterError (checked by name, as Prisma does: the adapter may carry
  // its own copy of @prisma/driver-adapter-utils).
  if (error?.name === "DriverAdapterError" && typeof error.cause === "object") return { kind: "adapter", cause: { ...error.cause } };
  if (error instanceof messages.DatabaseError) {
    const fields = {};
    for (const [key, value] of Object.entries(error)) if (typeof value === "string" || typeof value === "number") fields[key] = value;
    return { kind: "database", message: error.message, fields };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: "other", name: e.name, message: e.message, stack: e.stack };
}

/**
 * A result set with its rows as one JSON string when they are plain JSON (strings, finite
 * numbers, booleans, null, arrays: what the adapter makes of nearly every column). A string
 * crosses the thread as one copy and JSON.parse on the app's thread is fast; structured
 * clone of 100k small row arrays cost the app's thread several times more. Rows holding
 * bytes (bytea), a bigint or a non-finite number travel as they are.
 */
function packResultSet(result) {
  let plain = true;
  const rowsJson = JSON.stringify(result.rows, (_key, value) => {
    if (typeof value === "bigint" || value instanceof Uint8Array || (typeof value === "number" && !Number.isFinite(value))) plain = false;
    return typeof value === "bigint" ? null : value;
  });
  return plain ? { columnNames: result.columnNames, columnTypes: result.columnTypes, rowsJson } : result;
}

function transaction(id) {
  const tx = transactions.get(id);
  if (!tx) throw new Error(`Transaction ${id} is not open on the embedded database`);
  return tx;
}

async function close() {
  // Transactions a stopping app left open would hold PGlite's queue: roll them back first.
  for (const [id, tx] of transactions) {
    transactions.delete(id);
    await tx.rollback().catch(() => {});
  }
  if (!client.closed) await client.close();
}

async function handle(request) {
  if (closing && request.op !== "close") throw new Error("The embedded database is closed");
  const adapter = await adapterReady;
  switch (request.op) {
    case "queryRaw":
      return packResultSet(await (request.tx ? transaction(request.tx) : adapter).queryRaw(request.query));
    case "executeRaw":
      return (request.tx ? transaction(request.tx) : adapter).executeRaw(request.query);
    case "executeScript":
      // The adapter's own executeScript does not wait for the script; this does.
      try {
        await client.exec(request.script);
      } catch (error) {
        adapter.onError(error);
      }
      return null;
    case "startTransaction": {
      const tx = await adapter.startTransaction(request.isolationLevel);
      const id = nextTx++;
      transactions.set(id, tx);
      return { tx: id, options: tx.options };
    }
    case "commit":
    case "rollback": {
      const tx = transaction(request.tx);
      transactions.delete(request.tx);
      await (request.op === "commit" ? tx.commit() : tx.rollback());
      return null;
    }
    case "query":
      return (await client.query(request.text, request.params)).rows;
    case "exec":
      await client.exec(request.script);
      return null;
    case "dumpDataDir": {
      const blob = await client.dumpDataDir("none");
      return await blob.arrayBuffer();
    }
    case "close":
      closing ??= close();
      await closing;
      return null;
    default:
      throw new Error(`Unknown request ${String(request.op)}`);
  }
}

port.on("message", (request) => {
  handle(request).then(
    (value) => {
      port.postMessage({ id: request.id, ok: true, value }, value instanceof ArrayBuffer ? [value] : []);
      if (request.op === "close") {
        Atomics.store(closedFlag, 0, 1);
        Atomics.notify(closedFlag, 0);
        port.close();
      }
    },
    (error) => {
      if (request.op === "close") {
        Atomics.store(closedFlag, 0, 2);
        Atomics.notify(closedFlag, 0);
      }
      port.postMessage({ id: request.id, ok: false, error: wireError(error) });
    },
  );
});
