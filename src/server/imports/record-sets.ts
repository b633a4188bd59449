// The plan's write set in the database (ImportRecordSet): per entity type and operation,
// one row holding every record's fields as arrays. Sent as one PostgreSQL array literal
// per column (record-set-literals.ts), not as JSON and not as a driver array of 50k
// elements, which both cost far more; read back with unnest().
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { COLUMNS, INT_COLUMNS, LIST_COLUMNS, type Column, type RecordSetRow } from "./record-set-literals";

type Tx = Prisma.TransactionClient;
type Entity = "Sdo" | "Committee" | "Standard";

/** Stores the rows (recordSetRows) as the plan of the run's upload (one INSERT per row). */
export async function storeRecordSets(tx: Tx, runId: string, rows: RecordSetRow[]): Promise<void> {
  const placeholders = COLUMNS.map((c, i) => `$${i + 5}::${INT_COLUMNS.has(c) ? "int" : "text"}[]`).join(", ");
  const sql = `INSERT INTO "ImportRecordSet" ("importRunId", "uploadId", "entityType", op, "recordIds", ${COLUMNS.map((c) => `"${c}"`).join(", ")})
               VALUES ($1, $1, $2, $3::"ImportOp", $4::text[], ${placeholders})`;
  for (const row of rows) await tx.$executeRawUnsafe(sql, runId, row.entityType, row.op, row.ids, ...row.values);
}

/** Each entity's state columns, as bulk-sql stages them. */
const ENTITY_COLUMNS: Record<Entity, readonly Column[]> = {
  Sdo: ["acronym", "name", "type", "provenance", "sourceRefs"],
  Committee: ["sdoId", "parentId", "designation", "title", "provenance", "sourceRefs", "coreAreaIds", "keyApplicationIds"],
  Standard: ["sdoId", "committeeId", "designation", "title", "stage", "year", "note", "provenance", "sourceRefs", "coreAreaIds", "keyApplicationIds"],
};

/**
 * SQL for the records of the run's sets (plan sets while uploadId = the run, kept sets
 * after the commit), one row per record: id, op (lower case), and the given state columns
 * (default: all of the entity's) with their types, list fields as text[]. Only the
 * arrays asked for are read.
 */
export function recordRowsSql(entity: Entity, where: string, columns: readonly string[] | undefined = ENTITY_COLUMNS[entity]): string {
  const chosen = COLUMNS.filter((c) => columns.includes(c));
  const select = chosen.map((c) => (LIST_COLUMNS.has(c) ? `u."${c}"::text[] AS "${c}"` : `u."${c}"`));
  return `SELECT u.id, lower(s.op::text) AS op${select.map((c) => `, ${c}`).join("")}
    FROM "ImportRecordSet" s,
         unnest(s."recordIds"${chosen.map((c) => `, s."${c}"`).join("")}) AS u(id${chosen.map((c) => `, "${c}"`).join("")})
    WHERE s."entityType" = '${entity}' AND (${where})`;
}

/** The sync removals planned for the run: ids with their depth (committees). */
export async function plannedRemovals(tx: Tx, runId: string): Promise<{ entity: "Committee" | "Standard"; id: string; depth: number }[]> {
  return tx.$queryRawUnsafe(
    `SELECT s."entityType" AS entity, u.id, coalesce(u.depth, 0)::int AS depth
     FROM "ImportRecordSet" s, unnest(s."recordIds", s.depth) AS u(id, depth)
     WHERE s."uploadId" = $1 AND s.op = 'DELETE'`,
    runId,
  );
}

/** Does the run's upload hold a plan? */
export async function hasPlan(tx: Tx, runId: string): Promise<boolean> {
  const [row] = await tx.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "ImportRecordSet" WHERE "uploadId" = $1`, runId);
  return Number(row?.n) > 0;
}

/** After the commit: its creations stay as the undo log; the rest of the plan goes with the upload. */
export async function keepCreationsAsLog(tx: Tx, runId: string): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE "ImportRecordSet" SET "uploadId" = NULL WHERE "uploadId" = $1 AND op = 'CREATE'`, runId);
}
