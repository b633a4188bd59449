// Benchmark (not a test): does a large import preview freeze the server? Starts the
// built app (`next start`, run `npm run build` first) on its own PostgreSQL database,
// signs in as an admin, and while each large file is previewed through the real upload
// route, keeps requesting a light page (/sign-in) and records its latencies; samples the
// server's RSS (process tree) throughout. Files (each under fresh SDO acronyms):
//   worst.csv  100,000 rows, every standard in its own new committee
//   few.csv    100,000 rows in 1,000 committees
//   45k.json   45,000 committees with 45,000 standards
// Targets (issue 11): light page p99 <= 500 ms during the previews; worst.csv preview
// <= 3x few.csv preview. Also reported: the server's own event-loop delay in each window
// (bench/support/event-loop-monitor.mjs), and idle windows between the files, since on a
// shared machine the light page's latency also depends on everyone else's load.
//
//   npx tsx --conditions=react-server bench/import-load-bench.ts [--port 3311] [--runs 2] [--clients 2] [--backend postgres|pglite] [--keep]
//
// postgres: needs the local PostgreSQL (BENCH_POSTGRES_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres); creates and drops a database bench11_<random>.
// pglite: the embedded database (as `npm run demo` runs) in a data directory under /tmp.
//
// Run on 2026-11-29 (2 shared cores, load average 7-9 from other builds; 2 clients):
//   PostgreSQL: light page p99 132 / 160 / 196 ms during worst.csv / few.csv / 45k.json
//   (idle windows: 71 ms); previews 10.8 / 10.3 / 9.4 s (worst/few 1.06x); server
//   event-loop delay max 224 ms; RSS 267 MB at rest, peak 880 MB.
//   PGlite: p99 352 / 140 / 792 ms (idle 77 ms), single event-loop stalls of 1.2-1.9 s
//   in each window (not explained yet); previews 10.9 / 6.9 / 8.0 s; RSS 429 MB at rest,
//   peak 908 MB.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3311" },
    runs: { type: "string", default: "2" },
    clients: { type: "string", default: "2" },
    keep: { type: "boolean", default: false },
    only: { type: "string" },
    backend: { type: "string", default: "postgres" },
  },
});
const PORT = Number(args.port);
const RUNS = Math.max(1, Number(args.runs));
const CLIENTS = Math.max(1, Number(args.clients));
const BASE = `http://127.0.0.1:${PORT}`;
const PGLITE = args.backend === "pglite";
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `bench11_${randomBytes(4).toString("hex")}`;
const dbUrl = new URL(ADMIN_URL);
dbUrl.pathname = `/${dbName}`;
const EMAIL = "bench-admin@example.gov";
// The server's own event-loop delay (bench/support/event-loop-monitor.mjs, preloaded).
const eldDir = mkdtempSync(path.join(tmpdir(), "bench11-eld-"));
function eldFiles() {
  return readdirSync(eldDir).filter((f) => /^eld-\d+\.json$/.test(f));
}
/** Starts a new event-loop-delay window in every server process. */
async function eldReset() {
  for (const f of eldFiles()) {
    try {
      process.kill(Number(/\d+/.exec(f)![0]), "SIGUSR2");
    } catch {
      /* gone */
    }
  }
  await new Promise((r) => setTimeout(r, 100));
}
/** The worst event-loop delay (max, p99) of the server processes in this window. */
async function eldRead(): Promise<{ max: number; p99: number }> {
  await new Promise((r) => setTimeout(r, 300));
  let max = 0;
  let p99 = 0;
  for (const f of eldFiles()) {
    try {
      const d = JSON.parse(readFileSync(path.join(eldDir, f), "utf8")) as { max: number; p99: number; count: number };
      if (d.count > 0) [max, p99] = [Math.max(max, d.max), Math.max(p99, d.p99)];
    } catch {
      /* being written */
    }
  }
  return { max, p99 };
}
const PASSWORD = "bench-password-123456";

const HEADER = "sdo_acronym,sdo_name,sdo_type,committee,committee_title,standard_designation,title,stage,year,core_areas,key_applications,provenance,source,note";
const ROWS = 100_000;

function worstCsv(prefix: string): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const c = `${prefix}/C ${i}`;
    lines.push(`${prefix},${i === 0 ? "Worst-case body,consortium" : ","},${c},Committee number ${i},${prefix}-${i},Standard number ${i} of the worst case,PUBLISHED,${1990 + (i % 30)},,,INFERRED,S-BENCH,`);
  }
  return lines.join("\n") + "\n";
}

function fewCsv(prefix: string): string {
  const stages = ["PUBLISHED", "DEVELOPMENT", "REVISION", "PROPOSED"];
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const sdo = `${prefix}-${i % 10}`;
    const wg = `${sdo}/TC ${Math.floor(i / 10) % 20}/WG ${Math.floor(i / 200) % 5}`;
    const first = i < 10;
    lines.push(
      [sdo, first ? `Body ${i % 10}` : "", first ? "consortium" : "", wg, `"Working group ${wg.slice(sdo.length + 1)}"`, `${sdo} ${100000 + i}`,
        `"Generated standard number ${i}, with a ""quoted"" word"`, stages[i % 4], i % 3 ? String(1990 + (i % 30)) : "", i % 5 ? "CA-CRYPTO" : "", i % 7 === 0 ? "APP-CLOUD" : "", "INFERRED", "S-BENCH", ""].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

function json45k(prefix: string): string {
  const committees = [];
  for (let i = 0; i < 45_000; i++) {
    committees.push({
      designation: `${prefix} C${i}`,
      title: `Committee ${i}`,
      standards: [{ designation: `${prefix} S${i}`, title: `Standard ${i}`, stage: "PUBLISHED", provenance: "INFERRED", year: 2000 + (i % 20) }],
    });
  }
  return JSON.stringify({ format: "sdo-inventory", version: 1, sdos: [{ acronym: prefix, name: "JSON body", type: "consortium", committees }] }, null, 1);
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

/** RSS of a process and all its descendants (worker threads are inside their process). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(entry));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(m?.[1] ?? 0) * 1024;
    } catch {
      /* gone */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

class Cookies {
  private jar = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      this.jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }
  header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

async function signIn(): Promise<Cookies> {
  const cookies = new Cookies();
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  cookies.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header() },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, json: "true", callbackUrl: `${BASE}/` }),
  });
  cookies.take(res);
  if (!cookies.header().includes("session-token")) throw new Error(`sign-in failed: ${res.status}`);
  return cookies;
}

/** Keeps CLIENTS loops requesting the light page until stop(); returns the latencies (ms). */
function lightLoad() {
  const latencies: number[] = [];
  let running = true;
  let errors = 0;
  const loop = async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${BASE}/sign-in`);
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const loops = Array.from({ length: CLIENTS }, loop);
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return { latencies, errors };
    },
  };
}

async function preview(cookies: Cookies, fileName: string, body: Uint8Array, contentType: string) {
  const t0 = performance.now();
  const res = await fetch(`${BASE}/admin/imports/upload`, {
    method: "POST",
    headers: { cookie: cookies.header(), origin: BASE, "content-type": contentType, "x-file-name": encodeURIComponent(fileName), "x-import-mode": "MERGE" },
    body: new Blob([body as Uint8Array<ArrayBuffer>]),
  });
  const out = (await res.json()) as { ok: boolean; runId?: string; error?: { message: string } };
  if (!out.ok) throw new Error(`upload refused: ${res.status} ${out.error?.message}`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const p = (await (await fetch(`${BASE}/admin/imports/${out.runId}/progress`, { headers: { cookie: cookies.header() } })).json()) as { status: string };
    if (p.status !== "PROCESSING") {
      return { ms: performance.now() - t0, status: p.status, runId: out.runId! };
    }
  }
}

async function main() {
  const admin = PGLITE ? null : new pg.Client({ connectionString: ADMIN_URL });
  const pgliteDir = mkdtempSync(path.join(tmpdir(), "bench11-pglite-"));
  await admin?.connect();
  await admin?.query(`CREATE DATABASE "${dbName}"`);
  let server: ChildProcess | null = null;
  try {
    if (PGLITE) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = dbUrl.toString();
    const { openDatabase } = await import("@/server/db/database");
    const { applyMigrations } = await import("@/server/db/migrate");
    const { seedReference } = await import("../seeds/reference");
    const { hashPassword } = await import("@/server/auth/password");
    const database = openDatabase(PGLITE ? { kind: "pglite", dataDir: pgliteDir } : { kind: "postgres", url: dbUrl.toString() });
    await applyMigrations(database);
    await seedReference(database.prisma);
    await database.prisma.user.create({ data: { email: EMAIL, name: "Bench admin", role: "ADMIN", passwordHash: await hashPassword(PASSWORD) } });
    // One owner per PGlite data directory: the server's, from here on.
    if (PGLITE) await database.close();

    server = spawn(process.execPath, [path.join(process.cwd(), "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(PORT)], {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        ...(PGLITE ? { DATABASE_URL: "", PGLITE_DATA_DIR: pgliteDir } : { DATABASE_URL: dbUrl.toString() }),
        NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
        NEXTAUTH_URL: BASE,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${path.join(process.cwd(), "bench/support/event-loop-monitor.mjs")}`.trim(),
        BENCH_ELD_DIR: eldDir,
      },
    });
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${BASE}/sign-in`)).status === 200) break;
      } catch {
        /* not yet */
      }
      if (i > 240) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
    const cookies = await signIn();
    // Warm up: the pages and routes used below, and one small preview (starts the worker path once).
    for (let i = 0; i < 20; i++) await (await fetch(`${BASE}/sign-in`)).arrayBuffer();
    await preview(cookies, "warm.csv", new TextEncoder().encode(`${HEADER}\nWARM,Warm,consortium,WARM/C,Warm c,WARM 1,Warm,PUBLISHED,,,,INFERRED,,\n`), "text/csv");

    let peakRss = 0;
    const pid = server.pid!;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(pid))), 100);
    await new Promise((r) => setTimeout(r, 1000));
    const restRss = treeRss(pid);

    // Idle windows (no import running) between the files: the same machine load, for comparison.
    const idleLat: number[] = [];
    let idleEld = { max: 0, p99: 0 };
    const idleWindow = async () => {
      await eldReset();
      const idle = lightLoad();
      await new Promise((r) => setTimeout(r, 8000));
      idleLat.push(...(await idle.stop()).latencies);
      const e = await eldRead();
      idleEld = { max: Math.max(idleEld.max, e.max), p99: Math.max(idleEld.p99, e.p99) };
      console.log(`[bench] idle window: light page p99 so far ${pct(idleLat, 99).toFixed(0)} ms; event-loop delay max ${e.max} ms; load ${loadavg()[0]!.toFixed(2)}`);
    };
    await idleWindow();

    const files = [
      { label: "worst.csv (100k rows, 100k new committees)", make: (k: number) => worstCsv(`W${k}`), type: "text/csv", name: "worst.csv" },
      { label: "few.csv (100k rows, 1,000 committees)", make: (k: number) => fewCsv(`F${k}`), type: "text/csv", name: "few.csv" },
      { label: "45k.json (45k committees + 45k standards)", make: (k: number) => json45k(`J${k}`), type: "application/json", name: "45k.json" },
    ].filter((f) => !args.only || f.name === args.only);
    const results: { label: string; previews: number[]; p50: number; p99: number; max: number; n: number; errors: number; peak: number; size: number; eldMax: number; eldP99: number }[] = [];
    for (const f of files) {
      const previews: number[] = [];
      const lat: number[] = [];
      let errors = 0;
      let size = 0;
      let eldMax = 0;
      let eldP99 = 0;
      peakRss = treeRss(pid);
      for (let k = 0; k < RUNS; k++) {
        const bytes = new TextEncoder().encode(f.make(k));
        size = bytes.length;
        await eldReset();
        const load = lightLoad();
        const r = await preview(cookies, f.name, bytes, f.type);
        const got = await load.stop();
        const eld = await eldRead();
        [eldMax, eldP99] = [Math.max(eldMax, eld.max), Math.max(eldP99, eld.p99)];
        lat.push(...got.latencies);
        errors += got.errors;
        if (r.status !== "PREVIEW") throw new Error(`${f.name}: ${r.status}`);
        previews.push(r.ms);
        console.log(`[bench] ${f.name} run ${k + 1}: preview ${(r.ms / 1000).toFixed(2)} s; light page during it: n=${got.latencies.length} p99 ${pct(got.latencies, 99).toFixed(0)} ms, max ${Math.max(...got.latencies).toFixed(0)} ms; server event-loop delay max ${eld.max} ms; load ${loadavg()[0]!.toFixed(2)}`);
      }
      results.push({ label: f.label, previews, p50: pct(lat, 50), p99: pct(lat, 99), max: Math.max(...lat), n: lat.length, errors, peak: peakRss, size, eldMax, eldP99 });
      await idleWindow();
    }
    clearInterval(sampler);

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`\n[bench] built app (next start), ${PGLITE ? "embedded PGlite" : "PostgreSQL"}, ${CLIENTS} client(s) requesting /sign-in in a loop; ${RUNS} run(s) per file; load avg ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${cpus().length} cores`);
    console.log(`| window | size | preview (median) | light p50 | light p99 | light max | requests | server event-loop delay p99 / max | peak RSS |`);
    console.log(`|---|---|---|---|---|---|---|---|---|`);
    console.log(`| idle (no import, between the files) | | | ${pct(idleLat, 50).toFixed(0)} ms | ${pct(idleLat, 99).toFixed(0)} ms | ${Math.max(...idleLat).toFixed(0)} ms | ${idleLat.length} | ${idleEld.p99} / ${idleEld.max} ms | ${mb(restRss)} (at rest) |`);
    for (const r of results) {
      console.log(`| ${r.label} | ${mb(r.size)} | ${(median(r.previews) / 1000).toFixed(2)} s | ${r.p50.toFixed(0)} ms | ${r.p99.toFixed(0)} ms | ${r.max.toFixed(0)} ms | ${r.n}${r.errors ? ` (${r.errors} errors)` : ""} | ${r.eldP99} / ${r.eldMax} ms | ${mb(r.peak)} |`);
    }
    const worst = results.find((r) => r.label.startsWith("worst"));
    const few = results.find((r) => r.label.startsWith("few"));
    if (worst && few) console.log(`[bench] worst / few preview: ${(median(worst.previews) / median(few.previews)).toFixed(2)}x (target <= 3x)`);
    const worstP99 = Math.max(...results.map((r) => r.p99));
    console.log(`[bench] highest light-page p99 during a preview: ${worstP99.toFixed(0)} ms (target <= 500 ms)`);
    if (!PGLITE) await database.close();
  } finally {
    if (server) {
      server.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (!args.keep) await admin?.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((e: unknown) => console.error(e));
    rmSync(eldDir, { recursive: true, force: true });
    if (!args.keep) rmSync(pgliteDir, { recursive: true, force: true });
    await admin?.end();
  }
}

await main();
