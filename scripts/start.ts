// npm start — production start on PostgreSQL (DATABASE_URL) or an existing embedded
// database: applies pending migrations, then serves the built app (run npm run build first).
import { spawn } from "node:child_process";
import path from "node:path";
import { readEnv, requireAuthSecret } from "@/lib/env";
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
const server = spawn(
  process.execPath,
  [path.join(process.cwd(), "node_modules/next/dist/bin/next"), "start", "-H", host, "-p", port],
  { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
