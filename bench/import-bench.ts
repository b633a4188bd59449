// Benchmark (not a test): a generated 50,000-row CSV inventory imported end to end
// (upload, stream parse, validate, plan + preview, then the one-transaction commit) and
// re-imported (everything unchanged), versus COPY of the same rows into a scratch table,
// all in one run. Each measurement is repeated (--runs, default 3; each first import
// uses fresh SDO acronyms) and the median is reported, with peak RSS and the ratio.
//
//   npx tsx --conditions=react-server bench/import-bench.ts [--rows 50000] [--runs 3] [--backend postgres|pglite] [--keep]
//
// postgres: needs the local PostgreSQL (BENCH_POSTGRES_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres, trust auth); creates and drops a
// database imp_bench_<random>. COPY is measured twice: server-side COPY FROM the file,
// and psql's \copy (client-side COPY FROM STDIN, includes psql's start-up).
// pglite: a data directory under /tmp; COPY is PGlite's COPY FROM '/dev/blob' of the
// same CSV into a scratch table of the same database.
// Also measured: the write floor, i.e. the same standards and links inserted set-based
// into the real tables (indexes, foreign keys) from scratch copies, rolled back.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "50000" },
    runs: { type: "string", default: "3" },
    backend: { type: "string", default: "postgres" },
    keep: { type: "boolean", default: false },
  },
});
const ROWS = Number(args.rows);
const RUNS = Math.max(1, Number(args.runs));
const BACKEND = args.backend === "pglite" ? "pglite" : "postgres";
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `imp_bench_${randomBytes(4).toString("hex")}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const dir = path.resolve("/tmp", name);

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const SCRATCH = `CREATE TABLE IF NOT EXISTS bench_scratch (sdo_acronym text, sdo_name text, sdo_type text, committee text, committee_title text,
  standard_designation text, title text, stage text, year text, core_areas text, key_applications text, provenance text, source text, note text)`;

function generateCsv(rows: number, prefix = "BENCH"): string {
  const header = "sdo_acronym,sdo_name,sdo_type,committee,committee_title,standard_designation,title,stage,year,core_areas,key_applications,provenance,source,note";
  const stages = ["PUBLISHED", "DEVELOPMENT", "REVISION", "PROPOSED"];
  const cas = ["CA-CRYPTO", "CA-IAM", "CA-NET;CA-CRYPTO", "Software Assurance", ""];
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const sdo = `${prefix}-${i % 10}`;
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
  const admin = BACKEND === "postgres" ? new pg.Client({ connectionString: ADMIN_URL }) : null;
  mkdirSync(dir, { recursive: true });
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    process.env.DATABASE_URL = url.toString();
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = path.join(dir, "pglite");
  }
  const { appDatabase } = await import("@/server/db/app-database");
  const { applyMigrations } = await import("@/server/db/migrate");
  const { seedReference } = await import("../seeds/reference");
  const { receiveUpload } = await import("@/server/imports/upload");
  const { processImportRun } = await import("@/server/imports/process");
  const { assertCommittable, commitImportRun } = await import("@/server/imports/commit");
  const database = appDatabase();
  const prisma = database.prisma;
  try {
    await applyMigrations(database);
    await seedReference(prisma);
    const user = await prisma.user.create({ data: { email: "bench@example.gov", name: "Bench", role: "ADMIN", passwordHash: "x" } });
    const session = {
      user: { id: user.id, email: user.email, name: "Bench", role: "ADMIN" as const, agencyId: null, agencyAcronym: null },
      scope: { userId: user.id, role: "ADMIN" as const, agencyId: null },
    };
    const rssBefore = process.memoryUsage().rss;
    const preview = async (fileName: string, bytes: Uint8Array) => {
      const runId = await receiveUpload(session, { fileName, contentType: "text/csv", size: bytes.length, body: bytes, mode: "MERGE" });
      await processImportRun(runId);
      const run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
      if (run.status !== "PREVIEW") throw new Error(`preview failed: ${run.status} ${run.error}`);
      return run;
    };

    const t = { preview: [] as number[], commit: [] as number[], whole: [] as number[], reimport: [] as number[] };
    let firstCsv = "";
    let csvBytes = 0;
    for (let k = 0; k < RUNS; k++) {
      const csv = generateCsv(ROWS, `B${k}`);
      const bytes = new TextEncoder().encode(csv);
      if (k === 0) [firstCsv, csvBytes] = [csv, bytes.length];
      const t0 = performance.now();
      const run = await preview(`bench-${k}.csv`, bytes);
      const t1 = performance.now();
      await prisma.$transaction((tx) => assertCommittable(tx, run.id));
      await commitImportRun(run.id, { id: user.id, email: user.email });
      const t2 = performance.now();
      const done = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
      if (done.status !== "COMMITTED" || done.createdCount !== ROWS) throw new Error(`commit failed: ${done.status} ${done.error}`);
      const r0 = performance.now();
      const again = await preview(`bench-${k}-again.csv`, bytes);
      const r1 = performance.now();
      if (again.unchangedCount !== ROWS || again.createdCount + again.updatedCount) throw new Error("re-import was not all unchanged");
      t.preview.push(t1 - t0);
      t.commit.push(t2 - t1);
      t.whole.push(t2 - t0);
      t.reimport.push(r1 - r0);
      console.log(`[bench] run ${k + 1}/${RUNS}: preview ${(t1 - t0).toFixed(0)} ms, commit ${(t2 - t1).toFixed(0)} ms, re-import ${(r1 - r0).toFixed(0)} ms`);
    }
    const standards = await prisma.standard.count({ where: { sdo: { acronym: { startsWith: "B" } } } });
    const changeRows = await prisma.importChange.count();
    const [kept] = await prisma.$queryRawUnsafe<{ sets: number; records: number }[]>(
      `SELECT count(*)::int AS sets, coalesce(sum(cardinality("recordIds")), 0)::int AS records FROM "ImportRecordSet" WHERE "uploadId" IS NULL`,
    );

    // COPY of the same rows (run 1's CSV) into a scratch table.
    const file = path.join(dir, "inventory.csv");
    writeFileSync(file, firstCsv);
    const copies: Record<string, number[]> = {};
    const timeCopy = async (label: string, copy: () => Promise<unknown>, count: () => Promise<number>, truncate: () => Promise<unknown>) => {
      copies[label] = [];
      for (let k = 0; k < RUNS; k++) {
        await truncate();
        const c0 = performance.now();
        await copy();
        copies[label].push(performance.now() - c0);
        const n = await count();
        if (n !== ROWS) throw new Error(`${label} copied ${n} rows`);
      }
    };
    // The write floor: run 1's standards and links inserted again set-based into the real
    // tables (their indexes, foreign keys and triggers) from scratch copies, under new ids
    // and designations, in a transaction that is rolled back. Any import of 50k new
    // standards pays at least this.
    const floor: number[] = [];
    const timeFloor = async (q: (sql: string) => Promise<unknown>) => {
      const scope = `(SELECT id FROM "Standard" WHERE "sdoId" IN (SELECT id FROM "Sdo" WHERE acronym LIKE 'B0-%'))`;
      for (let k = 0; k < RUNS; k++) {
        await q("BEGIN");
        await q(`CREATE TEMP TABLE floor_s ON COMMIT DROP AS SELECT * FROM "Standard" WHERE id IN ${scope}`);
        await q(`UPDATE floor_s SET id = 'f' || id, designation = designation || ' (floor)'`);
        await q(`CREATE TEMP TABLE floor_ca ON COMMIT DROP AS SELECT 'f' || "standardId" AS "standardId", "coreAreaId" FROM "StandardCoreArea" WHERE "standardId" IN ${scope}`);
        await q(`CREATE TEMP TABLE floor_ka ON COMMIT DROP AS SELECT 'f' || "standardId" AS "standardId", "keyApplicationId" FROM "StandardKeyApplication" WHERE "standardId" IN ${scope}`);
        const f0 = performance.now();
        await q(`INSERT INTO "Standard" SELECT * FROM floor_s`);
        await q(`INSERT INTO "StandardCoreArea" SELECT * FROM floor_ca`);
        await q(`INSERT INTO "StandardKeyApplication" SELECT * FROM floor_ka`);
        floor.push(performance.now() - f0);
        await q("ROLLBACK");
      }
    };
    if (BACKEND === "postgres") {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      await client.query(SCRATCH);
      const count = async () => Number((await client.query(`SELECT count(*) AS n FROM bench_scratch`)).rows[0].n);
      const truncate = () => client.query(`TRUNCATE bench_scratch`);
      await timeCopy("COPY FROM file (server)", () => client.query(`COPY bench_scratch FROM '${file}' WITH (FORMAT csv, HEADER true)`), count, truncate);
      await timeCopy("psql \\copy FROM STDIN (client)", async () => execFileSync("psql", [url.toString(), "-qc", `\\copy bench_scratch FROM '${file}' WITH (FORMAT csv, HEADER true)`]), count, truncate);
      await timeFloor((sql) => client.query(sql));
      await client.end();
    } else {
      // The app's PGlite is closed first (one owner per data dir), then reopened raw.
      await database.close();
      const { PGlite } = await import("@electric-sql/pglite");
      const raw = new PGlite(path.join(dir, "pglite"));
      await raw.exec(SCRATCH);
      const blob = new Blob([firstCsv]);
      await timeCopy(
        "PGlite COPY FROM /dev/blob",
        () => raw.query(`COPY bench_scratch FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob }),
        async () => Number((await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_scratch`)).rows[0]!.n),
        () => raw.exec(`TRUNCATE bench_scratch`),
      );
      await timeFloor((sql) => raw.exec(sql));
      await raw.close();
    }

    const maxRss = process.resourceUsage().maxRSS * 1024;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(9);
    const copy = Object.entries(copies).map(([label, xs]) => [label, median(xs)] as const);
    const reference = copy[0]![1];
    console.log(`\n[bench] ${BACKEND}, ${ROWS.toLocaleString("en-US")} rows, ${mb(csvBytes)} CSV, median of ${RUNS}; load ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${cpus().length} cores`);
    console.log(`| measurement                              |    median | ratio to ${copy[0]![0]} |`);
    console.log(`|------------------------------------------|-----------|------|`);
    const row = (label: string, ms: number) => console.log(`| ${label.padEnd(40)} | ${s(ms)} | ${(ms / reference).toFixed(1)}x |`);
    for (const [label, ms] of copy) row(label, ms);
    row("import: upload + parse + validate + preview", median(t.preview));
    row("import: commit (digest check + write)", median(t.commit));
    row("import: whole (preview + commit)", median(t.whole));
    row("re-import, all unchanged (preview)", median(t.reimport));
    row("write floor: INSERT..SELECT same rows", median(floor));
    console.log(
      `[bench] ${standards.toLocaleString("en-US")} standards written; undo log: ${kept!.records.toLocaleString("en-US")} creations in ${kept!.sets} record sets, ${changeRows.toLocaleString("en-US")} ImportChange rows; target whole <= 4x COPY`,
    );
    console.log(`[bench] peak RSS ${mb(maxRss)} (process before the first import: ${mb(rssBefore)})`);
  } finally {
    if (BACKEND === "postgres") await database.close();
    else await database.close().catch(() => {});
    if (!args.keep) {
      if (admin) {
        // Plain DROP first: FORCE would kill a pooled connection that is still closing.
        await new Promise((r) => setTimeout(r, 300));
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`).catch(() => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
      rmSync(dir, { recursive: true, force: true });
    }
    await admin?.end();
  }
}

await main();
