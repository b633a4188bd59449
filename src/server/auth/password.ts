// Password hashing. Not "server-only" because the user:create and seed scripts use it.
//
// bcryptjs is pure JavaScript: one cost-12 hash holds a thread for ~0.25 s. On the request
// thread, 16 clients posting wrong passwords stalled every other page for seconds, so
// hashing runs in worker threads: at most `HASH_CONCURRENCY` at once (default: half the
// cores, at least 1), at most `HASH_QUEUE_MAX` waiting; beyond that a sign-in is refused at
// once as busy instead of queueing without bound (bench/sign-in-load-bench.ts measures it).
//
// bcrypt reads only the first 72 bytes of a password: longer ones are refused where
// passwords are set (PASSWORD_MAX_BYTES, checked in UTF-8 bytes, not characters), and a
// sign-in with a longer one fails without hashing, so two passwords sharing 72 bytes
// are never the same password.
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { createGate, type Gate } from "@/lib/bounded-gate";
import { PASSWORD_MAX_BYTES } from "@/domain/password-policy";

/**
 * bcrypt's cost: 12. The test runner (NODE_ENV=test) alone may lower it with
 * PASSWORD_HASH_COST_FOR_TESTS (4 to 12), so the integration tests that count 20+ failed
 * sign-ins don't spend minutes hashing; the code paths are the same at any cost.
 */
export function hashCost(env: Record<string, string | undefined> = process.env): number {
  const wanted = Number(env.PASSWORD_HASH_COST_FOR_TESTS);
  return env.NODE_ENV === "test" && Number.isInteger(wanted) && wanted >= 4 && wanted <= 12 ? wanted : 12;
}

// Compared against when the email is unknown, so both paths take the same time: a hash at
// the same cost as real ones (the cost-12 one unless the test runner lowered it).
const DUMMY_HASH_12 = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5E6b1p3Y0bEoXn7m0.Gd6eYb7GmW1bS";
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  if (hashCost() === 12) return Promise.resolve(DUMMY_HASH_12);
  dummyHash ??= hashPassword("not-a-password-of-anyone").catch((error: unknown) => {
    dummyHash = undefined; // a busy pool must not leave a failed promise behind
    throw error;
  });
  return dummyHash;
}

export { PASSWORD_MAX_BYTES };

export const passwordBytes = (plain: string) => Buffer.byteLength(plain, "utf8");

export class HashBusyError extends Error {
  constructor() {
    super("Too many sign-ins are being checked at once");
    this.name = "HashBusyError";
  }
}

type Job = { op: "hash"; plain: string; cost: number } | { op: "compare"; plain: string; hash: string };

// The worker's whole source: evaluated, so no file has to be bundled or copied beside the
// server build. It loads bcryptjs from the project's node_modules (resolved below).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const bcrypt = require(workerData.bcryptPath);
parentPort.on("message", async ({ id, job }) => {
  try {
    const value = job.op === "hash" ? await bcrypt.hash(job.plain, job.cost) : await bcrypt.compare(job.plain, job.hash);
    parentPort.postMessage({ id, value });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

interface HashPool {
  gate: Gate;
  run(job: Job): Promise<string | boolean>;
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function createPool(): HashPool {
  const concurrency = positiveInt(process.env.HASH_CONCURRENCY, Math.max(1, Math.floor(availableParallelism() / 2)));
  const queueMax = positiveInt(process.env.HASH_QUEUE_MAX, 64);
  // A variable name keeps bundlers from resolving (and inlining) the module at build time.
  const moduleName = "bcryptjs";
  const bcryptPath = createRequire(path.join(process.cwd(), "package.json")).resolve(moduleName);
  const idle: Worker[] = [];
  let nextId = 0;

  const spawn = () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptPath } });
    worker.unref(); // an idle pool never keeps a script alive
    return worker;
  };

  const onWorker = (worker: Worker, job: Job) =>
    new Promise<string | boolean>((resolve, reject) => {
      const id = nextId++;
      const cleanup = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
      };
      const onMessage = (message: { id: number; value?: string | boolean; error?: string }) => {
        if (message.id !== id) return;
        cleanup();
        idle.push(worker);
        if (message.error !== undefined) reject(new Error(`Password hashing failed: ${message.error}`));
        else resolve(message.value as string | boolean);
      };
      const onError = (error: Error) => {
        cleanup(); // a crashed worker is dropped; the next job spawns a fresh one
        reject(error);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id, job });
    });

  const gate = createGate({ concurrency, queueMax });
  return {
    gate,
    // The gate admits at most `concurrency` jobs, so at most that many workers exist.
    run: (job) => gate.run(() => onWorker(idle.pop() ?? spawn(), job)),
  };
}

// One pool per process, shared by every bundle that imports this module.
const holder = globalThis as { __passwordHashPool?: HashPool };
const pool = () => (holder.__passwordHashPool ??= createPool());

async function runJob(job: Job): Promise<string | boolean> {
  try {
    return await pool().run(job);
  } catch (error) {
    if (error instanceof Error && error.name === "GateBusyError") throw new HashBusyError();
    throw error;
  }
}

export async function hashPassword(plain: string): Promise<string> {
  if (passwordBytes(plain) > PASSWORD_MAX_BYTES) {
    throw new Error(`Passwords are limited to ${PASSWORD_MAX_BYTES} bytes (bcrypt ignores the rest)`);
  }
  return (await runJob({ op: "hash", plain, cost: hashCost() })) as string;
}

/** False for a wrong password, an unknown user (null hash) or a password over the limit. */
export async function verifyPassword(plain: string, hash: string | null | undefined): Promise<boolean> {
  if (passwordBytes(plain) > PASSWORD_MAX_BYTES) return false;
  const ok = (await runJob({ op: "compare", plain, hash: hash ?? (await dummy()) })) as boolean;
  return ok && Boolean(hash);
}

/** Running and waiting hash jobs, for tests and benchmarks. */
export const hashPoolStats = () => pool().gate.stats();
