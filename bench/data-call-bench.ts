// Benchmark (not a test): assembling one agency's fiscal-year data-call report as the draft
// page does (its engagements placed and counted by the database, its activities, the coverage
// report filtered to it for the indicators, the pure assembly) versus the dashboard's gap
// report filtered to that agency, on the same database, interleaved. Target: data call <= 2x
// the filtered dashboard report. All are measured uncached, each in one transaction (wall
// clock and CPU time); the third line is what the data call adds when the app serves the
// indicators' report from the report cache; the fourth is what submitting assembles (every
// figure with the ids of its records). First it checks that the database's grouping and
// counting give exactly the figures (and ids) of the reference assembly in JavaScript.
//
//   npm run bench:data-call -- --backend postgres [--url URL] [--generate]
//   npm run bench:data-call -- --backend pglite --data-dir DIR [--generate]
//   options: --runs 7  --fy 2026  --agency ACRONYM (default: the agency with most engagements)
//            --generate (migrate, seed, demo data: --engagements 100000 --participants 5000 --standards 10000)
//
// Without --url the PostgreSQL run uses postgresql://postgres@127.0.0.1:5432/data_call_bench
// (created when --generate is given).
import { parseArgs } from "node:util";
import pg from "pg";
import { isDeepStrictEqual } from "node:util";
import { assembleCounted, assembleDataCall, assembleGrouped, countedFigures } from "@/domain/data-call/assembly";
import { fiscalYearOf, fiscalYearPeriod, toIsoDate } from "@/domain/fiscal-year";
import { computeGapReport } from "@/server/coverage/gap-report-data";
import { seedDefaultIndicators } from "@/server/coverage/indicator-seed";
import { indicatorRows, readAssemblyRows, readCountedAssembly, readGroupedAssembly } from "@/server/data-call/assembly-rows";
import { describeTarget, openDatabase, type Database } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";
import { generateDemoData } from "../seeds/demo-data";
import { seedReference } from "../seeds/reference";
import { measuredTransaction } from "./support/measured";

const { values: args } = parseArgs({
  options: {
    backend: { type: "string", default: "postgres" },
    url: { type: "string" },
    "db-name": { type: "string", default: "data_call_bench" },
    "data-dir": { type: "string", default: ".data/bench-data-call-pglite" },
    runs: { type: "string", default: "7" },
    fy: { type: "string" },
    agency: { type: "string" },
    generate: { type: "boolean", default: false },
    engagements: { type: "string", default: "100000" },
    participants: { type: "string", default: "5000" },
    standards: { type: "string", default: "10000" },
  },
});

const RUNS = Number(args.runs);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function open(): Promise<Database> {
  if (args.backend === "pglite") return openDatabase({ kind: "pglite", dataDir: args["data-dir"] });
  const base = "postgresql://postgres@127.0.0.1:5432";
  const url = args.url ?? `${base}/${args["db-name"]}`;
  if (!args.url && args.generate) {
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [args["db-name"]]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${args["db-name"]}"`);
    await admin.end();
  }
  return openDatabase({ kind: "postgres", url });
}

async function main() {
  const database = await open();
  const prisma = database.prisma;
  try {
    console.log(`database: ${describeTarget(database.target)}`);
    await applyMigrations(database);
    await seedReference(prisma);
    await seedDefaultIndicators(prisma);
    if (args.generate) {
      const report = await generateDemoData(prisma, {
        seed: 1,
        engagements: Number(args.engagements),
        participants: Number(args.participants),
        extraStandards: Number(args.standards),
        reset: true,
      });
      console.log(`generated: ${report.message} (written in ${(report.writeMs / 1000).toFixed(0)} s)`);
      await prisma.$executeRawUnsafe("VACUUM ANALYZE");
    }
    const counts = { engagements: await prisma.engagement.count(), activities: await prisma.activity.count(), agencies: await prisma.agency.count() };
    console.log(`data: ${JSON.stringify(counts)}`);

    const today = toIsoDate(new Date());
    const fy = args.fy ? Number(args.fy) : fiscalYearOf(today) - 1;
    const agency = args.agency
      ? await prisma.agency.findUniqueOrThrow({ where: { acronym: args.agency }, select: { id: true, acronym: true } })
      : await (async () => {
          const [top] = await prisma.engagement.groupBy({ by: ["agencyId"], _count: { _all: true }, orderBy: { _count: { agencyId: "desc" } }, take: 1 });
          return prisma.agency.findUniqueOrThrow({ where: { id: top!.agencyId }, select: { id: true, acronym: true } });
        })();
    const agencyEngagements = await prisma.engagement.count({ where: { agencyId: agency.id } });
    const request = { period: fiscalYearPeriod(fy), today, generatedAt: new Date().toISOString(), agencyId: agency.id, sdoId: null };

    type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
    // Wall clock and CPU (this process and the PostgreSQL backend): bench/support/measured.ts.
    const measured = async <T>(work: (tx: Tx) => Promise<T>) => {
      const { result, wall, cpu } = await measuredTransaction(prisma, args.backend === "pglite", work);
      return { result, ms: wall, cpu };
    };
    // The dashboard's report filtered to the agency, as the dashboard computes it.
    const dashboard = () => measured((tx) => computeGapReport(tx, request));
    // The data call as the draft page assembles it: the agency's engagements placed and
    // counted by the database (one aggregate statement), its activities, the filtered report
    // (for the indicators), the assembly. The record ids are read only when needed (submit,
    // export, records page): `withIds` below.
    const dataCall = () =>
      measured(async (tx) => {
        const counted = await readCountedAssembly(tx, agency.id, fy);
        const report = await computeGapReport(tx, request);
        return assembleCounted({ ...counted!, indicators: indicatorRows(report) });
      });
    // What the data call adds when the report comes from the report cache (as in the app once
    // the dashboard's view of the agency was computed).
    const rowsOnly = () => measured(async (tx) => assembleCounted({ ...(await readCountedAssembly(tx, agency.id, fy))!, indicators: [] }));
    // What submitting freezes: every figure with the ids of its records, grouped by the database.
    const withIds = () =>
      measured(async (tx) => {
        const grouped = await readGroupedAssembly(tx, agency.id, fy);
        const report = await computeGapReport(tx, request);
        return assembleGrouped({ ...grouped!, indicators: indicatorRows(report) });
      });
    // The reference: every engagement row of the agency to JavaScript, grouped there.
    const inJs = () =>
      measured(async (tx) => {
        const rows = await readAssemblyRows(tx, agency.id, fy);
        const report = await computeGapReport(tx, request);
        return assembleDataCall({ ...rows!, indicators: indicatorRows(report) });
      });
    const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    const reference = await inJs();
    const full = await withIds();
    const counted = await dataCall();
    const sameIds = isDeepStrictEqual(json(reference.result), json(full.result));
    const sameCounts = isDeepStrictEqual(json(countedFigures(reference.result)), json(counted.result));
    console.log(`grouped by the database vs in JavaScript: ${sameIds ? "identical figures and record ids" : "DIFFERENT FIGURES"}; ` +
      `counted by the database: ${sameCounts ? "identical figures and record counts" : "DIFFERENT FIGURES"}`);
    console.log(`first runs: rows in JavaScript ${fmt(reference.ms)}, grouped with ids ${fmt(full.ms)}, counted ${fmt(counted.ms)}; ` +
      `the report is ${(JSON.stringify(full.result).length / 1e6).toFixed(1)} MB of JSON with its ids, ${(JSON.stringify(counted.result).length / 1e3).toFixed(0)} kB without`);
    if (!sameIds || !sameCounts) process.exitCode = 1;

    const check = (await dataCall()).result;
    const report = (await dashboard()).result;
    const engagements = check.participation.summary.find((f) => f.key === "participation.engagements")!.value;
    console.log(
      `FY${fy}, agency ${agency.acronym} (${agencyEngagements} engagements in all): data call counts ${engagements} engagements active in the year, ` +
        `the dashboard ${report.totals.engagements}; ${check.indicators.length} indicators`,
    );

    const ms = { dashboard: [] as number[], dataCall: [] as number[], rows: [] as number[], withIds: [] as number[] };
    const cpu = { dashboard: [] as number[], dataCall: [] as number[], rows: [] as number[], withIds: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, alternating which goes first, so load on the machine hits all alike.
      const order = i % 2 ? (["dataCall", "dashboard", "rows", "withIds"] as const) : (["dashboard", "dataCall", "withIds", "rows"] as const);
      for (const which of order) {
        const run = await (which === "dashboard" ? dashboard() : which === "dataCall" ? dataCall() : which === "rows" ? rowsOnly() : withIds());
        ms[which].push(run.ms);
        cpu[which].push(run.cpu);
      }
    }
    const line = (label: string, xs: number[]) => `  ${label.padEnd(36)} ${fmt(median(xs)).padStart(8)}  (${fmt(Math.min(...xs))}..${fmt(Math.max(...xs))})`;
    console.log(`\n${RUNS} interleaved runs each, median (min..max)`);
    for (const [title, xs] of [["wall clock:", ms], [args.backend === "pglite" ? "CPU time (this process, PGlite included):" : "CPU time (this process + PostgreSQL backend):", cpu]] as const) {
      console.log(title);
      console.log(line("dashboard report, agency filter", xs.dashboard));
      console.log(line("data call (rows + report + assembly)", xs.dataCall));
      console.log(line("data call counts + assembly only", xs.rows));
      console.log(line("submit: with every record id", xs.withIds));
      console.log(`  ratio data call / dashboard          ${(median(xs.dataCall) / median(xs.dashboard)).toFixed(2)}x  (target <= 2x)`);
      console.log(`  ratio submit (with ids) / dashboard  ${(median(xs.withIds) / median(xs.dashboard)).toFixed(2)}x`);
    }
    console.log(
      JSON.stringify({
        backend: args.backend, fy, agency: agency.acronym, runs: RUNS, counts,
        wallMs: { dashboard: median(ms.dashboard), dataCall: median(ms.dataCall), rowsOnly: median(ms.rows), withIds: median(ms.withIds) },
        cpuMs: { dashboard: median(cpu.dashboard), dataCall: median(cpu.dataCall), rowsOnly: median(cpu.rows), withIds: median(cpu.withIds) },
        ratio: { wall: median(ms.dataCall) / median(ms.dashboard), cpu: median(cpu.dataCall) / median(cpu.dashboard) },
      }),
    );
  } finally {
    await database.close();
  }
}

await main();
