// Migrations from an empty database, on the backend of this run.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/server/db/migrate";
import { BACKEND, scratchDatabase, type ScratchDatabase } from "./support/backend";

let scratch: ScratchDatabase | undefined;
afterEach(async () => {
  await scratch?.dispose();
  scratch = undefined;
});

describe(`migrations on ${BACKEND}`, () => {
  it("applies every migration to an empty database, then nothing on a second run", async () => {
    scratch = await scratchDatabase();
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);

    const first = await applyMigrations(scratch.db);
    expect(first.applied).toEqual(files.map((f) => f.name));

    const second = await applyMigrations(scratch.db);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(files.length);

    const session = await scratch.db.session();
    try {
      const rows = await session.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
        `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
      for (const [i, row] of rows.entries()) {
        const sha = createHash("sha256").update(files[i]!.sql).digest("hex");
        expect(row.checksum).toBe(sha);
        expect(row.applied_steps_count).toBe(1);
        expect(row.finished_at).not.toBeNull();
      }
      const tables = await session.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      const names = tables.map((t) => t.table_name);
      for (const table of ["Agency", "User", "Objective", "Recommendation", "CoreArea", "KeyApplication", "MaturityCell", "Sdo", "Committee", "Standard", "Participant", "Engagement", "Activity", "AuditEvent"]) {
        expect(names).toContain(table);
      }
    } finally {
      await session.release();
    }
    // The Prisma client works against the migrated schema.
    expect(await scratch.db.prisma.agency.count()).toBe(0);
  });

  it("rolls back a failing migration completely and records nothing for it", async () => {
    scratch = await scratchDatabase();
    const good = readMigrations();
    const bad = { name: "99999999999999_broken", sql: `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";`, checksum: "x" };
    await expect(applyMigrations(scratch.db, [...good, bad])).rejects.toThrow(/99999999999999_broken failed/);
    const session = await scratch.db.session();
    try {
      const names = await session.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
      expect(names.map((n) => n.migration_name)).toEqual(good.map((g) => g.name));
      const half = await session.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
      expect(half).toHaveLength(0);
    } finally {
      await session.release();
    }
  });

  it.runIf(BACKEND === "postgres")("is safe when two processes migrate at the same time", async () => {
    scratch = await scratchDatabase();
    const other = scratch.openAnother();
    const [a, b] = await Promise.all([applyMigrations(scratch.db), applyMigrations(other)]);
    const files = readMigrations().map((f) => f.name);
    // Exactly one of them applied everything; the other found it done.
    expect([...a.applied, ...b.applied].sort()).toEqual(files);
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, files.length]);
  });
});
