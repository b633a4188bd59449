// Runs left half-way by a process that stopped (a crash, a restart, a deploy). The commit
// and undo jobs each run in one transaction that holds their run's row locked
// (claimRun), so a stopped job wrote nothing and left its row unlocked. At server start,
// recoverInterruptedImports puts such runs back where the admin can act again:
// - COMMITTING -> PREVIEW (its plan is still stored; committing re-checks the data);
// - being undone -> COMMITTED (undo can be asked again);
// - PROCESSING for over PROCESSING_GRACE_MS -> FAILED (the file's bytes were only in the
//   memory of the process that stopped; the admin uploads again).
// Runs with a job in this process are never touched, nor rows another process holds.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import { activeImportRuns } from "./jobs";

type Tx = Prisma.TransactionClient;

/** Processing a file at the size cap takes seconds; a run PROCESSING this long has no job. */
export const PROCESSING_GRACE_MS = 2 * 60 * 1000;

export const INTERRUPTED = {
  commit: "The commit was interrupted (the server stopped) and rolled back: nothing was written. The preview below still applies; you can commit again.",
  undo: "The undo was interrupted (the server stopped) and rolled back: nothing was changed. You can undo again.",
  processing: "Reading the file was interrupted (the server stopped). Nothing was written. Upload the file again.",
} as const;

/** Locks the run's row for the job's transaction: the mark of a live commit or undo. */
export async function claimRun(tx: Tx, runId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "ImportRun" WHERE id = ${runId} FOR UPDATE`;
}

export interface RecoveredRun {
  id: string;
  was: "COMMITTING" | "UNDOING" | "PROCESSING";
}

export async function recoverInterruptedImports(now: Date = new Date()): Promise<RecoveredRun[]> {
  const mine = activeImportRuns();
  const before = new Date(now.getTime() - PROCESSING_GRACE_MS);
  return db.$transaction(async (tx) => {
    const stuck = await tx.$queryRaw<{ id: string; status: string; phase: string | null }[]>`
      SELECT id, status::text AS status, phase FROM "ImportRun"
      WHERE (status = 'COMMITTING' OR (status = 'COMMITTED' AND phase = 'undo') OR (status = 'PROCESSING' AND "createdAt" < ${before}))
        AND NOT (id = ANY(${mine}::text[]))
      ORDER BY "createdAt"
      FOR UPDATE SKIP LOCKED`;
    const recovered: RecoveredRun[] = [];
    for (const run of stuck) {
      if (run.status === "COMMITTING") {
        await tx.importRun.update({ where: { id: run.id }, data: { status: "PREVIEW", phase: null, progress: 1, error: INTERRUPTED.commit } });
        recovered.push({ id: run.id, was: "COMMITTING" });
      } else if (run.status === "COMMITTED") {
        await tx.importRun.update({ where: { id: run.id }, data: { phase: null, progress: 1, error: INTERRUPTED.undo } });
        recovered.push({ id: run.id, was: "UNDOING" });
      } else {
        await tx.importRun.update({ where: { id: run.id }, data: { status: "FAILED", phase: null, error: INTERRUPTED.processing } });
        await tx.importUpload.deleteMany({ where: { importRunId: run.id } });
        recovered.push({ id: run.id, was: "PROCESSING" });
      }
    }
    if (recovered.length) {
      await tx.auditEvent.createMany({
        data: recovered.map((r) => ({ actorId: null, actorEmail: "system", action: "import.recovered", entityType: "ImportRun", entityId: r.id, after: { was: r.was } })),
      });
    }
    return recovered;
  });
}
