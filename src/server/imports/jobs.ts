// Import work that outlives the request that started it (processing an upload,
// committing, undoing). In Next.js it runs after the response via after(); elsewhere
// (tests, scripts) jobs queue until runPendingImportJobs() is awaited.
import "server-only";
import { after } from "next/server";

const holder = globalThis as { __importJobs?: (() => Promise<void>)[] };
const pending = (holder.__importJobs ??= []);

export function scheduleImportJob(job: () => Promise<void>) {
  const safe = async () => {
    try {
      await job();
    } catch (error) {
      console.error("[imports] background job failed", error);
    }
  };
  try {
    after(safe);
  } catch {
    pending.push(safe);
  }
}

export async function runPendingImportJobs() {
  while (pending.length) await pending.shift()!();
}
