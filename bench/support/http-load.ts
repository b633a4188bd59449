// HTTP load helpers shared by the load benchmarks (bench/load-bench.ts,
// bench/data-call-load-bench.ts): signing in against the built app, finding a server
// action's id in the build, driving N concurrent clients with autocannon (req/s, p50, p99,
// failures), starting the built app as `npm start` does, and the server's resident memory.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { DEMO_PASSWORD } from "../../scripts/lib/demo-users";

export interface LoadContext {
  /** e.g. http://127.0.0.1:3400 */
  base: string;
  /** Default number of concurrent clients. */
  connections: number;
}

/** Resident memory of the server process and its children, in MB. */
export function rssMb(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {
      // gone
    }
  }
  let kb = 0;
  for (const p of pids) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export async function signIn(ctx: LoadContext, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${ctx.base}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${ctx.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, json: "true", callbackUrl: ctx.base }),
  });
  cookiesOf(response, jar);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email} (${response.status})`);
  return cookieHeader(jar);
}

/** The id Next gave a server action in this build, and a page whose bundle holds it. */
export function serverAction(root: string, exportedName: string): { id: string; page: string } {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName !== exportedName) continue;
    const worker = Object.keys(entry.workers).find((w) => !w.includes("["));
    if (worker) return { id, page: `/${worker.replace(/^app\//, "").replace(/\/page$/, "")}` };
  }
  throw new Error(`server action ${exportedName} not found in the build`);
}

export interface Measured {
  label: string;
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  failures: number;
}

export interface Target {
  label: string;
  path: string;
  cookie?: string;
  connections?: number;
  /** POST bodies to cycle through (a server action), with their headers. */
  post?: { bodies: string[]; headers: Record<string, string>; okWhen: (body: string) => boolean };
}

export function run(ctx: LoadContext, target: Target, seconds: number): Promise<Measured> {
  let failures = 0;
  let next = 0;
  const headers: Record<string, string> = target.cookie ? { cookie: target.cookie } : {};
  const post = target.post;
  const requests = post
    ? [
        {
          method: "POST" as const,
          path: target.path,
          headers: { ...headers, ...post.headers },
          setupRequest: (request: autocannon.Request) => {
            request.body = post.bodies[next++ % post.bodies.length];
            return request;
          },
          onResponse: (status: number, body: string) => {
            if (status !== 200 || !post.okWhen(body)) failures++;
          },
        },
      ]
    : undefined;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${ctx.base}${target.path}`,
        connections: target.connections ?? ctx.connections,
        duration: seconds,
        timeout: 10,
        headers,
        requests,
      },
      (error, result) => {
        if (error) return reject(error);
        const bad = result.non2xx + result.errors + result.timeouts;
        resolve({
          label: target.label,
          requests: result.requests.total,
          seconds: result.duration,
          p50: result.latency.p50,
          p99: result.latency.p99,
          failures: bad + failures,
        });
      },
    );
  });
}

export function merge(rows: Measured[]): Measured {
  const total = rows.reduce((a, r) => a + r.requests, 0);
  const secs = rows.reduce((a, r) => a + r.seconds, 0);
  const sorted = (key: "p50" | "p99") => rows.map((r) => r[key]).sort((a, b) => a - b);
  return {
    label: rows[0]!.label,
    requests: total,
    seconds: secs,
    // Over rounds: the median of the rounds' p50 and the worst p99.
    p50: sorted("p50")[Math.floor(rows.length / 2)]!,
    p99: Math.max(...sorted("p99")),
    failures: rows.reduce((a, r) => a + r.failures, 0),
  };
}

export const rps = (m: Measured) => m.requests / m.seconds;

export function printTable(rows: Measured[]) {
  console.log(`\n${"page".padEnd(46)} ${"req/s".padStart(8)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"failed".padStart(14)}`);
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(46)} ${rps(r).toFixed(1).padStart(8)} ${`${r.p50.toFixed(0)} ms`.padStart(8)} ${`${r.p99.toFixed(0)} ms`.padStart(8)} ${`${r.failures} of ${r.requests}`.padStart(14)}`,
    );
  }
}

export async function timedGet(ctx: LoadContext, pathname: string, cookie: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const response = await fetch(`${ctx.base}${pathname}`, { headers: { cookie }, redirect: "manual" });
  await response.text();
  return { ms: performance.now() - t0, status: response.status };
}


/** Runs `next build` when asked or when there is no build yet. */
export function buildIfNeeded(root: string, force: boolean | undefined) {
  const stale = !existsSync(path.join(root, ".next/BUILD_ID"));
  if (!force && !stale) return;
  console.log("building (next build)...");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
}

/**
 * Starts the built app as `npm start` starts it: migrations, then one app process per core
 * on PostgreSQL (`instances` sets WEB_CONCURRENCY), one on PGlite.
 */
export function startApp(options: { root: string; port: number; secret: string; databaseUrl?: string; pgliteDataDir?: string; instances?: string }): ChildProcess {
  const base = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: options.secret,
    NEXTAUTH_URL: base,
  };
  if (options.pgliteDataDir) {
    delete env.DATABASE_URL;
    env.PGLITE_DATA_DIR = options.pgliteDataDir;
  } else {
    env.DATABASE_URL = options.databaseUrl;
  }
  env.PORT = String(options.port);
  env.HOST = "127.0.0.1";
  if (options.instances) env.WEB_CONCURRENCY = options.instances;
  const server = spawn(process.execPath, [path.join(options.root, "node_modules/tsx/dist/cli.mjs"), path.join(options.root, "scripts/start.ts")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const errors: string[] = [];
  server.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    errors.push(text);
    if (errors.length <= 20) process.stderr.write(`[server] ${text}`);
  });
  return server;
}

/** Waits until the app answers its sign-in page (up to 120 s). */
export async function waitForApp(base: string) {
  for (let i = 0; i < 240; i++) {
    try {
      const response = await fetch(`${base}/sign-in`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start in 120 s");
}
