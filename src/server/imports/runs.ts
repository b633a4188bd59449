// Loaders for the import pages: the history (paginated) and one run with its preview.
import "server-only";
import { db } from "@/server/db/client";
import { liveProgress } from "./progress";
import type { ImportSummary } from "./summary";

export const RUNS_PAGE_SIZE = 25;

export interface ImportRunRow {
  id: string;
  fileName: string;
  format: "CSV" | "JSON";
  mode: "MERGE" | "SYNC";
  status: string;
  contentHash: string;
  sizeBytes: number;
  rowsTotal: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  invalidCount: number;
  removedCount: number;
  durationMs: number | null;
  createdAt: string;
  committedAt: string | null;
  undoneAt: string | null;
  user: { name: string; email: string };
}

const rowSelect = {
  id: true,
  fileName: true,
  format: true,
  mode: true,
  status: true,
  contentHash: true,
  sizeBytes: true,
  rowsTotal: true,
  createdCount: true,
  updatedCount: true,
  unchangedCount: true,
  invalidCount: true,
  removedCount: true,
  durationMs: true,
  createdAt: true,
  committedAt: true,
  undoneAt: true,
  user: { select: { name: true, email: true } },
} as const;

type Selected = { createdAt: Date; committedAt: Date | null; undoneAt: Date | null } & Omit<ImportRunRow, "createdAt" | "committedAt" | "undoneAt">;

const plain = (r: Selected): ImportRunRow => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  committedAt: r.committedAt?.toISOString() ?? null,
  undoneAt: r.undoneAt?.toISOString() ?? null,
});

export async function listImportRuns(page: number): Promise<{ items: ImportRunRow[]; total: number; page: number; pageCount: number }> {
  const [total, rows] = await Promise.all([
    db.importRun.count(),
    db.importRun.findMany({ select: rowSelect, orderBy: { createdAt: "desc" }, skip: (page - 1) * RUNS_PAGE_SIZE, take: RUNS_PAGE_SIZE }),
  ]);
  return { items: rows.map((r) => plain(r as Selected)), total, page, pageCount: Math.max(1, Math.ceil(total / RUNS_PAGE_SIZE)) };
}

export interface ImportRunDetail extends ImportRunRow {
  phase: string | null;
  progress: number;
  error: string | null;
  summary: ImportSummary | null;
  changeCount: number;
}

export async function getImportRun(id: string): Promise<ImportRunDetail | null> {
  const run = await db.importRun.findUnique({
    where: { id },
    select: { ...rowSelect, phase: true, progress: true, error: true, summary: true, _count: { select: { changes: true } } },
  });
  if (!run) return null;
  // Creations are logged as record sets (one row per entity type), the rest per record.
  const [kept] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT coalesce(sum(cardinality("recordIds")), 0)::int AS n FROM "ImportRecordSet" WHERE "importRunId" = $1 AND "uploadId" IS NULL AND op = 'CREATE'`,
    id,
  );
  const { summary, _count, phase, progress, error, ...rest } = run;
  const live = liveProgress(id);
  return {
    ...plain(rest as Selected),
    phase: live?.phase ?? phase,
    progress: live?.progress ?? progress,
    error,
    summary: summary as unknown as ImportSummary | null,
    changeCount: _count.changes + Number(kept?.n ?? 0),
  };
}

/** For the progress poll: small and cheap. */
export async function getImportProgress(id: string) {
  const run = await db.importRun.findUnique({ where: { id }, select: { status: true, phase: true, progress: true } });
  if (!run) return null;
  const live = liveProgress(id);
  return { status: run.status, phase: live?.phase ?? run.phase, progress: live?.progress ?? run.progress };
}
