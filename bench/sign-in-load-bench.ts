// Benchmark (not a test): do clients posting wrong passwords slow everyone else down?
// Against a running app (`npm run demo -- --port 3217`, or any built server with the demo
// accounts): signs in as the viewer, measures a signed-in page (sequential GETs), then
// starts N clients that post wrong passwords for the admin account through next-auth's
// real credentials callback for a fixed time, and measures the same page meanwhile.
// Before issue 16, bcryptjs ran on the request thread: 16 such clients took the page from
// 44 ms to 2.4-6.2 s. Now hashing runs in worker threads, at most HASH_CONCURRENCY at
// once, HASH_QUEUE_MAX waiting (src/server/auth/password.ts); beyond that a sign-in is
// refused as busy at once.
//
//   npx tsx bench/sign-in-load-bench.ts [--base http://127.0.0.1:3217] [--clients 16] [--seconds 20] [--page /objectives]
//
// Run on 2026-11-29 against `npm run demo` (PGlite, 2 shared cores, load average 7-9 from
// other agents' builds), 16 clients for 20 s, HASH_CONCURRENCY 1 (the default on 2 cores):
//   idle /objectives p50 25 ms, p95 44 ms; during the attack p50 39 ms, p95 86 ms, max
//   203 ms; the attackers got 39 answers (401) in 20 s: each waits its turn in the queue
//   (~0.5 s per cost-12 check on a loaded core), none reached the busy limit of 64.
//
// Bounded: every loop stops after --seconds; only the given loopback address is contacted.
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: "http://127.0.0.1:3217" },
    clients: { type: "string", default: "16" },
    seconds: { type: "string", default: "20" },
    page: { type: "string", default: "/objectives" },
  },
});
const base = new URL(args.base!);
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) throw new Error("This benchmark only targets a server on this machine.");
const BASE = base.origin;
const CLIENTS = Number(args.clients);
const SECONDS = Number(args.seconds);

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
function keep(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}

async function postCredentials(jar: Jar, email: string, password: string): Promise<number> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
  keep(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE, cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(jar, response);
  await response.arrayBuffer();
  return response.status;
}

async function signedInJar(): Promise<Jar> {
  const jar: Jar = new Map();
  await postCredentials(jar, "viewer@example.gov", "demo-orchid-lantern");
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error("Signing in as the demo viewer failed");
  return jar;
}

async function pageLatencies(jar: Jar, until: number, max = Infinity): Promise<number[]> {
  const out: number[] = [];
  while (Date.now() < until && out.length < max) {
    const started = performance.now();
    const response = await fetch(`${BASE}${args.page}`, { headers: { cookie: cookieHeader(jar) } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${args.page} answered ${response.status}`);
    out.push(performance.now() - started);
  }
  return out;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const describe = (label: string, values: number[]) =>
  `${label}: n=${values.length} p50 ${pct(values, 50).toFixed(0)} ms, p95 ${pct(values, 95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;

const jar = await signedInJar();
await pageLatencies(jar, Date.now() + 60_000, 5); // warm up
const idle = await pageLatencies(jar, Date.now() + SECONDS * 500, 200);
console.log(describe(`idle ${args.page}`, idle));

const stopAt = Date.now() + SECONDS * 1000;
const statuses = new Map<string, number>();
const attackers = Array.from({ length: CLIENTS }, async (_, i) => {
  const own: Jar = new Map();
  while (Date.now() < stopAt) {
    const status = await postCredentials(own, "admin@example.gov", `wrong-password-${i}`).catch(() => 0);
    statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
  }
});
await new Promise((r) => setTimeout(r, 1000)); // let the queue fill
const loaded = await pageLatencies(jar, stopAt);
await Promise.all(attackers);
console.log(describe(`${args.page} while ${CLIENTS} clients post wrong passwords`, loaded));
console.log(`wrong-password posts answered (status: count): ${JSON.stringify(Object.fromEntries(statuses))} in ${SECONDS} s`);
