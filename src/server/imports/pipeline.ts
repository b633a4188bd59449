// Upload -> decode -> parse (streaming) -> validate -> plan, for the preview; and the
// plan's write set as stored for the commit (which writes it without re-reading the file
// once the state digest shows the data is as the preview saw it).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { readInventoryCsv } from "@/domain/inventory/csv-reader";
import { decodeUpload } from "@/domain/inventory/file-check";
import { readInventoryJson } from "@/domain/inventory/json-reader";
import type { FileError, OnProgress, ParsedInventory } from "@/domain/inventory/model";
import { planImport, type ImportModeValue, type ImportPlan } from "@/domain/inventory/plan";
import { loadSnapshot, planScope, stateDigest, type PlanScope } from "./snapshot";

export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Ids for new rows: cuid-like (time + randomness), like the ones Prisma generates. */
export function newRecordId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
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

/** The digest is taken before the snapshot is read: any write after it makes the commit refuse. */
export async function buildPlan(
  tx: Prisma.TransactionClient,
  parsed: ParsedInventory,
  mode: ImportModeValue,
): Promise<{ plan: ImportPlan; state: PlanScope & { digest: string } }> {
  const scope = planScope(parsed, mode);
  const digest = await stateDigest(tx, scope);
  const snapshot = await loadSnapshot(tx, parsed, mode);
  const plan = planImport(parsed, snapshot, mode, newRecordId);
  return { plan, state: { ...scope, digest } };
}

/**
 * What the commit writes (stored in ImportUpload.content in place of the file): the
 * created and updated records with their new state (staged rows for bulk-sql), and the
 * sync removals. Before-states are not stored: the commit reads them from the database,
 * which the digest has shown to be as planned.
 */
export function serializeWriteSet(plan: ImportPlan): Uint8Array<ArrayBuffer> {
  const staged = <S>(ops: { op: string; id: string; after: S }[]) => ops.filter((o) => o.op !== "unchanged").map((o) => ({ op: o.op, id: o.id, ...o.after }));
  return new TextEncoder().encode(
    JSON.stringify({
      sdos: staged(plan.sdos),
      committees: staged(plan.committees),
      standards: staged(plan.standards),
      removals: plan.removals.map((r) => ({ entity: r.entity, id: r.id, depth: r.depth })),
    }),
  );
}
