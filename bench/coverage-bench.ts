// Benchmark (not a test): the full coverage-gap report versus one hand-written SQL query
// that produces the same per-core-area numbers, in one run, on the same database, with the
// same session settings. Reports the median of several interleaved runs and the ratio
// (target: report <= 1.5x the hand-written query), plus the dashboard's trend query.
//
//   npx tsx --conditions=react-server bench/coverage-bench.ts --backend postgres [--url URL]
//   npx tsx --conditions=react-server bench/coverage-bench.ts --backend pglite --data-dir DIR
//   options: --runs 11  --fy 2025  --generate (migrate, seed and generate demo data first:
//            --engagements 100000 --participants 5000 --standards 10000)
//
// Without --url the PostgreSQL run uses postgresql://postgres@127.0.0.1:5432/coverage_bench
// (created when --generate is given). --generate resets the demo rows of that database.
import { parseArgs } from "node:util";
import pg from "pg";
import { fiscalYearPeriod, toIsoDate } from "@/domain/fiscal-year";
import { openDatabase, describeTarget, type Database } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";
import { computeGapReport } from "@/server/coverage/gap-report-data";
import { seedDefaultIndicators } from "@/server/coverage/indicator-seed";
import { queryTrend, tuneReportTransaction } from "@/server/coverage/coverage-sql";
import { seedReference } from "../seeds/reference";
import { generateDemoData } from "../seeds/demo-data";
import { handWrittenCoreAreaQuery } from "./hand-written-sql";
import { measuredTransaction } from "./support/measured";

const { values: args } = parseArgs({
  options: {
    backend: { type: "string", default: "postgres" },
    url: { type: "string" },
    "data-dir": { type: "string", default: ".data/bench-pglite" },
    runs: { type: "string", default: "11" },
    fy: { type: "string" },
    generate: { type: "boolean", default: false },
    engagements: { type: "string", default: "100000" },
    participants: { type: "string", default: "5000" },
    standards: { type: "string", default: "10000" },
  },
});

const RUNS = Number(args.runs);
const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/coverage_bench";

interface HandRow {
  id: string;
  engagements: number;
  participants: number;
  agencies: number;
  leadership: number;
  score: number;
  level: number;
  deep: number;
  lastActivity: string | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function prepare(database: Database) {
  await applyMigrations(database);
  await seedReference(database.prisma);
  await seedDefaultIndicators(database.prisma);
  if (args.generate) {
    const report = await generateDemoData(database.prisma, {
      seed: 1,
      engagements: Number(args.engagements),
      participants: Number(args.participants),
      extraStandards: Number(args.standards),
      reset: true,
    });
    console.log(`generated: ${report.message} (planned in ${fmt(report.planMs)}, written in ${((report.writeMs) / 1000).toFixed(0)} s)`);
  }
  await database.prisma.$executeRawUnsafe("VACUUM ANALYZE");
}

async function main() {
  let database: Database;
  if (args.backend === "pglite") {
    database = openDatabase({ kind: "pglite", dataDir: args["data-dir"] });
  } else {
    const url = args.url ?? DEFAULT_URL;
    if (!args.url && args.generate) {
      const admin = new pg.Client({ connectionString: DEFAULT_URL.replace(/\/coverage_bench$/, "/postgres") });
      await admin.connect();
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'coverage_bench'");
      if (exists.rowCount === 0) await admin.query("CREATE DATABASE coverage_bench");
      await admin.end();
    }
    database = openDatabase({ kind: "postgres", url });
  }
  const prisma = database.prisma;
  try {
    console.log(`database: ${describeTarget(database.target)}`);
    await prepare(database);
    const counts = {
      engagements: await prisma.engagement.count(),
      participants: await prisma.participant.count(),
      standards: await prisma.standard.count(),
      activities: await prisma.activity.count(),
    };
    console.log(`data: ${JSON.stringify(counts)}`);
    const version = await prisma.$queryRaw<{ v: string }[]>`SELECT version() AS v`;
    console.log(`server: ${version[0]?.v}`);

    const today = toIsoDate(new Date());
    const fy = args.fy ? Number(args.fy) : Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 10 ? 1 : 0) - 1;
    const period = fiscalYearPeriod(fy);
    const asOf = period.end < today ? period.end : today;
    const request = { period, today, generatedAt: new Date().toISOString(), agencyId: null, sdoId: null };

    type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
    // Wall clock and CPU (this process and the PostgreSQL backend): bench/support/measured.ts.
    const measured = <T>(work: (tx: Tx) => Promise<T>) => measuredTransaction(prisma, args.backend === "pglite", work);
    const fullReport = () => measured((tx) => computeGapReport(tx, request));
    const handWritten = () =>
      measured(async (tx) => {
        await tuneReportTransaction(tx);
        return tx.$queryRaw<HandRow[]>(handWrittenCoreAreaQuery(period.start, period.end, asOf));
      });
    const trend = () =>
      measured(async (tx) => {
        await tuneReportTransaction(tx);
        return queryTrend(tx, { agencyId: null, sdoId: null }, fy - 9, fy);
      });

    // Same numbers? The engine's per-core-area rows must equal the hand-written ones.
    const report = (await fullReport()).result;
    const hand = (await handWritten()).result;
    for (const h of hand) {
      const row = report.coreAreas.find((c) => c.id === h.id);
      const got = row && {
        id: row.id,
        engagements: row.metrics.engagements,
        participants: row.metrics.participants,
        agencies: row.metrics.agencies,
        leadership: row.metrics.leadership,
        score: row.score,
        level: row.level,
        deep: row.metrics.depth.CONTRIBUTE + row.metrics.depth.LEAD,
        lastActivity: row.metrics.lastActivity,
      };
      if (JSON.stringify(got) !== JSON.stringify(h)) throw new Error(`core area ${h.id} differs: engine ${JSON.stringify(got)} vs hand-written ${JSON.stringify(h)}`);
    }
    console.log(`check: ${hand.length} core areas identical in both; report has ${report.gaps.length} gaps, ${report.indicators.length} indicators`);

    const wall = { report: [] as number[], hand: [] as number[], trend: [] as number[] };
    const cpu = { report: [] as number[], hand: [] as number[], trend: [] as number[] };
    const dbCpu = { report: [] as number[], hand: [] as number[], trend: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, alternating which goes first, so load on the machine hits both alike.
      const order = i % 2 ? (["hand", "report", "trend"] as const) : (["report", "hand", "trend"] as const);
      for (const which of order) {
        const run = await (which === "report" ? fullReport() : which === "hand" ? handWritten() : trend());
        wall[which].push(run.wall);
        cpu[which].push(run.cpu);
        dbCpu[which].push(run.db);
      }
    }
    const line = (label: string, xs: number[]) =>
      `  ${label.padEnd(20)} ${fmt(median(xs)).padStart(8)}  (${fmt(Math.min(...xs))}..${fmt(Math.max(...xs))})`;
    console.log(`\nFY${fy}, ${RUNS} interleaved runs each; median (min..max)`);
    console.log("wall clock:");
    console.log(line("full gap report", wall.report));
    console.log(line("hand-written query", wall.hand));
    console.log(line("trend (10 FYs)", wall.trend));
    console.log(`  ratio                ${(median(wall.report) / median(wall.hand)).toFixed(2)}x  (target <= 1.5x)`);
    console.log(args.backend === "pglite" ? "CPU time (this process, PGlite included):" : "CPU time (this process + PostgreSQL backend):");
    console.log(line("full gap report", cpu.report));
    console.log(line("hand-written query", cpu.hand));
    console.log(line("trend (10 FYs)", cpu.trend));
    console.log(`  ratio                ${(median(cpu.report) / median(cpu.hand)).toFixed(2)}x`);
    if (args.backend !== "pglite") {
      console.log(`  of which PostgreSQL  report ${fmt(median(dbCpu.report))}, hand-written ${fmt(median(dbCpu.hand))} (ratio ${(median(dbCpu.report) / median(dbCpu.hand)).toFixed(2)}x)`);
    }
    console.log(
      JSON.stringify({
        backend: args.backend,
        fy,
        runs: RUNS,
        counts,
        wallMs: { report: median(wall.report), hand: median(wall.hand), trend: median(wall.trend) },
        cpuMs: { report: median(cpu.report), hand: median(cpu.hand), trend: median(cpu.trend) },
        ratio: { wall: median(wall.report) / median(wall.hand), cpu: median(cpu.report) / median(cpu.hand) },
      }),
    );
  } finally {
    await database.close();
  }
}

await main();
