// Turns an uploaded run into a preview (status PREVIEW, its plan stored as record sets)
// or a list of problems (INVALID). Writes nothing but the run itself.
import "server-only";
import { db } from "@/server/db/client";
import { clearProgress, reportProgress } from "./progress";
import type { ImportPlan } from "@/domain/inventory/plan";
import { buildPlan, parseUpload } from "./pipeline";
import { planRecordSets, storeRecordSets } from "./record-sets";
import { takeUploadedBytes } from "./upload";
import { fileErrorSummary, planSummary, type ImportSummary } from "./summary";

const json = (s: ImportSummary) => JSON.parse(JSON.stringify(s)) as object;

export async function processImportRun(runId: string): Promise<void> {
  const started = performance.now();
  const bytes = takeUploadedBytes(runId);
  const run = await db.importRun.findUnique({ where: { id: runId }, select: { status: true, format: true, mode: true } });
  if (!run || run.status !== "PROCESSING") return;
  try {
    if (!bytes) {
      const message = "The uploaded file is no longer available (the server restarted before reading it). Nothing was written. Upload the file again.";
      await finish(runId, "FAILED", { summary: fileErrorSummary({ message }), error: message, durationMs: Math.round(performance.now() - started) });
      return;
    }
    await reportProgress(runId, "parse", 0);
    const parsed = await parseUpload(bytes, run.format, (f) => reportProgress(runId, "parse", f));
    if (!parsed.ok) {
      await finish(runId, "INVALID", { summary: fileErrorSummary(parsed.error), error: parsed.error.message, durationMs: Math.round(performance.now() - started) });
      return;
    }
    await reportProgress(runId, "validate", 0.1);
    const { plan, state } = await buildPlan(db, parsed.parsed, run.mode);
    await reportProgress(runId, "validate", 1);
    const summary = planSummary(plan, state);
    const durationMs = Math.round(performance.now() - started);
    summary.timings = { previewMs: durationMs };
    const valid = plan.errors.length === 0;
    await finish(runId, valid ? "PREVIEW" : "INVALID", {
      summary,
      error: valid ? null : `${plan.errors.length} problem${plan.errors.length === 1 ? "" : "s"} found in ${plan.rows.invalid} row${plan.rows.invalid === 1 ? "" : "s"}. Fix the file and upload it again.`,
      durationMs,
      rowsTotal: plan.rows.total,
      createdCount: plan.rows.new,
      updatedCount: plan.rows.updated,
      unchangedCount: plan.rows.unchanged,
      invalidCount: plan.rows.invalid,
      removedCount: plan.removals.length,
      plan: valid && summary.hasChanges ? plan : undefined,
    });
  } catch (error) {
    console.error(`[imports] processing ${runId} failed`, error);
    await finish(runId, "FAILED", { summary: fileErrorSummary({ message: "The file could not be processed because of an internal error. Nothing was written." }), error: "Internal error while reading the file. Nothing was written.", durationMs: Math.round(performance.now() - started) });
  }
}

async function finish(
  runId: string,
  status: "PREVIEW" | "INVALID" | "FAILED",
  data: {
    summary: ImportSummary;
    error: string | null;
    durationMs: number;
    rowsTotal?: number;
    createdCount?: number;
    updatedCount?: number;
    unchangedCount?: number;
    invalidCount?: number;
    removedCount?: number;
    /** A committable preview: what the commit will write is stored with the upload (record sets). */
    plan?: ImportPlan;
  },
) {
  const { summary, plan, ...rest } = data;
  await db.$transaction(async (tx) => {
    const { count } = await tx.importRun.updateMany({
      where: { id: runId, status: "PROCESSING" },
      data: { ...rest, summary: json(summary), status, phase: null, progress: 1 },
    });
    // Only a committable preview keeps something (its plan); every other end deletes the upload.
    if (!count) return;
    if (plan) await storeRecordSets(tx, runId, planRecordSets(plan));
    else await tx.importUpload.deleteMany({ where: { importRunId: runId } });
  });
  clearProgress(runId);
}
