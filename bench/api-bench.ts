// Read API benchmark (not a test): walking 100,000 engagements through GET /api/v1/engagements
// (limit=1000, following `next`), rows per second, against `COPY (SELECT ... the same rows,
// the same columns ...) TO STDOUT WITH CSV` of those rows through psql. Target: the API
// walk reaches at least 25 % of COPY's rows per second. Each round walks as JSON and as CSV
// (format=csv, the format COPY writes), each asking for gzip (fetch's default) and not.
//
//   npm run bench:api                          over HTTP against the built app (`npm start`
//                                              on PostgreSQL, database api_bench)
//   options: --database NAME (on the local PostgreSQL) --in-process (call the route handler in this process instead of HTTP)
//            --url URL --port 3443 --engagements 100000 --rounds 3 --build (next build first)
//            --instances N (app processes, as WEB_CONCURRENCY; default 1: one walk is one
//            client, so more processes would only add noise)
//            --clients 32 (then N walks at once while a writer updates an engagement every
//            50 ms and a light endpoint is timed: aggregate rows/s, pages read ahead and
//            dropped, the light call's p50/p99; 0 skips it)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createApiToken } from "@/server/api-tokens/tokens";
import { openDatabase } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";
import { seedReference } from "../seeds/reference";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    database: { type: "string", default: "api_bench" },
    port: { type: "string", default: "3443" },
    engagements: { type: "string", default: "100000" },
    rounds: { type: "string", default: "3" },
    instances: { type: "string", default: "1" },
    clients: { type: "string", default: "32" },
    build: { type: "boolean", default: false },
    "in-process": { type: "boolean", default: false },
  },
});

const ROOT = process.cwd();
const ROWS = Number(args.engagements);
const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = args.database;
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(DB_NAME)) throw new Error("--database: use lower-case letters, digits and _");
const DB_URL = args.url ?? `postgresql://postgres@127.0.0.1:5432/${DB_NAME}`;
const SECRET = "api-bench-secret-not-for-production-0123456789";

/** The rows the API returns, as COPY writes them: the same joins and columns as engagementItem. */
const COPY_SQL = `COPY (
  SELECT e.id, e."participantId", p.name AS participant, e."agencyId", a.acronym AS agency,
         COALESCE(c."sdoId", s."sdoId") AS "sdoId", COALESCE(cs.acronym, ss.acronym) AS sdo,
         e."committeeId", c.designation AS committee, e."standardId", s.designation AS standard,
         e.role, e.depth, e."startDate", e."endDate", e."lastConfirmedOn", e.notes, e.version, e."updatedAt"
  FROM "Engagement" e
  JOIN "Participant" p ON p.id = e."participantId"
  JOIN "Agency" a ON a.id = e."agencyId"
  LEFT JOIN "Committee" c ON c.id = e."committeeId" LEFT JOIN "Sdo" cs ON cs.id = c."sdoId"
  LEFT JOIN "Standard" s ON s.id = e."standardId" LEFT JOIN "Sdo" ss ON ss.id = s."sdoId"
  ORDER BY e.id
) TO STDOUT WITH CSV`;

async function prepare(): Promise<string> {
  if (!args.url) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DB_NAME}`);
    await admin.end();
  }
  const database = openDatabase({ kind: "postgres", url: DB_URL });
  const prisma = database.prisma;
  try {
    await applyMigrations(database);
    await seedReference(prisma);
    const have = await prisma.engagement.count();
    if (have !== ROWS) {
      const t0 = performance.now();
      // Set-based: 20 agencies, 2,000 participants, engagements spread over every committee.
      await prisma.$executeRawUnsafe(`DELETE FROM "Engagement"`);
      await prisma.$executeRawUnsafe(`DELETE FROM "Participant" WHERE name LIKE 'Bench %'`);
      await prisma.$executeRawUnsafe(`INSERT INTO "Agency" (id, acronym, name, "updatedAt")
        SELECT 'BA' || g, 'BENCH' || g, 'Bench agency ' || g, now() FROM generate_series(1, 20) g ON CONFLICT DO NOTHING`);
      await prisma.$executeRawUnsafe(`INSERT INTO "Participant" (id, "agencyId", name, "updatedAt")
        SELECT 'BP' || g, 'BA' || (g % 20 + 1), 'Bench person ' || g, now() FROM generate_series(1, 2000) g`);
      await prisma.$executeRawUnsafe(`INSERT INTO "Engagement" (id, "participantId", "agencyId", "committeeId", role, depth, "startDate", "endDate", notes, "updatedAt")
        SELECT 'be' || lpad(g::text, 7, '0'), 'BP' || (g % 2000 + 1), 'BA' || ((g % 2000 + 1) % 20 + 1),
               (SELECT array_agg(id ORDER BY id) FROM "Committee")[g % (SELECT count(*) FROM "Committee") + 1],
               (ARRAY['MEMBER','OBSERVER','EDITOR','CHAIR'])[g % 4 + 1]::"EngagementRole", (ARRAY['OBSERVE','ATTEND','CONTRIBUTE','LEAD'])[g % 4 + 1]::"Depth",
               DATE '2010-01-01' + (g % 5000), DATE '2010-01-01' + (g % 5000) + 90, CASE WHEN g % 7 = 0 THEN 'bench note ' || g END, now()
        FROM generate_series(1, ${ROWS}) g`);
      await prisma.$executeRawUnsafe("VACUUM ANALYZE");
      console.log(`seeded ${ROWS} engagements in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const user = await prisma.user.upsert({
      where: { email: "api-bench@example.gov" },
      update: { role: "ADMIN", active: true },
      create: { email: "api-bench@example.gov", name: "API bench", role: "ADMIN", passwordHash: "x" },
    });
    const { secret } = await prisma.$transaction((tx) => createApiToken(tx, user.id, { name: `bench ${Date.now()}`, expiresInDays: 1 }, new Date()));
    return secret;
  } finally {
    await database.close();
  }
}

function copyRows(): { rows: number; seconds: number; bytes: number } {
  const t0 = performance.now();
  const out = spawnSync("psql", [DB_URL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", COPY_SQL], { maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  if (out.status !== 0) throw new Error(`psql failed: ${out.stderr.toString()}`);
  const text = out.stdout.toString();
  return { rows: text.split("\n").length - 1, seconds, bytes: out.stdout.length };
}

type Get = (url: string, headers?: Record<string, string>) => Promise<Response>;

/**
 * Walks the 100k engagements, following `next`: as JSON (each page parsed), or as CSV
 * (format=csv: rows counted by line, as COPY's are, the next page in the Link header).
 */
async function walk(get: Get, headers: Record<string, string> = {}, format: "json" | "csv" = "json"): Promise<{ rows: number; seconds: number; pages: number; bytes: number }> {
  const t0 = performance.now();
  let next: string | null = `/api/v1/engagements?limit=1000${format === "csv" ? "&format=csv" : ""}`;
  let rows = 0;
  let pages = 0;
  let bytes = 0;
  while (next) {
    const response = await get(next, headers);
    if (response.status !== 200) throw new Error(`${next}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    bytes += text.length;
    if (format === "csv") {
      rows += text.split("\n").length - 2; // the header row, and the empty string after the last CRLF
      next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get("link") ?? "")?.[1] ?? null;
    } else {
      const page = JSON.parse(text) as { data: unknown[]; next: string | null };
      rows += page.data.length;
      next = page.next;
    }
    pages += 1;
  }
  return { rows, seconds: (performance.now() - t0) / 1000, pages, bytes };
}

/**
 * `clients` walks at once while writes happen (an engagement's notes every 50 ms, each write
 * moving the data version, so pages read ahead are dropped and read again) and a light
 * endpoint (objectives) is timed: does a crowd of walks starve other callers?
 */
async function concurrentWalks(get: Get, clients: number) {
  const writer = new pg.Client({ connectionString: DB_URL });
  await writer.connect();
  let writing = true;
  let writes = 0;
  const writes$ = (async () => {
    while (writing) {
      await writer.query(`UPDATE "Engagement" SET notes = 'bench write ' || $1, "updatedAt" = now() WHERE id = 'be' || lpad($2::text, 7, '0')`, [writes, 1 + ((writes * 7919) % ROWS)]);
      writes++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const light: number[] = [];
  let walking = true;
  const light$ = (async () => {
    while (walking) {
      const t0 = performance.now();
      const response = await get("/api/v1/objectives");
      await response.text();
      if (response.status !== 200) throw new Error(`objectives: ${response.status}`);
      light.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = performance.now();
  const walks = await Promise.all(Array.from({ length: clients }, () => walk(get)));
  const seconds = (performance.now() - t0) / 1000;
  walking = false;
  writing = false;
  await Promise.all([light$, writes$]);
  await writer.end();
  const rows = walks.reduce((a, w) => a + w.rows, 0);
  const sorted = [...light].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  console.log(
    `${clients} walks at once with ${writes} writes meanwhile: ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s in all; ` +
      `each walk complete: ${walks.every((w) => w.rows === ROWS)}; light call (objectives) p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms over ${sorted.length} calls`,
  );
}

const IDENTITY = { "accept-encoding": "identity" };
const pct = (rate: number, copy: number) => `${((100 * rate) / copy).toFixed(0)} %`;

/**
 * The floor under any walk on this machine: the same client fetching and parsing the API's
 * first page `pages` times from a bare Node HTTP server (another process) that sends it
 * from memory, gzip'd at zlib's default level when asked (as Next's compression does) or
 * as is. No framework, no token check, no database: what HTTP, compression and the client
 * alone cost for these bytes.
 */
async function transportFloor(get: Get, pages: number): Promise<{ gzip: number; plain: number }> {
  const body = await (await get("/api/v1/engagements?limit=1000", IDENTITY)).text();
  const port = PORT + 1;
  const script = `
const http = require("node:http"), zlib = require("node:zlib");
let body = "";
process.stdin.setEncoding("utf8").on("data", (c) => (body += c)).on("end", () => {
  http.createServer((req, res) => {
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    if (!/\\bgzip\\b/.test(req.headers["accept-encoding"] || "")) return res.end(body);
    res.setHeader("Content-Encoding", "gzip");
    const gzip = zlib.createGzip();
    gzip.pipe(res);
    gzip.end(body);
  }).listen(${port}, "127.0.0.1", () => console.log("ready"));
});`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once("data", () => resolve());
      child.once("exit", (code) => reject(new Error(`the floor server exited (${code})`)));
      child.stdin!.end(body);
    });
    // The median of 3 rounds, as the walks' figures are medians.
    const rate = async (headers: Record<string, string>) => {
      const rates: number[] = [];
      for (let round = 0; round < 3; round++) {
        const t0 = performance.now();
        let rows = 0;
        for (let i = 0; i < pages; i++) {
          const response = await fetch(`http://127.0.0.1:${port}/`, { headers });
          rows += (JSON.parse(await response.text()) as { data: unknown[] }).data.length;
        }
        rates.push(rows / ((performance.now() - t0) / 1000));
      }
      return rates.sort((a, b) => a - b)[1]!;
    };
    return { gzip: await rate({}), plain: await rate(IDENTITY) };
  } finally {
    child.kill();
  }
}

function ensureBuild() {
  if (!args.build && existsSync(path.join(ROOT, ".next/BUILD_ID"))) return;
  console.log("building (next build)...");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
}

function startServer(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: BASE,
    DATABASE_URL: DB_URL,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: args.instances,
    API_RATE_LIMIT: "100000",
  };
  const server = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/start.ts")], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
  return server;
}

async function waitForServer() {
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${BASE}/api/v1/openapi.json`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start in 240 s");
}

async function main() {
  const secret = await prepare();
  const headers = { authorization: `Bearer ${secret}` };
  let get: Get;
  let server: ChildProcess | null = null;
  if (args["in-process"]) {
    process.env.DATABASE_URL = DB_URL;
    process.env.API_RATE_LIMIT = "100000";
    const route = (await import("../app/api/v1/engagements/route")).GET;
    get = (url, extra = {}) => route(new Request(`http://127.0.0.1${url}`, { headers: { ...headers, ...extra } }));
  } else {
    ensureBuild();
    server = startServer();
    process.on("SIGINT", () => {
      server?.kill("SIGTERM");
      process.exit(130);
    });
    await waitForServer();
    get = (url, extra = {}) => fetch(`${BASE}${url}`, { headers: { ...headers, ...extra } });
  }
  try {
    console.log(`machine load average (1 min): ${loadavg()[0]!.toFixed(1)} — shared machine, numbers are noisy`);
    await walk(get); // warm-up: JIT, connection pool, PostgreSQL's buffer cache
    copyRows();
    // Each round: the walk as fetch makes it (asking for gzip, which Next's compression
    // gives at zlib's default level), the walk asking for an uncompressed body (as COPY's
    // stream is), and COPY.
    // In process there is no HTTP, so no compression either: both walks are the same.
    const GZIP = args["in-process"] ? "in process" : "gzip";
    const rates: { gzip: number; plain: number; csvGzip: number; csvPlain: number; copy: number }[] = [];
    let pages = 0;
    for (let round = 1; round <= Number(args.rounds); round++) {
      const gzip = await walk(get);
      const plain = await walk(get, IDENTITY);
      const csvGzip = await walk(get, {}, "csv");
      const csvPlain = await walk(get, IDENTITY, "csv");
      const copy = copyRows();
      for (const w of [gzip, plain, csvGzip, csvPlain]) if (w.rows !== copy.rows) throw new Error(`an API walk returned ${w.rows} rows, COPY ${copy.rows}`);
      pages = gzip.pages;
      const rate = {
        gzip: gzip.rows / gzip.seconds, plain: plain.rows / plain.seconds, csvGzip: csvGzip.rows / csvGzip.seconds, csvPlain: csvPlain.rows / csvPlain.seconds,
        copy: copy.rows / copy.seconds,
      };
      rates.push(rate);
      console.log(
        `round ${round}: API ${gzip.rows} rows in ${gzip.pages} pages: ${GZIP} ${gzip.seconds.toFixed(2)} s = ${Math.round(rate.gzip)} rows/s, ` +
          `uncompressed ${plain.seconds.toFixed(2)} s = ${Math.round(rate.plain)} rows/s (${(plain.bytes / 1e6).toFixed(1)} MB JSON); ` +
          `COPY ${copy.rows} rows in ${copy.seconds.toFixed(2)} s = ${Math.round(rate.copy)} rows/s (${(copy.bytes / 1e6).toFixed(1)} MB CSV); ` +
          `API/COPY ${GZIP} ${pct(rate.gzip, rate.copy)}, uncompressed ${pct(rate.plain, rate.copy)}; ` +
          `format=csv (${(csvPlain.bytes / 1e6).toFixed(1)} MB): ${GZIP} ${Math.round(rate.csvGzip)} rows/s = ${pct(rate.csvGzip, rate.copy)}, ` +
          `uncompressed ${Math.round(rate.csvPlain)} rows/s = ${pct(rate.csvPlain, rate.copy)}`,
      );
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const copy = median(rates.map((r) => r.copy));
    const floor = args["in-process"] ? null : await transportFloor(get, pages);
    const clients = Number(args.clients);
    if (clients > 0) await concurrentWalks(get, clients);
    const verdict = (rate: number) => `${Math.round(rate)} rows/s = ${pct(rate, copy)} of COPY${rate / copy >= 0.25 ? " (target >= 25 % MET)" : " (target >= 25 % NOT MET)"}`;
    console.log(`median: COPY ${Math.round(copy)} rows/s; API walk ${GZIP} ${verdict(median(rates.map((r) => r.gzip)))}; uncompressed ${verdict(median(rates.map((r) => r.plain)))}`);
    console.log(`median, format=csv: API walk ${GZIP} ${verdict(median(rates.map((r) => r.csvGzip)))}; uncompressed ${verdict(median(rates.map((r) => r.csvPlain)))}`);
    if (floor) console.log(`floor (no app, no database: a bare Node server sending one API page ${pages} times): gzip ${verdict(floor.gzip)}; uncompressed ${verdict(floor.plain)}`);
    console.log(`mode: ${args["in-process"] ? "route handler in process" : `HTTP against npm start (${args.instances} instance)`}; load average now ${loadavg()[0]!.toFixed(1)}`);
  } finally {
    server?.kill("SIGTERM");
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
