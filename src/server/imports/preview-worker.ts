// The preview worker: a worker thread that decodes, parses, validates and plans one
// upload, so a large file costs the server's other requests only CPU share, never its
// event loop. Bundled on its own by scripts/build-import-worker.mjs (outside the Next.js
// bundle) and started by preview-host.ts. Conversation with the host:
//   host -> { type: "start", bytes, format, mode }
//   worker -> progress* -> "fileError" (unreadable file, done) | "scope" (what to load)
//   host -> "snapshot" (head), "committees"* / "standards"* (chunks), "snapshotEnd"
//   worker -> "planned" (summary, counts, write set) | "failed"
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import type { Snapshot } from "@/domain/inventory/plan";
import { parseUpload, planPreview, planScope } from "./pipeline";
import type { HostMessage, WorkerMessage } from "./preview-protocol";

const port = parentPort;
if (!port) throw new Error("preview-worker.ts runs only as a worker thread");

// On Linux a nice value belongs to the thread: this lowers the priority of this worker
// only, so with every core busy the server's request thread is scheduled first.
try {
  setPriority(Number(process.env.IMPORT_WORKER_NICE ?? 10));
} catch {
  /* not permitted here: run at the normal priority */
}
const send = (message: WorkerMessage) => port.postMessage(message);

let start: Extract<HostMessage, { type: "start" }> | null = null;
let parsedInventory: Awaited<ReturnType<typeof parseUpload>> | null = null;
let snapshot: Snapshot | null = null;

async function begin(message: Extract<HostMessage, { type: "start" }>) {
  start = message;
  const parsed = await parseUpload(message.bytes, message.format, (f) => send({ type: "progress", phase: "parse", fraction: f }));
  if (!parsed.ok) {
    send({ type: "fileError", error: parsed.error });
    return;
  }
  parsedInventory = parsed;
  send({ type: "progress", phase: "validate", fraction: 0.1 });
  send({ type: "scope", scope: planScope(parsed.parsed, message.mode) });
}

function plan() {
  if (!start || !parsedInventory?.ok || !snapshot) throw new Error("snapshot before the file was read");
  const result = planPreview(parsedInventory.parsed, snapshot, start.mode);
  send({ type: "planned", result });
}

port.on("message", (message: HostMessage) => {
  try {
    switch (message.type) {
      case "start":
        begin(message).catch(fail);
        return;
      case "snapshot":
        snapshot = { ...message.head, committees: [], standards: [] };
        return;
      case "committees":
        for (const c of message.rows) snapshot!.committees.push(c);
        return;
      case "standards":
        for (const s of message.rows) snapshot!.standards.push(s);
        return;
      case "snapshotEnd":
        plan();
        return;
    }
  } catch (error) {
    fail(error);
  }
});

function fail(error: unknown) {
  send({ type: "failed", message: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error) });
}
