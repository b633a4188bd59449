// Runs one preview in a worker thread (preview-worker.ts, bundled to
// .import-worker/preview-worker.mjs by scripts/build-import-worker.mjs): the server's
// event loop only forwards progress, loads the snapshot the worker asks for (sent in
// chunks, yielding between them) and receives the finished summary and write set.
import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { FileError } from "@/domain/inventory/model";
import type { ImportModeValue, Snapshot } from "@/domain/inventory/plan";
import type { PlannedPreview, PlanScope } from "./pipeline";
import type { HostMessage, PreviewPhase, WorkerMessage } from "./preview-protocol";

/** Where the bundled worker is (built by `npm run build`, `npm run dev`, the demo and the test setup). */
export function previewWorkerPath(): string {
  // turbopackIgnore: the bundler must not follow this path (it would try to bundle the
  // worker, or the whole project, into the route); the file is loaded at run time.
  return process.env.IMPORT_WORKER_PATH ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".import-worker", "preview-worker.mjs");
}

/** A worker heap limit: a file that needs more is refused with a reason, the server lives on. */
const WORKER_HEAP_MB = Number(process.env.IMPORT_WORKER_HEAP_MB ?? 3072);
/** Snapshot rows per message: each message is cloned on the event loop, so they stay small. */
const CHUNK = 5000;

export class PreviewTooBig extends Error {}

export type PreviewOutcome = { kind: "fileError"; error: FileError } | { kind: "planned"; scope: PlanScope; result: PlannedPreview };

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function runPreviewWorker(
  input: { bytes: Uint8Array; format: "CSV" | "JSON"; mode: ImportModeValue },
  hooks: { onProgress: (phase: PreviewPhase, fraction: number) => unknown; loadSnapshot: (scope: PlanScope) => Promise<Snapshot> },
): Promise<PreviewOutcome> {
  const file = previewWorkerPath();
  if (!existsSync(/*turbopackIgnore: true*/ file)) return Promise.reject(new Error(`The import worker ${file} is missing: run "npm run build" (or node scripts/build-import-worker.mjs).`));
  const worker = new Worker(/*turbopackIgnore: true*/ file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const post = (message: HostMessage) => worker.postMessage(message);
  return new Promise<PreviewOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    let scope: PlanScope | null = null;
    const sendSnapshot = async (s: PlanScope) => {
      const snapshot = await hooks.loadSnapshot(s);
      const { committees, standards, ...head } = snapshot;
      post({ type: "snapshot", head });
      for (let i = 0; i < committees.length; i += CHUNK) {
        await yieldToLoop();
        post({ type: "committees", rows: committees.slice(i, i + CHUNK) });
      }
      for (let i = 0; i < standards.length; i += CHUNK) {
        await yieldToLoop();
        post({ type: "standards", rows: standards.slice(i, i + CHUNK) });
      }
      post({ type: "snapshotEnd" });
    };
    worker.on("message", (message: WorkerMessage) => {
      switch (message.type) {
        case "progress":
          void Promise.resolve(hooks.onProgress(message.phase, message.fraction)).catch(() => {});
          return;
        case "fileError":
          settle(() => resolve({ kind: "fileError", error: message.error }));
          return;
        case "scope":
          scope = message.scope;
          sendSnapshot(message.scope).catch((error: unknown) => settle(() => reject(error)));
          return;
        case "planned":
          settle(() => resolve({ kind: "planned", scope: scope!, result: message.result }));
          return;
        case "failed":
          settle(() => reject(new Error(`preview worker: ${message.message}`)));
          return;
      }
    });
    worker.on("error", (error: Error & { code?: string }) => {
      settle(() => reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new PreviewTooBig(error.message) : error));
    });
    worker.on("exit", (code) => settle(() => reject(new Error(`preview worker exited (code ${code}) before finishing`))));
    post({ type: "start", ...input });
  });
}
