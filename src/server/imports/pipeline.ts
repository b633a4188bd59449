// The CPU part of a preview, run in the preview worker (preview-worker.ts), never on the
// server's event loop: decode -> parse (record by record) -> validate -> plan, then the
// preview summary and the plan's write set as array literals (record-set-literals). The
// database part (digest, snapshot, storing the result) stays in process.ts.
// No "server-only" here: this runs in a worker thread outside the Next.js bundle.
import { createHash, randomBytes } from "node:crypto";
import { readInventoryCsv } from "@/domain/inventory/csv-reader";
import { decodeUpload } from "@/domain/inventory/file-check";
import { readInventoryJson } from "@/domain/inventory/json-reader";
import type { FileError, OnProgress, ParsedInventory } from "@/domain/inventory/model";
import { pathPrefixes, planImport, type ImportModeValue, type Snapshot } from "@/domain/inventory/plan";
import { planRecordSets, recordSetRows, type RecordSetRow } from "./record-set-literals";
import { planSummary, type ImportSummary } from "./summary";

export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

// Random bytes are drawn in blocks: one randomBytes call per id cost ~3 µs (0.17 s for 50k ids).
const ID_BYTES = 8;
const pool = { bytes: Buffer.alloc(0), at: 0 };

/** Ids for new rows: cuid-like (time + randomness), like the ones Prisma generates. */
export function newRecordId(): string {
  if (pool.at + ID_BYTES > pool.bytes.length) [pool.bytes, pool.at] = [randomBytes(ID_BYTES * 4096), 0];
  pool.at += ID_BYTES;
  return `c${Date.now().toString(36)}${pool.bytes.toString("hex", pool.at - ID_BYTES, pool.at)}`;
}

export async function parseUpload(
  bytes: Uint8Array,
  format: "CSV" | "JSON",
  onProgress?: OnProgress,
): Promise<{ ok: true; parsed: ParsedInventory } | { ok: false; error: FileError }> {
  const decoded = decodeUpload(bytes);
  if (!decoded.ok) return decoded;
  const result = format === "CSV" ? await readInventoryCsv(decoded.text, { onProgress }) : await readInventoryJson(decoded.text, { onProgress });
  if (!result.ok) return result;
  return { ok: true, parsed: result.inventory };
}

/** What a plan for the file depends on, by natural key. */
export interface PlanScope {
  mode: ImportModeValue;
  acronyms: string[];
  /**
   * Committees the file names, their path prefixes and explicit parents, sorted, one per
   * line: one string (not 100k) to pass between threads, store in the summary and send
   * to PostgreSQL. Identifiers hold no line breaks. (Previews stored before held a list.)
   */
  committees: string;
}

export function planScope(parsed: ParsedInventory, mode: ImportModeValue): PlanScope {
  const acronyms = new Set<string>();
  const committees = new Set<string>();
  for (const item of parsed.items) {
    acronyms.add(item.sdo.acronym);
    const c = item.kind === "sdo" ? null : item.committee;
    if (!c || committees.has(c.designation)) continue;
    committees.add(c.designation);
    for (const prefix of pathPrefixes(c.designation)) committees.add(prefix);
    if (c.parent) committees.add(c.parent);
  }
  return { mode, acronyms: [...acronyms].sort(), committees: [...committees].sort().join("\n") };
}

/** A planned preview: the summary (without the state, which the caller adds), its counts and write set. */
export interface PlannedPreview {
  summary: Omit<ImportSummary, "state">;
  rows: { total: number; new: number; updated: number; unchanged: number; invalid: number };
  errorsTotal: number;
  removalsTotal: number;
  /** The write set of a committable preview (valid, with changes); null otherwise. */
  recordSets: RecordSetRow[] | null;
}

export function planPreview(parsed: ParsedInventory, snapshot: Snapshot, mode: ImportModeValue): PlannedPreview {
  const plan = planImport(parsed, snapshot, mode, newRecordId);
  const valid = plan.errors.length === 0;
  // A file with problems cannot be committed, so nothing "would be removed by sync".
  if (!valid) [plan.removals, plan.keptInUse] = [[], []];
  const { state: _state, ...summary } = planSummary(plan, { mode, acronyms: [], committees: "", digest: "" });
  void _state;
  return {
    summary,
    rows: plan.rows,
    errorsTotal: plan.errors.length,
    removalsTotal: plan.removals.length,
    recordSets: valid && summary.hasChanges ? recordSetRows(planRecordSets(plan)) : null,
  };
}
