// Import work that outlives the request that started it (processing an upload,
// committing, undoing). In Next.js it runs after the response via after(); elsewhere
// (tests, scripts) jobs queue until runPendingImportJobs() is awaited. While a job is
// scheduled or running, its run is listed as active in this process (see recovery.ts).
import "server-only";
import { describeError } from "@/lib/log-redact";
import { after } from "next/server";

const holder = globalThis as { __importJobs?: (() => Promise<void>)[]; __importActiveRuns?: Set<string> };
const pending = (holder.__importJobs ??= []);
const active = (holder.__importActiveRuns ??= new Set());

export function scheduleImportJob(runId: string, job: () => Promise<void>) {
  active.add(runId);
  const safe = async () => {
    try {
      await job();
    } catch (error) {
      console.error(`[imports] background job failed: ${describeError(error)}`);
    } finally {
      active.delete(runId);
    }
  };
  try {
    after(safe);
  } catch {
    pending.push(safe);
  }
}

/** Runs with a job scheduled or running in this process. */
export function activeImportRuns(): string[] {
  return [...active];
}

export async function runPendingImportJobs() {
  while (pending.length) await pending.shift()!();
}
