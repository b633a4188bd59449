// Messages between the preview host (server process) and the preview worker.
import type { FileError } from "@/domain/inventory/model";
import type { ImportModeValue, Snapshot } from "@/domain/inventory/plan";
import type { PlannedPreview, PlanScope } from "./pipeline";

export type PreviewPhase = "parse" | "validate";

export type HostMessage =
  | { type: "start"; bytes: Uint8Array; format: "CSV" | "JSON"; mode: ImportModeValue }
  | { type: "snapshot"; head: Omit<Snapshot, "committees" | "standards"> }
  | { type: "committees"; rows: Snapshot["committees"] }
  | { type: "standards"; rows: Snapshot["standards"] }
  | { type: "snapshotEnd" };

export type WorkerMessage =
  | { type: "progress"; phase: PreviewPhase; fraction: number }
  | { type: "fileError"; error: FileError }
  | { type: "scope"; scope: PlanScope }
  | { type: "planned"; result: PlannedPreview }
  | { type: "failed"; message: string };
