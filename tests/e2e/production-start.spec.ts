// `npm start` on PostgreSQL: one app process per WEB_CONCURRENCY behind one port, a dead
// process replaced, and everything stopped by one signal. Runs the built app (the e2e run
// builds it) against a scratch PostgreSQL database.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { PORT, scaled } from "./support/environment";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const APP_PORT = PORT + 57;
const DATABASE = `set_start_${APP_PORT}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseUrl(): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

/** Every process below `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift()!;
    let children = "";
    try {
      children = readFileSync(`/proc/${next}/task/${next}/children`, "utf8").trim();
    } catch {
      continue; // exited meanwhile
    }
    for (const child of children ? children.split(/\s+/).map(Number) : []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The `next start` processes serving the app (Next renames its process "next-server"). */
function appProcesses(root: ChildProcess): number[] {
  return descendants(root.pid!).filter((pid) => {
    try {
      return /next-server|next\/dist\/bin\/next/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
    } catch {
      return false;
    }
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test.describe.configure({ mode: "serial" });

test("npm start on PostgreSQL serves one port from WEB_CONCURRENCY processes and replaces one that dies", async ({ request }) => {
  test.setTimeout(scaled(180_000));
  const base = `http://127.0.0.1:${APP_PORT}`;
  const serves = async () => {
    try {
      return (await request.get(`${base}/sign-in`, { timeout: scaled(10_000) })).status();
    } catch {
      return 0;
    }
  };
  expect(await serves(), `port ${APP_PORT} must be free before the test`).toBe(0);
  await admin(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${DATABASE}"`);
  const server = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      PORT: String(APP_PORT),
      HOST: "127.0.0.1",
      WEB_CONCURRENCY: "2",
      NEXTAUTH_SECRET: "production-start-test-secret-0123456789abcdef",
      NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
    },
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
  let tree: number[] = [];
  try {
    // Migrations on the empty database, then two processes listening through one port.
    await expect.poll(serves, { timeout: scaled(120_000) }).toBe(200);
    await expect.poll(() => appProcesses(server).length, { timeout: scaled(60_000) }).toBe(2);
    const [first, second] = appProcesses(server);
    tree = descendants(server.pid!);

    process.kill(first!, "SIGKILL");
    await expect.poll(() => alive(first!), { timeout: scaled(30_000) }).toBe(false);
    await expect.poll(() => appProcesses(server).length, { timeout: scaled(60_000) }).toBe(2);
    const now = appProcesses(server);
    expect(now).toContain(second);
    expect(now).not.toContain(first);
    await expect.poll(serves, { timeout: scaled(60_000) }).toBe(200);

    // One signal stops the whole set: every process, and the port is closed.
    tree = descendants(server.pid!);
    server.kill("SIGTERM");
    await exited;
    await expect.poll(() => tree.filter(alive).length, { timeout: scaled(30_000) }).toBe(0);
    expect(await serves()).toBe(0);
  } finally {
    for (const pid of new Set([...tree, ...descendants(server.pid!), server.pid!])) if (alive(pid)) process.kill(pid, "SIGKILL");
    await admin(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  }
});
