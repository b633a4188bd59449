// Turns an uploaded run into a preview (status PREVIEW, its write set stored as record
// sets) or a list of problems (INVALID). Writes nothing but the run itself. Reading,
// validating and planning run in the preview worker (preview-host.ts); this process only
// reads the database state the plan needs and stores the result.
import "server-only";
import { describeError } from "@/lib/log-redact";
import { printable, storableJson } from "@/domain/inventory/text-rules";
import { db } from "@/server/db/client";
import { clearProgress, reportProgress } from "./progress";
import type { PlanScope } from "./pipeline";
import { PreviewTooBig, runPreviewWorker } from "./preview-host";
import { storeRecordSets } from "./record-sets";
import type { RecordSetRow } from "./record-set-literals";
import { loadSnapshot, stateDigest } from "./snapshot";
import { fileErrorSummary, type ImportSummary } from "./summary";
import { takeUploadedBytes } from "./upload";

// storableJson: a last guard (every message quoting the file is already printable).
const json = (s: ImportSummary) => storableJson(JSON.parse(JSON.stringify(s)) as object);


export async function processImportRun(runId: string): Promise<void> {
  const started = performance.now();
  const bytes = takeUploadedBytes(runId);
  const run = await db.importRun.findUnique({ where: { id: runId }, select: { status: true, format: true, mode: true } });
  if (!run || run.status !== "PROCESSING") return;
  const elapsed = () => Math.round(performance.now() - started);
  try {
    if (!bytes) {
      const message = "The uploaded file is no longer available (the server restarted before reading it). Nothing was written. Upload the file again.";
      await finish(runId, "FAILED", { summary: fileErrorSummary({ message }), error: message, durationMs: elapsed() });
      return;
    }
    await reportProgress(runId, "parse", 0);
    let state: (PlanScope & { digest: string }) | null = null;
    const outcome = await runPreviewWorker(
      { bytes, format: run.format, mode: run.mode },
      {
        onProgress: (phase, fraction) => reportProgress(runId, phase, fraction),
        // The digest is taken before the snapshot is read: any write after it makes the commit refuse.
        loadSnapshot: async (scope) => {
          state = { ...scope, digest: await stateDigest(db, scope) };
          return loadSnapshot(db, scope.acronyms, scope.mode);
        },
      },
    );
    if (outcome.kind === "fileError") {
      await finish(runId, "INVALID", { summary: fileErrorSummary(outcome.error), error: outcome.error.message, durationMs: elapsed() });
      return;
    }
    await reportProgress(runId, "validate", 1);
    const { result } = outcome;
    const durationMs = elapsed();
    const summary: ImportSummary = { ...result.summary, state: state!, timings: { previewMs: durationMs } };
    const valid = result.errorsTotal === 0;
    const rows = result.rows;
    await finish(runId, valid ? "PREVIEW" : "INVALID", {
      summary,
      error: valid ? null : invalidMessage(result.errorsTotal, rows.invalid),
      durationMs,
      rowsTotal: rows.total,
      createdCount: rows.new,
      updatedCount: rows.updated,
      unchangedCount: rows.unchanged,
      invalidCount: rows.invalid,
      removedCount: result.removalsTotal,
      recordSets: result.recordSets ?? undefined,
    });
  } catch (error) {
    if (error instanceof PreviewTooBig) {
      const message = "The file needs more memory to check than one import may use. Split it into smaller files. Nothing was written.";
      await finish(runId, "INVALID", { summary: fileErrorSummary({ message }), error: message, durationMs: elapsed() });
      return;
    }
    console.error(`[imports] processing ${runId} failed: ${describeError(error)}`);
    await finish(runId, "FAILED", { summary: fileErrorSummary({ message: "The file could not be processed because of an internal error. Nothing was written." }), error: "Internal error while reading the file. Nothing was written.", durationMs: elapsed() });
  }
}

/** The headline of an invalid preview: problems, and the rows they are in (or that they concern the file as a whole). */
export function invalidMessage(problems: number, invalidRows: number): string {
  const p = `${problems.toLocaleString("en-US")} problem${problems === 1 ? "" : "s"} found`;
  const where = invalidRows > 0 ? ` in ${invalidRows.toLocaleString("en-US")} row${invalidRows === 1 ? "" : "s"}` : "";
  return `${p}${where}. Fix the file and upload it again.`;
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
    recordSets?: RecordSetRow[];
  },
) {
  const { summary, recordSets, ...rest } = data;
  await db.$transaction(async (tx) => {
    const { count } = await tx.importRun.updateMany({
      where: { id: runId, status: "PROCESSING" },
      data: { ...rest, error: rest.error === null ? null : printable(rest.error), summary: json(summary), status, phase: null, progress: 1 },
    });
    // Only a committable preview keeps something (its plan); every other end deletes the upload.
    if (!count) return;
    if (recordSets) await storeRecordSets(tx, runId, recordSets);
    else await tx.importUpload.deleteMany({ where: { importRunId: runId } });
  });
  clearProgress(runId);
}
