// The plan's write set as ImportRecordSet rows (see record-sets.ts): per entity type and
// operation, one row holding every record's fields as arrays, each column already a
// PostgreSQL array literal (a text parameter parsed by the server in C). Built where the
// plan is made (the preview worker), so the server's event loop only passes strings on.
import type { EntityOp, ImportPlan } from "@/domain/inventory/plan";

type Entity = "Sdo" | "Committee" | "Standard";
type Op = "CREATE" | "UPDATE" | "DELETE";

/** Columns of ImportRecordSet after recordIds, in order; `int` ones are integer[]. */
export const COLUMNS = [
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
export type Column = (typeof COLUMNS)[number];
export const INT_COLUMNS = new Set<Column>(["year", "depth"]);
/** List fields: each element is itself an array literal. */
export const LIST_COLUMNS = new Set<Column>(["sourceRefs", "coreAreaIds", "keyApplicationIds"]);

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

export interface RecordSet {
  entityType: Entity;
  op: Op;
  ids: string[];
  columns: Partial<Record<Column, readonly unknown[]>>;
}

/**
 * Records per set: a plan of 100k records is stored as sets of at most this many, so no
 * single INSERT carries megabytes of parameters through the server's event loop.
 */
export const RECORDS_PER_SET = 10_000;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += RECORDS_PER_SET) out.push(list.slice(i, i + RECORDS_PER_SET));
  return out;
}

function fromOps<S extends object>(entityType: Entity, op: "create" | "update", ops: EntityOp<S>[], fields: readonly Column[]): RecordSet[] {
  return chunks(ops.filter((o) => o.op === op)).map((chosen) => {
    const columns: RecordSet["columns"] = {};
    for (const field of fields) columns[field] = chosen.map((o) => (o.after as Record<string, unknown>)[field]);
    return { entityType, op: op === "create" ? "CREATE" : "UPDATE", ids: chosen.map((o) => o.id), columns };
  });
}

const SDO_FIELDS = ["acronym", "name", "type", "provenance", "sourceRefs"] as const;
const COMMITTEE_FIELDS = ["sdoId", "parentId", "designation", "title", "provenance", "sourceRefs"] as const;
const STANDARD_FIELDS = ["sdoId", "committeeId", "designation", "title", "stage", "year", "note", "provenance", "sourceRefs", "coreAreaIds", "keyApplicationIds"] as const;

/** What committing the plan writes: created and updated records with their new state, and sync removals. */
export function planRecordSets(plan: ImportPlan): RecordSet[] {
  const sets: RecordSet[] = [];
  for (const op of ["create", "update"] as const) {
    sets.push(...fromOps("Sdo", op, plan.sdos, SDO_FIELDS));
    sets.push(...fromOps("Committee", op, plan.committees, COMMITTEE_FIELDS));
    sets.push(...fromOps("Standard", op, plan.standards, STANDARD_FIELDS));
  }
  for (const entityType of ["Committee", "Standard"] as const) {
    for (const removed of chunks(plan.removals.filter((r) => r.entity === entityType))) {
      sets.push({ entityType, op: "DELETE", ids: removed.map((r) => r.id), columns: { depth: removed.map((r) => r.depth) } });
    }
  }
  return sets;
}

/** One ImportRecordSet row: its entity, operation, ids and COLUMNS as array literals. */
export interface RecordSetRow {
  entityType: Entity;
  op: Op;
  ids: string;
  values: string[];
}

export function recordSetRows(sets: RecordSet[]): RecordSetRow[] {
  return sets.map((set) => ({
    entityType: set.entityType,
    op: set.op,
    ids: textArrayLiteral(set.ids),
    values: COLUMNS.map((c) => {
      const column = set.columns[c];
      if (!column) return "{}";
      if (INT_COLUMNS.has(c)) return intArrayLiteral(column as (number | null)[]);
      if (LIST_COLUMNS.has(c)) return textArrayLiteral((column as (string[] | null | undefined)[]).map((list) => (list == null ? null : listLiteral(list))));
      return textArrayLiteral(column as (string | null)[]);
    }),
  }));
}
