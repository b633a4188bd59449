// npm start — production start on PostgreSQL (DATABASE_URL) or an existing embedded
// database: applies pending migrations, then serves the built app (run npm run build first).
// On PostgreSQL it runs one `next start` process per CPU core (WEB_CONCURRENCY to change)
// behind one port: Node's cluster module hands each new connection to a process in turn,
// so rendering uses every core. They share the database and its report cache table.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import path from "node:path";
import { appInstances, readEnv, requireAuthSecret } from "@/lib/env";
import { describeTarget, openDatabase, targetFromEnv } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";

const env = readEnv({ ...process.env, NODE_ENV: "production" });
requireAuthSecret(env);
const db = openDatabase(targetFromEnv(env));
try {
  const result = await applyMigrations(db);
  console.log(`${describeTarget(db.target)}: ${result.applied.length} migration(s) applied`);
} finally {
  await db.close();
}
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const instances = appInstances(env, availableParallelism());

// Each worker runs Next's own `next start`; its listen() goes through the primary's socket.
cluster.setupPrimary({
  exec: path.join(process.cwd(), "node_modules/next/dist/bin/next"),
  args: ["start", "-H", host, "-p", port],
  execArgv: [],
});
const workerEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };

let stopping = false;
const recentExits: number[] = [];
cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  // A process that dies is replaced, unless processes keep dying (then the cause is not
  // transient — a port in use, a broken build — and restarting would only hide it).
  const now = Date.now();
  recentExits.push(now);
  while (recentExits[0]! < now - 60_000) recentExits.shift();
  console.error(`app process ${worker.process.pid} exited (${signal ?? `code ${code}`})`);
  if (recentExits.length > 3 * instances) {
    console.error("app processes keep exiting; stopping");
    process.exit(1);
  }
  cluster.fork(workerEnv);
});
for (let i = 0; i < instances; i++) cluster.fork(workerEnv);
console.log(`serving http://${host}:${port} with ${instances} app process(es)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill(signal);
  });
}
