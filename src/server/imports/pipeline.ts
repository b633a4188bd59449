// Upload -> decode -> parse (record by record) -> validate -> plan, for the preview. The
// plan's write set is stored with the run (record-sets) for the commit, which writes it
// without re-reading the file once the state digest shows the data is as the preview saw it.
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
