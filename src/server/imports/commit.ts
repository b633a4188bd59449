// Committing a preview: one transaction that locks the inventory tables, recomputes the
// digest of the data the preview was planned against and refuses if it differs (the
// preview would no longer show what happens); then writes the stored write set
// set-based, records every change (for undo), finishes the run and writes the audit
// event. All or nothing.
import "server-only";
import { describeError } from "@/lib/log-redact";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { deleteByIds, lockInventoryTables, recordRemovals, recordStagedUpdates, writeStaged } from "./bulk-sql";
import { hasPlan, keepCreationsAsLog, plannedRemovals } from "./record-sets";
import { claimRun } from "./recovery";
import { stateDigest } from "./snapshot";
import { clearProgress, reportProgress } from "./progress";
import type { ImportSummary } from "./summary";

type Tx = Prisma.TransactionClient;
export interface Actor {
  id: string;
  email: string;
}

export const COMMIT_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * Checks made by the commit action before the job is scheduled; moves the run to
 * COMMITTING (in the action's transaction, so the page shows progress at once and a
 * second commit is refused).
 */
export async function assertCommittable(tx: Tx, runId: string) {
  const run = await tx.importRun.findUnique({ where: { id: runId }, select: { id: true, status: true, summary: true, fileName: true, contentHash: true } });
  if (!run) throw new UserError("NOT_FOUND", "That import does not exist.");
  if (run.status !== "PREVIEW") throw new UserError("CONFLICT", `This import cannot be committed: it is ${run.status.toLowerCase()}.`);
  const summary = run.summary as unknown as ImportSummary | null;
  if (!summary?.hasChanges) throw new UserError("CONFLICT", "Nothing in this file differs from the database: there is nothing to commit.");
  await tx.importRun.update({ where: { id: runId }, data: { status: "COMMITTING", phase: "write", progress: 0, error: null } });
  return run;
}

/**
 * Writes the record sets stored with the preview (see record-sets), set-based: SDOs,
 * committees, standards (each: updates logged first, then one INSERT and one UPDATE),
 * then sync removals (logged, then standards, then committees deepest first). Returns
 * the number of records changed, or null when the run has no stored plan.
 */
export async function applyWriteSet(tx: Tx, runId: string, onProgress: (f: number) => void): Promise<number | null> {
  if (!(await hasPlan(tx, runId))) return null;
  let changes = 0;
  const entities = ["Sdo", "Committee", "Standard"] as const;
  for (const [i, entity] of entities.entries()) {
    const planned = { plannedFor: runId };
    changes += await recordStagedUpdates(tx, runId, entity, planned);
    changes += await writeStaged(tx, entity, planned);
    onProgress((i + 1) / (entities.length + 1));
  }
  const removals = await plannedRemovals(tx, runId);
  const standards = removals.filter((r) => r.entity === "Standard").map((r) => r.id);
  changes += await recordRemovals(tx, runId, "Standard", standards);
  await deleteByIds(tx, "Standard", standards);
  const committees = removals.filter((r) => r.entity === "Committee");
  changes += await recordRemovals(tx, runId, "Committee", committees.map((r) => r.id));
  // ON DELETE RESTRICT is checked per row: children go first.
  for (const depth of [...new Set(committees.map((r) => r.depth))].sort((x, y) => y - x)) {
    await deleteByIds(tx, "Committee", committees.filter((r) => r.depth === depth).map((r) => r.id));
  }
  await keepCreationsAsLog(tx, runId);
  onProgress(1);
  return changes;
}

class StalePreview extends Error {}

/** The commit job. Never throws: the outcome is recorded on the run. */
export async function commitImportRun(runId: string, actor: Actor): Promise<void> {
  const queued = await db.importRun.findUnique({ where: { id: runId }, select: { status: true } });
  if (queued?.status !== "COMMITTING") return;
  await reportProgress(runId, "write", 0.01);
  const started = performance.now();
  try {
    await db.$transaction(
      async (tx) => {
        await claimRun(tx, runId);
        await lockInventoryTables(tx);
        const run = await tx.importRun.findUniqueOrThrow({ where: { id: runId } });
        if (run.status !== "COMMITTING") return;
        const summary = run.summary as unknown as ImportSummary;
        if (!summary.state || (await stateDigest(tx, summary.state)) !== summary.state.digest) throw new StalePreview();
        void reportProgress(runId, "write", 0.05, false);
        const changeCount = await applyWriteSet(tx, runId, (f) => void reportProgress(runId, "write", 0.05 + 0.9 * f, false));
        if (changeCount === null) throw new Error("write set missing");
        const writeMs = Math.round(performance.now() - started);
        const counts = {
          rowsTotal: run.rowsTotal,
          createdCount: run.createdCount,
          updatedCount: run.updatedCount,
          unchangedCount: run.unchangedCount,
          invalidCount: 0,
          removedCount: run.removedCount,
        };
        await tx.importRun.update({
          where: { id: runId },
          data: {
            ...counts,
            status: "COMMITTED",
            phase: null,
            progress: 1,
            committedAt: new Date(),
            durationMs: (summary.timings?.previewMs ?? 0) + writeMs,
            summary: JSON.parse(JSON.stringify({ ...summary, timings: { ...summary.timings, writeMs } })) as object,
          },
        });
        await tx.importUpload.deleteMany({ where: { importRunId: runId } });
        await tx.auditEvent.create({
          data: {
            actorId: actor.id,
            actorEmail: actor.email,
            action: "import.committed",
            entityType: "ImportRun",
            entityId: runId,
            after: { fileName: run.fileName, contentHash: run.contentHash, mode: run.mode, changes: changeCount, ...counts },
          },
        });
      },
      { timeout: COMMIT_TIMEOUT_MS, maxWait: 60_000 },
    );
  } catch (error) {
    const stale = error instanceof StalePreview;
    if (!stale) console.error(`[imports] commit ${runId} failed: ${describeError(error)}`);
    const message = stale
      ? "The data changed after the preview, so the preview no longer shows what would happen. Nothing was written. Upload the file again for a fresh preview."
      : "The import failed and was rolled back. Nothing was written.";
    await db.$transaction(async (tx) => {
      await tx.importRun.update({ where: { id: runId }, data: { status: "FAILED", phase: null, error: message, durationMs: Math.round(performance.now() - started) } });
      await tx.importUpload.deleteMany({ where: { importRunId: runId } });
      await tx.auditEvent.create({
        data: { actorId: actor.id, actorEmail: actor.email, action: "import.failed", entityType: "ImportRun", entityId: runId, after: { error: message } },
      });
    });
  } finally {
    clearProgress(runId);
  }
}
