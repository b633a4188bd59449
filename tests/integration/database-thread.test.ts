// The database runs off the request thread. On PGlite (embedded, WASM) a statement used to
// run synchronously on the app's own thread, so one long report query stalled every other
// request; now it runs in a worker thread (src/server/db/pglite-thread.ts). Both backends:
// timers keep firing during a long statement, a transaction is never seen half-done, raw
// errors keep their SQLSTATE. PGlite: leaving through process.exit() (Next's signal
// handler) still closes the data directory cleanly.
import { spawnSync } from "node:child_process";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { openDatabase } from "@/server/db/database";
import { BACKEND, scratchDatabase, type ScratchDatabase } from "./support/backend";

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 20));

let scratch: ScratchDatabase | undefined;
afterEach(async () => {
  await scratch?.dispose();
  scratch = undefined;
});

describe(`the database thread on ${BACKEND}`, () => {
  it("keeps the event loop turning while a long statement runs", async () => {
    await db.$queryRaw`SELECT 1`; // started and warm: the long statement starts at once
    const order: string[] = [];
    const slow = db.$queryRaw<{ done: number }[]>`SELECT 1 AS done FROM pg_sleep(3)`.then((rows) => {
      order.push(`statement ${rows[0]?.done}`);
    });
    // On the app's thread, the statement would hold it: no timer fires until it ends.
    for (let turn = 1; turn <= 5; turn++) {
      await nextTurn();
      order.push(`turn ${turn}`);
    }
    await slow;
    expect(order).toEqual(["turn 1", "turn 2", "turn 3", "turn 4", "turn 5", "statement 1"]);
  });

  it("never shows another statement a transaction half-done, and rolls back on error", async () => {
    scratch = await scratchDatabase();
    const { prisma } = scratch.db;
    await prisma.$executeRawUnsafe("CREATE TABLE seats (n int PRIMARY KEY)");
    let outside: Promise<number> | undefined;
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("INSERT INTO seats VALUES (1)");
      outside = prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM seats").then((rows) => rows[0]!.n);
      for (let turn = 0; turn < 5; turn++) await nextTurn();
      await tx.$executeRawUnsafe("INSERT INTO seats VALUES (2)");
    });
    // PGlite has one connection: the read waits for the commit. PostgreSQL: it reads the
    // committed state before it. Never one row of the two.
    expect(await outside).toBe(BACKEND === "pglite" ? 2 : 0);

    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("INSERT INTO seats VALUES (3)");
        await tx.$executeRawUnsafe("INSERT INTO seats VALUES (1)");
      }),
    ).rejects.toMatchObject({ code: "P2010" });
    const rows = await prisma.$queryRawUnsafe<{ n: number }[]>("SELECT n FROM seats ORDER BY n");
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
  });

  it.skipIf(BACKEND !== "pglite")("runs waiting saves and lists before report reads, and gives those a turn every 4 interactive turns", async () => {
    scratch = await scratchDatabase();
    const { prisma, background } = scratch.db;
    // A background turn first: the count of interactive turns starts from zero.
    await background.$queryRaw`SELECT 1`;
    const order: string[] = [];
    const interactive = (n: number) => prisma.$queryRawUnsafe(`SELECT ${n}`).then(() => order.push(`interactive ${n}`));
    const report = (n: number) => background.$queryRawUnsafe(`SELECT ${n}`).then(() => order.push(`report ${n}`));
    let waiting: Promise<unknown>[] = [];
    // The open transaction (an interactive turn) holds the one connection: everything sent
    // meanwhile waits, and reaches the database thread before the commit does.
    await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      waiting = [report(1), report(2), ...[1, 2, 3, 4, 5, 6].map(interactive)];
      for (let turn = 0; turn < 3; turn++) await nextTurn();
      expect(order).toEqual([]);
    });
    await Promise.all(waiting);
    expect(order).toEqual([
      "interactive 1", "interactive 2", "interactive 3", // with the transaction: 4 interactive turns
      "report 1",
      "interactive 4", "interactive 5", "interactive 6",
      "report 2",
    ]);
  });

  it("keeps PostgreSQL's error codes on raw SQL", async () => {
    scratch = await scratchDatabase();
    const session = await scratch.db.session();
    try {
      await expect(session.query("SELECT * FROM no_such_table")).rejects.toMatchObject({ code: "42P01" });
    } finally {
      await session.release();
    }
  });

  it.skipIf(BACKEND !== "pglite")("dumps a new database asked before any statement, and the dump starts another", async () => {
    // PGlite's dumpDataDir does not wait for the start as its queries do: this request,
    // first in the thread, never answered (the integration run's empty template is one).
    const fresh = openDatabase({ kind: "pglite", dataDir: "memory://" });
    let dump: Blob;
    try {
      dump = await fresh.dumpDataDir!();
    } finally {
      await fresh.close();
    }
    const copy = openDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir: dump });
    try {
      const session = await copy.session();
      try {
        expect(await session.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 0 }]);
      } finally {
        await session.release();
      }
    } finally {
      await copy.close();
    }
  }, 300_000);

  it.skipIf(BACKEND !== "pglite")("closes the data directory when the process exits without closing it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "set-pglite-exit-"));
    try {
      const child = spawnSync(process.execPath, ["--import", "tsx", "tests/integration/support/pglite-exit-child.ts", dir], { encoding: "utf8" });
      expect(child.stderr).toBe("");
      expect(child.stdout).toContain("written");
      // pg_control's cluster state (bytes 16-19): 1 = shut down cleanly, 6 = still in production.
      const control = await open(path.join(dir, "global", "pg_control"));
      const state = Buffer.alloc(4);
      await control.read(state, 0, 4, 16);
      await control.close();
      expect(state.readUInt32LE(0)).toBe(1);

      const reopened = openDatabase({ kind: "pglite", dataDir: dir });
      try {
        const session = await reopened.session();
        expect(await session.query("SELECT n FROM left_open")).toEqual([{ n: 1 }]);
      } finally {
        await reopened.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // A safety net: a child process starting PGlite twice took 120 s on a 2-core machine at load 27.
  }, 300_000);
});
