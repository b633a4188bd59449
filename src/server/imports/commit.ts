// Committing a preview: one transaction that locks the inventory tables, re-reads the
// file, re-plans against the current data and refuses if that differs from what the
// admin saw; then writes in batches, records every change (for undo), finishes the run
// and writes the audit event. All or nothing.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import type { ImportPlan } from "@/domain/inventory/plan";
import {
  deleteByIds,
  insertCommittees,
  insertSdos,
  insertStandards,
  lockInventoryTables,
  readCommittees,
  readStandards,
  updateCommittees,
  updateSdos,
  updateStandards,
  BATCH,
  type CommitteeRecord,
} from "./bulk-sql";
import { buildPlan, parseUpload } from "./pipeline";
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
  await tx.importRun.update({ where: { id: runId }, data: { status: "COMMITTING", phase: "write", progress: 0 } });
  return run;
}

interface ChangeRow {
  importRunId: string;
  entityType: string;
  entityId: string;
  op: "CREATE" | "UPDATE" | "DELETE";
  before: unknown;
  after: unknown;
}

async function insertChanges(tx: Tx, rows: ChangeRow[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "ImportChange" ("importRunId", "entityType", "entityId", op, before, after)
       SELECT r."importRunId", r."entityType", r."entityId", r.op::"ImportOp", r.before, r.after
       FROM jsonb_to_recordset($1::jsonb) AS r("importRunId" text, "entityType" text, "entityId" text, op text, before jsonb, after jsonb)`,
      JSON.stringify(rows.slice(i, i + BATCH)),
    );
  }
}

const depthSorted = <T extends { id: string; parentId: string | null }>(rows: T[]): T[] => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = (r: T): number => {
    let d = 0;
    for (let p = r.parentId ? byId.get(r.parentId) : undefined; p && d < 1000; p = p.parentId ? byId.get(p.parentId) : undefined) d++;
    return d;
  };
  return [...rows].sort((a, b) => depth(a) - depth(b));
};

/** Writes a plan; returns the change rows recorded. */
export async function applyPlan(tx: Tx, runId: string, plan: ImportPlan, onProgress: (f: number) => void): Promise<number> {
  const changes: ChangeRow[] = [];
  const record = (entityType: string, op: ChangeRow["op"], id: string, before: unknown, after: unknown) =>
    changes.push({ importRunId: runId, entityType, entityId: id, op, before: before ? { id, ...before } : null, after: after ? { id, ...after } : null });

  const total = Math.max(1, plan.standards.length + plan.committees.length + plan.sdos.length + plan.removals.length);
  let done = 0;
  const step = (n: number) => onProgress(Math.min(0.95, (done += n) / total));

  const newSdos = plan.sdos.filter((o) => o.op === "create");
  const changedSdos = plan.sdos.filter((o) => o.op === "update");
  await insertSdos(tx, newSdos.map((o) => ({ id: o.id, ...o.after })));
  await updateSdos(tx, changedSdos.map((o) => ({ id: o.id, ...o.after })));
  for (const o of [...newSdos, ...changedSdos]) record("Sdo", o.op === "create" ? "CREATE" : "UPDATE", o.id, o.before, o.after);
  step(plan.sdos.length);

  const newCommittees = plan.committees.filter((o) => o.op === "create");
  const changedCommittees = plan.committees.filter((o) => o.op === "update");
  await insertCommittees(tx, depthSorted(newCommittees.map((o) => ({ id: o.id, ...o.after }))));
  await updateCommittees(tx, changedCommittees.map((o) => ({ id: o.id, ...o.after })));
  for (const o of [...newCommittees, ...changedCommittees]) record("Committee", o.op === "create" ? "CREATE" : "UPDATE", o.id, o.before, o.after);
  step(plan.committees.length);

  const newStandards = plan.standards.filter((o) => o.op === "create");
  const changedStandards = plan.standards.filter((o) => o.op === "update");
  await insertStandards(tx, newStandards.map((o) => ({ id: o.id, ...o.after })), (n) => onProgress(Math.min(0.95, (done + n) / total)));
  done += newStandards.length;
  await updateStandards(tx, changedStandards.map((o) => ({ id: o.id, ...o.after })), (n) => onProgress(Math.min(0.95, (done + n) / total)));
  done += changedStandards.length;
  for (const o of [...newStandards, ...changedStandards]) record("Standard", o.op === "create" ? "CREATE" : "UPDATE", o.id, o.before, o.after);
  step(plan.standards.length - newStandards.length - changedStandards.length);

  // Sync removals: standards first, then committees deepest first; their full state
  // (links included) is kept for undo.
  const removedStandardIds = plan.removals.filter((r) => r.entity === "Standard").map((r) => r.id);
  if (removedStandardIds.length) {
    for (const s of await readStandards(tx, { ids: removedStandardIds })) record("Standard", "DELETE", s.id, stripId(s), null);
    await deleteByIds(tx, "Standard", removedStandardIds);
  }
  const removedCommittees = plan.removals.filter((r) => r.entity === "Committee");
  if (removedCommittees.length) {
    const current = new Map((await readCommittees(tx, removedCommittees.map((r) => r.id))).map((c) => [c.id, c]));
    for (const r of removedCommittees) record("Committee", "DELETE", r.id, stripId(current.get(r.id)!), null);
    const byDepth = new Map<number, string[]>();
    for (const r of removedCommittees) byDepth.set(r.depth, [...(byDepth.get(r.depth) ?? []), r.id]);
    for (const depth of [...byDepth.keys()].sort((a, b) => b - a)) await deleteByIds(tx, "Committee", byDepth.get(depth)!);
  }
  step(plan.removals.length);
  await insertChanges(tx, changes);
  return changes.length;
}

function stripId<T extends { id: string }>(row: T | CommitteeRecord): Omit<T, "id"> {
  const { id: _id, ...rest } = row;
  void _id;
  return rest as Omit<T, "id">;
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
        await lockInventoryTables(tx);
        const run = await tx.importRun.findUniqueOrThrow({ where: { id: runId }, include: { upload: true } });
        if (!run.upload) throw new Error("upload missing");
        const parsed = await parseUpload(new Uint8Array(run.upload.content), run.format);
        if (!parsed.ok) throw new StalePreview();
        void reportProgress(runId, "write", 0.05, false);
        const { plan, fingerprint } = await buildPlan(tx, parsed.parsed, run.mode);
        const summary = run.summary as unknown as ImportSummary;
        if (plan.errors.length || fingerprint !== summary.fingerprint) throw new StalePreview();
        const changeCount = await applyPlan(tx, runId, plan, (f) => void reportProgress(runId, "write", 0.05 + 0.9 * f, false));
        const writeMs = Math.round(performance.now() - started);
        const counts = {
          rowsTotal: plan.rows.total,
          createdCount: plan.rows.new,
          updatedCount: plan.rows.updated,
          unchangedCount: plan.rows.unchanged,
          invalidCount: 0,
          removedCount: plan.removals.length,
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
    if (!stale) console.error(`[imports] commit ${runId} failed`, error);
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
