// The plan's write set in the database (ImportRecordSet): per entity type and operation,
// one row holding every record's fields as arrays. Sent as one PostgreSQL array literal
// per column (a text parameter parsed by the server in C), not as JSON and not as a
// driver array of 50k elements, which both cost far more; read back with unnest().
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { EntityOp, ImportPlan } from "@/domain/inventory/plan";

type Tx = Prisma.TransactionClient;
type Entity = "Sdo" | "Committee" | "Standard";
type Op = "CREATE" | "UPDATE" | "DELETE";

/** Columns of ImportRecordSet after recordIds, in order; `int` ones are integer[]. */
const COLUMNS = [
  "acronym",
  "name",
  "type",
  "sdoId",
  "parentId",
  "committeeId",
  "designation",
  "title",
  "stage",
  "year",
  "note",
  "provenance",
  "sourceRefs",
  "coreAreaIds",
  "keyApplicationIds",
  "depth",
] as const;
type Column = (typeof COLUMNS)[number];
const INT_COLUMNS = new Set<Column>(["year", "depth"]);
/** List fields: each element is itself an array literal. */
const LIST_COLUMNS = new Set<Column>(["sourceRefs", "coreAreaIds", "keyApplicationIds"]);

const NEEDS_ESCAPE = /[\\"]/;
const ESCAPES = /[\\"]/g;

/** A PostgreSQL array literal of text: every element quoted, null as NULL. */
export function textArrayLiteral(values: readonly (string | null | undefined)[]): string {
  if (!values.length) return "{}";
  if (!values.includes(null) && !values.includes(undefined)) {
    // The common case in one join and one scan, without a string per element.
    const body = values.join('","');
    if (!NEEDS_ESCAPE.test(body)) return `{"${body}"}`;
  }
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] = v == null ? "NULL" : NEEDS_ESCAPE.test(v) ? `"${v.replace(ESCAPES, "\\$&")}"` : `"${v}"`;
  }
  return `{${parts.join(",")}}`;
}

const PLAIN = /^[A-Za-z0-9_.:/-]+$/;

/** The same for a record's list field; plain elements (ids, most references) go unquoted, so the outer literal needs no escaping. */
function listLiteral(values: readonly string[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (i) out += ",";
    out += PLAIN.test(v) && v.toUpperCase() !== "NULL" ? v : `"${v.replace(ESCAPES, "\\$&")}"`;
  }
  return out + "}";
}

function intArrayLiteral(values: readonly (number | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] = v == null ? "NULL" : String(Math.trunc(v));
  }
  return `{${parts.join(",")}}`;
}

interface RecordSet {
  entityType: Entity;
  op: Op;
  ids: string[];
  columns: Partial<Record<Column, readonly unknown[]>>;
}

function fromOps<S extends object>(entityType: Entity, op: "create" | "update", ops: EntityOp<S>[], fields: readonly Column[]): RecordSet | null {
  const chosen = ops.filter((o) => o.op === op);
  if (!chosen.length) return null;
  const columns: RecordSet["columns"] = {};
  for (const field of fields) columns[field] = chosen.map((o) => (o.after as Record<string, unknown>)[field]);
  return { entityType, op: op === "create" ? "CREATE" : "UPDATE", ids: chosen.map((o) => o.id), columns };
}

const SDO_FIELDS = ["acronym", "name", "type", "provenance", "sourceRefs"] as const;
const COMMITTEE_FIELDS = ["sdoId", "parentId", "designation", "title", "provenance", "sourceRefs"] as const;
const STANDARD_FIELDS = ["sdoId", "committeeId", "designation", "title", "stage", "year", "note", "provenance", "sourceRefs", "coreAreaIds", "keyApplicationIds"] as const;

/** What committing the plan writes: created and updated records with their new state, and sync removals. */
export function planRecordSets(plan: ImportPlan): RecordSet[] {
  const sets: (RecordSet | null)[] = [];
  for (const op of ["create", "update"] as const) {
    sets.push(fromOps("Sdo", op, plan.sdos, SDO_FIELDS));
    sets.push(fromOps("Committee", op, plan.committees, COMMITTEE_FIELDS));
    sets.push(fromOps("Standard", op, plan.standards, STANDARD_FIELDS));
  }
  for (const entityType of ["Committee", "Standard"] as const) {
    const removed = plan.removals.filter((r) => r.entity === entityType);
    if (removed.length) sets.push({ entityType, op: "DELETE", ids: removed.map((r) => r.id), columns: { depth: removed.map((r) => r.depth) } });
  }
  return sets.filter((s): s is RecordSet => s !== null);
}

/** Stores the sets as the plan of the run's upload (one INSERT per set). */
export async function storeRecordSets(tx: Tx, runId: string, sets: RecordSet[]): Promise<void> {
  const placeholders = COLUMNS.map((c, i) => `$${i + 5}::${INT_COLUMNS.has(c) ? "int" : "text"}[]`).join(", ");
  const sql = `INSERT INTO "ImportRecordSet" ("importRunId", "uploadId", "entityType", op, "recordIds", ${COLUMNS.map((c) => `"${c}"`).join(", ")})
               VALUES ($1, $1, $2, $3::"ImportOp", $4::text[], ${placeholders})`;
  for (const set of sets) {
    const values = COLUMNS.map((c) => {
      const column = set.columns[c];
      if (!column) return "{}";
      if (INT_COLUMNS.has(c)) return intArrayLiteral(column as (number | null)[]);
      if (LIST_COLUMNS.has(c)) return textArrayLiteral((column as (string[] | null | undefined)[]).map((list) => (list == null ? null : listLiteral(list))));
      return textArrayLiteral(column as (string | null)[]);
    });
    await tx.$executeRawUnsafe(sql, runId, set.entityType, set.op, textArrayLiteral(set.ids), ...values);
  }
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
