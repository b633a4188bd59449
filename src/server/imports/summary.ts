// The preview stored on ImportRun.summary: counts, every problem (capped for display),
// the changes with their fields, and in sync mode the removals. Plain JSON.
import type { FileError, RowError } from "@/domain/inventory/model";
import type { PlanScope } from "./pipeline";
import { entityCounts, planHasChanges, type EntityCounts, type EntityType, type FieldChange, type ImportPlan } from "@/domain/inventory/plan";

export const SHOWN_ERRORS = 1000;
export const SHOWN_CHANGES = 1000;
export const SHOWN_REMOVALS = 5000;

export interface ImportSummary {
  fileError?: FileError;
  rows?: ImportPlan["rows"];
  entities?: Record<EntityType, EntityCounts>;
  errors: RowError[];
  errorsTotal: number;
  warnings: string[];
  changes: { entity: EntityType; op: "create" | "update"; key: string; line: number; changes: FieldChange[] }[];
  changesTotal: number;
  removals: { entity: string; key: string }[];
  removalsTotal: number;
  keptInUse: { entity: string; key: string; why: string }[];
  hasChanges: boolean;
  /** Scope and digest of the data the preview was planned against (see stateDigest). */
  state?: PlanScope & { digest: string };
  timings?: { previewMs?: number; writeMs?: number; undoMs?: number };
  commitError?: string;
}

export function fileErrorSummary(error: FileError, warnings: string[] = []): ImportSummary {
  return { fileError: error, errors: [], errorsTotal: 0, warnings, changes: [], changesTotal: 0, removals: [], removalsTotal: 0, keptInUse: [], hasChanges: false };
}

export function planSummary(plan: ImportPlan, state: PlanScope & { digest: string }): ImportSummary {
  const changed = [...plan.sdos, ...plan.committees, ...plan.standards].filter((o) => o.op !== "unchanged");
  return {
    rows: plan.rows,
    entities: entityCounts(plan),
    errors: plan.errors.slice(0, SHOWN_ERRORS),
    errorsTotal: plan.errors.length,
    warnings: plan.warnings,
    changes: changed
      .slice(0, SHOWN_CHANGES)
      .map((o) => ({ entity: o.entity, op: o.op as "create" | "update", key: o.key, line: o.line, changes: o.changes })),
    changesTotal: changed.length,
    removals: plan.removals.slice(0, SHOWN_REMOVALS).map((r) => ({ entity: r.entity, key: r.key })),
    removalsTotal: plan.removals.length,
    keptInUse: plan.keptInUse.slice(0, SHOWN_REMOVALS).map((r) => ({ entity: r.entity, key: r.key, why: r.keptBecause ?? "in use" })),
    hasChanges: planHasChanges(plan),
    state,
  };
}
