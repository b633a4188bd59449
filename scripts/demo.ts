// npm run demo — the embedded demo in one command: applies migrations to a PGlite data
// folder, seeds the reference data, creates the demo accounts and a modest synthetic
// data set (first run only), builds the app when sources changed, and serves it.
//   --port 3000  --data-dir .data/pglite  --fresh (delete the data folder first)
//   --no-start (prepare only)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeTarget, openDatabase } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";
import { seedReference } from "../seeds/reference";
import { seedDefaultIndicators } from "@/server/coverage/indicator-seed";
import { generateDemoData } from "../seeds/demo-data";
import { ensureDemoUsers } from "./lib/demo-users";
import { buildImportWorker } from "./build-import-worker.mjs";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    "data-dir": { type: "string", default: ".data/pglite" },
    fresh: { type: "boolean", default: false },
    "no-start": { type: "boolean", default: false },
  },
});

if (process.env.DATABASE_URL) {
  console.error(
    "npm run demo runs on the embedded PGlite database and creates demo accounts; it refuses to touch DATABASE_URL.\n" +
      "Unset DATABASE_URL, or see the README for running on PostgreSQL (npm run db:migrate, db:seed, user:create, start).",
  );
  process.exit(1);
}

const root = process.cwd();
const dataDir = path.resolve(root, args["data-dir"]);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

if (args.fresh) rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const db = openDatabase({ kind: "pglite", dataDir });
try {
  const migrated = await applyMigrations(db);
  console.log(`[demo] ${describeTarget(db.target)}: ${migrated.applied.length} migration(s) applied (${elapsed()})`);
  const seeded = await seedReference(db.prisma);
  const indicators = await seedDefaultIndicators(db.prisma);
  console.log(`[demo] reference data: ${JSON.stringify(seeded.totals)}, ${indicators} new indicator(s) (${elapsed()})`);
  const users = await ensureDemoUsers(db.prisma);
  console.log(`[demo] demo accounts: ${users.length ? `created ${users.join(", ")}` : "already present"}`);
  const demo = await generateDemoData(db.prisma, { seed: 8074 });
  console.log(`[demo] demo data: ${JSON.stringify(demo)} (${elapsed()})`);
} finally {
  await db.close();
}

const secretFile = path.join(path.dirname(dataDir), "nextauth-secret");
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
const secret = readFileSync(secretFile, "utf8").trim();

if (args["no-start"]) process.exit(0);

const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  PGLITE_DATA_DIR: dataDir,
  NEXTAUTH_SECRET: secret,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://127.0.0.1:${args.port}`,
};

if (buildIsStale()) {
  console.log("[demo] building the app (next build)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The import preview worker is bundled apart from Next.js (every start: it takes a moment).
await buildImportWorker();

console.log(`[demo] ready to serve after ${elapsed()}: http://127.0.0.1:${args.port}  (sign in as admin@example.gov / demo-orchid-lantern)`);
const server = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", args.port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

/** True when there is no build or a source file is newer than it. */
function buildIsStale(): boolean {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const newer = (dir: string): boolean =>
    existsSync(dir) &&
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name !== "generated" && newer(full);
      return statSync(full).mtimeMs > builtAt;
    });
  return ["app", "src"].some((dir) => newer(path.join(root, dir))) ||
    ["next.config.js", "package.json", "instrumentation.ts", "proxy.ts"].some((f) => existsSync(path.join(root, f)) && statSync(path.join(root, f)).mtimeMs > builtAt);
}
