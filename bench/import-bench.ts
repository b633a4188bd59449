// Benchmark (not a test): a generated 50,000-row CSV inventory, imported end to end
// (upload, stream parse, validate, plan, one-transaction batched write) versus
// PostgreSQL COPY of the same file into a scratch table, in one run on a fresh
// database. Reports times, the ratio (target <= 4x) and peak RSS.
//
//   npx tsx --conditions=react-server bench/import-bench.ts [--rows 50000] [--keep]
//
// Needs the local PostgreSQL (postgresql://postgres@127.0.0.1:5432, trust auth); it
// creates and drops a database named imp_bench_<random>.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

const { values: args } = parseArgs({ options: { rows: { type: "string", default: "50000" }, keep: { type: "boolean", default: false } } });
const ROWS = Number(args.rows);
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `imp_bench_${randomBytes(4).toString("hex")}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

function generateCsv(rows: number): string {
  const header = "sdo_acronym,sdo_name,sdo_type,committee,committee_title,standard_designation,title,stage,year,core_areas,key_applications,provenance,source,note";
  const stages = ["PUBLISHED", "DEVELOPMENT", "REVISION", "PROPOSED"];
  const cas = ["CA-CRYPTO", "CA-IAM", "CA-NET;CA-CRYPTO", "Software Assurance", ""];
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const sdo = `BENCH-${i % 10}`;
    const tc = `${sdo}/TC ${Math.floor(i / 10) % 20}`;
    const wg = `${tc}/WG ${Math.floor(i / 200) % 5}`;
    const first = i < 10;
    lines.push(
      [
        sdo,
        first ? `Benchmark body ${i % 10}` : "",
        first ? "consortium" : "",
        wg,
        `"Working group ${wg.slice(sdo.length + 1)}, benchmark"`,
        `${sdo} ${100000 + i}`,
        `"Generated standard number ${i}, with a ""quoted"" word"`,
        stages[i % stages.length],
        i % 3 ? String(1990 + (i % 30)) : "",
        `"${cas[i % cas.length]}"`,
        i % 7 === 0 ? "APP-CLOUD" : "",
        "INFERRED",
        "S-BENCH",
        i % 11 === 0 ? `"Note for row ${i}"` : "",
      ].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

async function main() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  process.env.DATABASE_URL = url.toString();
  const { appDatabase } = await import("@/server/db/app-database");
  const { applyMigrations } = await import("@/server/db/migrate");
  const { seedReference } = await import("../seeds/reference");
  const { receiveUpload } = await import("@/server/imports/upload");
  const { processImportRun } = await import("@/server/imports/process");
  const { assertCommittable, commitImportRun } = await import("@/server/imports/commit");
  const database = appDatabase();
  try {
    await applyMigrations(database);
    await seedReference(database.prisma);
    const admin2 = await database.prisma.user.create({ data: { email: "bench@example.gov", name: "Bench", role: "ADMIN", passwordHash: "x" } });
    const session = {
      user: { id: admin2.id, email: admin2.email, name: "Bench", role: "ADMIN" as const, agencyId: null, agencyAcronym: null },
      scope: { userId: admin2.id, role: "ADMIN" as const, agencyId: null },
    };

    const csv = generateCsv(ROWS);
    const dir = path.resolve("/tmp", name);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "inventory.csv");
    writeFileSync(file, csv);
    const bytes = new TextEncoder().encode(csv);
    console.log(`[bench] ${ROWS.toLocaleString("en-US")} rows, ${mb(bytes.length)} CSV, database ${name}`);
    const rssBefore = process.memoryUsage().rss;

    // --- The whole import.
    const t0 = performance.now();
    const runId = await receiveUpload(session, { fileName: "bench.csv", contentType: "text/csv", size: bytes.length, body: bytes, mode: "MERGE" });
    const t1 = performance.now();
    await processImportRun(runId);
    const t2 = performance.now();
    const preview = await database.prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    if (preview.status !== "PREVIEW") throw new Error(`preview failed: ${preview.status} ${preview.error}`);
    await database.prisma.$transaction((tx) => assertCommittable(tx, runId));
    await commitImportRun(runId, { id: admin2.id, email: admin2.email });
    const t3 = performance.now();
    const done = await database.prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    if (done.status !== "COMMITTED") throw new Error(`commit failed: ${done.status} ${done.error}`);
    const standards = await database.prisma.standard.count({ where: { sdo: { acronym: { startsWith: "BENCH-" } } } });
    const importMs = t3 - t0;

    // --- Re-import of the same file: everything unchanged.
    const r0 = performance.now();
    const again = await receiveUpload(session, { fileName: "bench-again.csv", contentType: "text/csv", size: bytes.length, body: bytes, mode: "MERGE" });
    await processImportRun(again);
    const r1 = performance.now();
    const againRun = await database.prisma.importRun.findUniqueOrThrow({ where: { id: again } });

    // --- COPY of the same rows into a scratch table.
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(
      `CREATE TABLE bench_scratch (sdo_acronym text, sdo_name text, sdo_type text, committee text, committee_title text, standard_designation text,
         title text, stage text, year text, core_areas text, key_applications text, provenance text, source text, note text)`,
    );
    const c0 = performance.now();
    await client.query(`COPY bench_scratch FROM '${file}' WITH (FORMAT csv, HEADER true)`);
    const c1 = performance.now();
    const copied = Number((await client.query(`SELECT count(*) AS n FROM bench_scratch`)).rows[0].n);
    await client.end();
    const copyMs = c1 - c0;

    clearInterval(sampler);
    const maxRss = process.resourceUsage().maxRSS * 1024;
    const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`[bench] upload (hash + store bytes)      ${fmt(t1 - t0)}`);
    console.log(`[bench] parse + validate + plan          ${fmt(t2 - t1)}  -> ${preview.createdCount} new rows, ${preview.invalidCount} invalid`);
    console.log(`[bench] commit (re-plan + batched write) ${fmt(t3 - t2)}  -> ${standards.toLocaleString("en-US")} standards written`);
    console.log(`[bench] whole import                     ${fmt(importMs)}`);
    console.log(`[bench] PostgreSQL COPY of the same rows ${fmt(copyMs)}  (${copied.toLocaleString("en-US")} rows)`);
    console.log(`[bench] ratio import / COPY              ${(importMs / copyMs).toFixed(2)}x  (target <= 4x)`);
    console.log(`[bench] re-import preview (unchanged)    ${fmt(r1 - r0)}  -> ${againRun.unchangedCount.toLocaleString("en-US")} unchanged, ${againRun.createdCount + againRun.updatedCount} changed`);
    console.log(`[bench] peak RSS ${mb(Math.max(peakRss, maxRss))} (before import ${mb(rssBefore)})`);
  } finally {
    clearInterval(sampler);
    await database.close();
    if (!args.keep) {
      // Plain DROP first: FORCE would kill a pooled connection that is still closing.
      await new Promise((r) => setTimeout(r, 300));
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`).catch(() => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      rmSync(path.resolve("/tmp", name), { recursive: true, force: true });
    }
    await admin.end();
  }
}

await main();
