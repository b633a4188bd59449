// Upload -> decode -> parse (streaming) -> validate -> plan: the steps shared by the
// preview and the commit (which re-plans inside its transaction).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { readInventoryCsv } from "@/domain/inventory/csv-reader";
import { decodeUpload } from "@/domain/inventory/file-check";
import { readInventoryJson } from "@/domain/inventory/json-reader";
import type { FileError, OnProgress, ParsedInventory } from "@/domain/inventory/model";
import { planFingerprintText, planImport, type ImportModeValue, type ImportPlan } from "@/domain/inventory/plan";
import { loadSnapshot } from "./snapshot";

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

export async function buildPlan(tx: Prisma.TransactionClient, parsed: ParsedInventory, mode: ImportModeValue): Promise<{ plan: ImportPlan; fingerprint: string }> {
  const snapshot = await loadSnapshot(tx, parsed, mode);
  const plan = planImport(parsed, snapshot, mode, newRecordId);
  return { plan, fingerprint: sha256(planFingerprintText(plan)) };
}
