// Progress of running imports for the progress bar. Kept in memory (the write phase runs
// inside a transaction, whose writes no poller could see) and, outside transactions,
// also saved on the ImportRun row at most every 400 ms (not per row).
import "server-only";
import { db } from "@/server/db/client";

export type ImportPhase = "upload" | "parse" | "validate" | "write" | "undo";

interface Live {
  phase: ImportPhase;
  progress: number;
  savedAt: number;
}

const holder = globalThis as { __importProgress?: Map<string, Live> };
const live = (holder.__importProgress ??= new Map());

export function liveProgress(runId: string): { phase: ImportPhase; progress: number } | null {
  const entry = live.get(runId);
  return entry ? { phase: entry.phase, progress: entry.progress } : null;
}

/** persist=false inside a transaction (memory only). */
export async function reportProgress(runId: string, phase: ImportPhase, progress: number, persist = true) {
  const now = Date.now();
  const entry = live.get(runId);
  const clamped = Math.max(0, Math.min(1, progress));
  const due = !entry || entry.phase !== phase || now - entry.savedAt >= 400 || clamped === 1;
  live.set(runId, { phase, progress: clamped, savedAt: due && persist ? now : (entry?.savedAt ?? 0) });
  if (persist && due) {
    await db.importRun.updateMany({ where: { id: runId, status: { in: ["PROCESSING", "COMMITTING"] } }, data: { phase, progress: clamped } });
  }
}

export function clearProgress(runId: string) {
  live.delete(runId);
}
