// The embedded database's own thread. PGlite runs every statement synchronously in WASM:
// on the request thread, one long report query stalled every other request (saves, lists,
// sign-in) until it ended. Here it owns PGlite and the same Prisma adapter the app used
// in-process (pglite-prisma-adapter), so results, type conversion and error mapping are
// unchanged; the app side (pglite-thread.ts) only forwards Prisma's calls as messages.
// PGlite is one connection: statements take turns (see "scheduling" below: saves and lists
// before report reads), and an open interactive transaction holds every other statement
// until it ends, exactly as in-process.
// Plain JavaScript so Node loads it as it is under `next start`, tsx and Vitest; the
// messages follow src/server/db/pglite-protocol.ts.
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
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
      return (await client.query(request.text, request.params, request.arrays ? { rowMode: "array" } : undefined)).rows;
    case "exec":
      await client.exec(request.script);
      return null;
    case "dumpDataDir": {
      // PGlite's dumpDataDir does not wait for the database to start, as its queries do:
      // asked first (a new database dumped before any statement), it never answered.
      await client.waitReady;
      const blob = await client.dumpDataDir("none");
      return await blob.arrayBuffer();
    }
    case "close":
      closing ??= close();
      await closing;
      // Whatever still waits for a turn is answered ("closed") instead of hanging.
      holder = null;
      pump();
      return null;
    default:
      throw new Error(`Unknown request ${String(request.op)}`);
  }
}

// ------------------------------------------------------------------ scheduling
// PGlite is one connection, so statements take turns. Left to PGlite's own queue they would
// run in arrival order, and a lead's report (statements of a second or more at the
// benchmark size) would make every save and list behind it wait. Here, what runs outside a
// transaction (a statement, or a transaction's start: the transaction then holds PGlite
// until its commit or rollback, as PGlite itself would) waits in one of two lanes:
// interactive first, background (report reads) when no interactive work waits, or after
// BACKGROUND_EVERY interactive turns while it waited, so a steady stream of saves cannot
// starve a report either. Turns are counted, not timed: the order never depends on the
// machine's speed. Statements inside an open transaction run at once: it holds PGlite.

/** Interactive turns after which a waiting background statement gets one. */
const BACKGROUND_EVERY = 4;
const lanes = { interactive: [], background: [] };
/** null when PGlite is free; "statement" while one runs; a transaction's id while it is open. */
let holder = null;
let interactiveTurns = 0;
let draining = false;

function schedule(request) {
  return new Promise((resolve, reject) => {
    lanes[request.lane === "background" ? "background" : "interactive"].push({ request, resolve, reject });
    pump();
  });
}

function nextTurn() {
  const background = lanes.background.length > 0 && (lanes.interactive.length === 0 || interactiveTurns >= BACKGROUND_EVERY);
  if (background) {
    interactiveTurns = 0;
    return lanes.background.shift();
  }
  const turn = lanes.interactive.shift();
  if (turn) interactiveTurns++;
  return turn;
}

function pump() {
  if (holder !== null || draining) return;
  // Messages that arrived while the last statement ran (it held this thread) are still in
  // the port: take them in first, so the choice below sees everything that waits.
  draining = true;
  for (let waiting = receiveMessageOnPort(port); waiting; waiting = receiveMessageOnPort(port)) receive(waiting.message);
  draining = false;
  const turn = nextTurn();
  if (!turn) return;
  const { request, resolve, reject } = turn;
  holder = "statement";
  handle(request).then(
    (value) => {
      // A started transaction keeps PGlite until it ends (release, below).
      holder = request.op === "startTransaction" ? value.tx : null;
      resolve(value);
      pump();
    },
    (error) => {
      holder = null;
      reject(error);
      pump();
    },
  );
}

/** A transaction ended (or its commit or rollback failed): PGlite is free for the next turn. */
function release(tx) {
  if (holder === tx) {
    holder = null;
    pump();
  }
}

const SCHEDULED = new Set(["queryRaw", "executeRaw", "executeScript", "startTransaction", "query", "exec", "dumpDataDir"]);

function dispatch(request) {
  if (request.tx !== undefined || !SCHEDULED.has(request.op)) {
    const ran = handle(request);
    if (request.op === "commit" || request.op === "rollback") ran.then(() => release(request.tx), () => release(request.tx));
    return ran;
  }
  return schedule(request);
}

/** Every request, from the port's message event or taken in by pump. */
function receive(request) {
  dispatch(request).then(
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
}

port.on("message", receive);
