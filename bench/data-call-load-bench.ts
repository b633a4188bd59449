// Load benchmark (not a test): the data-call draft page under concurrency, on the built app.
// Sets up the database at the benchmark size (or uses an existing one), opens the fiscal
// year's data call, starts `next start` (as `npm start`), signs in the coordinator (NIST,
// the agency with most engagements), then drives concurrent clients (autocannon) at the
// agency's draft submission page in interleaved rounds: views alone (the cached draft), and
// views while coordinators save engagements through the real server action (every save
// moves the data version, so views after it recompute the draft once, single flight).
// Prints req/s, p50, p99 and failures per round, and the first view after a save.
//
//   npm run bench:data-call-load -- [--db-name data_call_load_bench | --url URL]
//   options: --port 3410  --duration 15  --connections 32  --rounds 2  --fy (default: last FY)
//            --instances N (app processes, as WEB_CONCURRENCY)  --build (next build first)
//            --engagements 100000 --participants 5000 --standards 10000 (generated when fewer)
import type { ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { fiscalYearOf, toIsoDate } from "@/domain/fiscal-year";
import { seedDefaultIndicators } from "@/server/coverage/indicator-seed";
import { openDatabase } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";
import { generateDemoData } from "../seeds/demo-data";
import { seedReference } from "../seeds/reference";
import { ensureDemoUsers } from "../scripts/lib/demo-users";
import { buildIfNeeded, merge, printTable, rssMb, run, serverAction, signIn, startApp, timedGet, waitForApp, type LoadContext, type Measured, type Target } from "./support/http-load";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    "db-name": { type: "string", default: "data_call_load_bench" },
    port: { type: "string", default: "3410" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "32" },
    instances: { type: "string" },
    rounds: { type: "string", default: "2" },
    fy: { type: "string" },
    build: { type: "boolean", default: false },
    engagements: { type: "string", default: "100000" },
    participants: { type: "string", default: "5000" },
    standards: { type: "string", default: "10000" },
  },
});

const ROOT = process.cwd();
const PORT = Number(args.port);
const CTX: LoadContext = { base: `http://127.0.0.1:${PORT}`, connections: Number(args.connections) };
const DURATION = Number(args.duration);
const ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_URL = args.url ?? `postgresql://postgres@127.0.0.1:5432/${args["db-name"]}`;
const SECRET = "load-bench-secret-not-for-production-0123456789";

async function prepareDatabase(fy: number): Promise<{ agencyId: string; participants: string[] }> {
  if (!args.url) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [args["db-name"]]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${args["db-name"]}"`);
    await admin.end();
  }
  const database = openDatabase({ kind: "postgres", url: DB_URL });
  const prisma = database.prisma;
  try {
    await applyMigrations(database);
    await seedReference(prisma);
    await seedDefaultIndicators(prisma);
    await ensureDemoUsers(prisma);
    const want = Number(args.engagements);
    if ((await prisma.engagement.count()) < want) {
      const report = await generateDemoData(prisma, { seed: 1, engagements: want, participants: Number(args.participants), extraStandards: Number(args.standards), reset: true });
      console.log(`generated: ${report.message}`);
      await prisma.$executeRawUnsafe("VACUUM ANALYZE");
    }
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.gov" }, select: { id: true, email: true } });
    if (!(await prisma.dataCall.findUnique({ where: { fiscalYear: fy } }))) {
      await prisma.dataCall.create({ data: { fiscalYear: fy, dueDate: new Date(`${fy}-11-30T00:00:00Z`), instructions: "Load benchmark.", openedById: admin.id, openedByEmail: admin.email } });
    }
    // Start from a cold cache, so the first view is measured as one.
    await prisma.reportCache.deleteMany({});
    const nist = await prisma.agency.findUniqueOrThrow({ where: { acronym: "NIST" }, select: { id: true } });
    const people = await prisma.participant.findMany({ where: { agencyId: nist.id, active: true }, select: { id: true }, take: 2000 });
    const engagements = await prisma.engagement.count({ where: { agencyId: nist.id } });
    console.log(`database: ${DB_URL}; ${await prisma.engagement.count()} engagements, NIST ${engagements}; FY${fy} data call open`);
    return { agencyId: nist.id, participants: people.map((p) => p.id) };
  } finally {
    await database.close();
  }
}

async function main() {
  const fy = args.fy ? Number(args.fy) : fiscalYearOf(toIsoDate(new Date())) - 1;
  const { agencyId, participants } = await prepareDatabase(fy);
  buildIfNeeded(ROOT, args.build);
  const server: ChildProcess = startApp({ root: ROOT, port: PORT, secret: SECRET, databaseUrl: DB_URL, instances: args.instances });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    await waitForApp(CTX.base);
    const coordinator = await signIn(CTX, "coordinator@example.gov");
    const draft = `/data-calls/${fy}/${encodeURIComponent(agencyId)}`;
    const create = serverAction(ROOT, "createEngagementAction");
    // Past seats in the fiscal year (with an end date) never collide with the one-active-seat rule.
    const bodies = participants.map((participantId, i) =>
      JSON.stringify([
        { participantId, sdoId: "SDO-ISOIEC-JTC1", committeeId: "C-SC27", role: "MEMBER", depth: "ATTEND", startDate: `${fy - 1}-10-${String(1 + (i % 28)).padStart(2, "0")}`, endDate: `${fy - 1}-12-01`, notes: "data-call load benchmark" },
      ]),
    );
    const save: Target["post"] = {
      bodies,
      headers: { "next-action": create.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: CTX.base },
      okWhen: (body) => body.includes('"ok":true'),
    };
    const saveOnce = async (i: number) => {
      const saved = await fetch(`${CTX.base}${create.page}`, { method: "POST", headers: { cookie: coordinator, ...save.headers }, body: bodies[(i * 7919) % bodies.length] });
      if (!save.okWhen(await saved.text())) throw new Error("a coordinator's save failed");
    };

    const cold = await timedGet(CTX, draft, coordinator);
    if (cold.status !== 200) throw new Error(`the draft page answered HTTP ${cold.status}`);
    console.log(`first draft view after start (cold cache): ${cold.ms.toFixed(0)} ms`);
    await timedGet(CTX, draft, coordinator);

    const saveConnections = Math.max(2, Math.round(CTX.connections / 8));
    const results = new Map<string, Measured[]>();
    const keep = (m: Measured) => results.set(m.label, [...(results.get(m.label) ?? []), m]);
    const rssStart = rssMb(server.pid!);
    for (let round = 0; round < Number(args.rounds); round++) {
      keep(await run(CTX, { label: `draft page, views only (${CTX.connections} clients)`, path: draft, cookie: coordinator }, DURATION));
      const [views, saves] = await Promise.all([
        run(CTX, { label: `draft page during saves (${CTX.connections} clients)`, path: draft, cookie: coordinator }, DURATION),
        run(CTX, { label: `coordinator saves (${saveConnections} clients)`, path: create.page, cookie: coordinator, connections: saveConnections, post: save }, DURATION),
      ]);
      keep(views);
      keep(saves);
      console.log(`round ${round + 1} done (load average ${loadavg()[0]!.toFixed(2)})`);
    }
    printTable([...results.values()].map(merge));

    // The first view after a save: the draft (and the agency's coverage report) recomputed once.
    const colds: number[] = [];
    for (let i = 0; i < 5; i++) {
      await saveOnce(i);
      colds.push((await timedGet(CTX, draft, coordinator)).ms);
    }
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await timedGet(CTX, draft, coordinator)).ms);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`\nfirst draft view after a save (median of 5): ${median(colds).toFixed(0)} ms; a cached view (median of 5): ${median(warm).toFixed(0)} ms`);
    console.log(`server RSS: ${rssStart.toFixed(0)} MB before the rounds, ${rssMb(server.pid!).toFixed(0)} MB after; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  } finally {
    stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
