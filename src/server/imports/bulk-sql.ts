// Set-based writes for imports and undo, one INSERT / UPDATE / DELETE per table, not one
// statement per batch or row. The commit reads the record sets its preview stored in
// place (each statement unnests only the columns it needs); undo stages its rows from
// one JSON parameter in a temporary table (ON COMMIT DROP). The per-record change log (ImportChange: updates and
// removals) is built in SQL from the staged and the current rows. Runs inside the
// caller's transaction; sets updatedAt itself (Prisma's @updatedAt does not apply to raw SQL).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CommitteeState, SdoState, StandardState } from "@/domain/inventory/plan";
import { recordRowsSql } from "./record-sets";

type Tx = Prisma.TransactionClient;
export type InventoryEntity = "Sdo" | "Committee" | "Standard";

export type WithId<S> = S & { id: string };
/** Committee as stored for undo: its own core-area / key-application links ride along. */
export type CommitteeRecord = WithId<CommitteeState> & { coreAreaIds?: string[]; keyApplicationIds?: string[] };
/** A staged row: create a record, or update an existing one to this state. */
export type StagedRow<S> = WithId<S> & { op: "create" | "update" };

const STAGE_COLUMNS: Record<InventoryEntity, string> = {
  Sdo: `id text, op text, acronym text, name text, type text, provenance text, "sourceRefs" text[]`,
  Committee: `id text, op text, "sdoId" text, "parentId" text, designation text, title text, provenance text, "sourceRefs" text[], "coreAreaIds" text[], "keyApplicationIds" text[]`,
  Standard: `id text, op text, "sdoId" text, "committeeId" text, designation text, title text, stage text, year int, note text, provenance text, "sourceRefs" text[], "coreAreaIds" text[], "keyApplicationIds" text[]`,
};
const stageTable = (entity: InventoryEntity) => `import_stage_${entity.toLowerCase()}`;

/** Fills the entity's staging table from JSON rows (replacing what a previous call staged). */
export async function stage(tx: Tx, entity: InventoryEntity, rows: unknown[]): Promise<void> {
  const table = stageTable(entity);
  await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}`);
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE ${table} ON COMMIT DROP AS SELECT * FROM json_to_recordset(coalesce($1::json, '[]'::json)) AS r(${STAGE_COLUMNS[entity]})`,
    JSON.stringify(rows),
  );
}

/** Where the writes read staged rows: the entity's staging table (stage()), or the record sets planned for a run. */
export type StagedFrom = "table" | { plannedFor: string };

/**
 * A subquery of staged rows of the given operation(s) with (at least) id, op and these
 * columns (default: all the entity's); `param` is the $n it may use.
 */
function stagedRows(entity: InventoryEntity, from: StagedFrom, op: "create" | "update" | "any", columns: readonly string[] | undefined, param: number) {
  if (from === "table") return { sql: `(SELECT * FROM ${stageTable(entity)}${op === "any" ? "" : ` WHERE op = '${op}'`})`, params: [] };
  const ops = op === "any" ? `'CREATE', 'UPDATE'` : `'${op.toUpperCase()}'`;
  return { sql: `(${recordRowsSql(entity, `s."uploadId" = $${param} AND s.op IN (${ops})`, columns)})`, params: [from.plannedFor] };
}

// ---- Records as JSON (the ImportChange before/after shape: the state plus its id), built in SQL.
const sortedLinks = (table: string, column: string, owner: string, alias: string) =>
  `coalesce((SELECT jsonb_agg(l."${column}" ORDER BY l."${column}" COLLATE "C") FROM "${table}" l WHERE l."${owner}" = ${alias}.id), '[]'::jsonb)`;
const stagedLinks = (alias: string, column: string) => `coalesce(to_jsonb(${alias}."${column}"), '[]'::jsonb)`;

export function recordJson(entity: InventoryEntity, alias: string, from: "table" | "stage"): string {
  const common = `'id', ${alias}.id, 'provenance', ${alias}.provenance::text, 'sourceRefs', coalesce(to_jsonb(${alias}."sourceRefs"), '[]'::jsonb)`;
  if (entity === "Sdo") return `jsonb_build_object(${common}, 'acronym', ${alias}.acronym, 'name', ${alias}.name, 'type', ${alias}.type)`;
  if (entity === "Committee") {
    const links =
      from === "table"
        ? `, 'coreAreaIds', ${sortedLinks("CoreAreaCommittee", "coreAreaId", "committeeId", alias)}, 'keyApplicationIds', ${sortedLinks("KeyApplicationCommittee", "keyApplicationId", "committeeId", alias)}`
        : "";
    return `jsonb_build_object(${common}, 'sdoId', ${alias}."sdoId", 'parentId', ${alias}."parentId", 'designation', ${alias}.designation, 'title', ${alias}.title${links})`;
  }
  const links =
    from === "table"
      ? `'coreAreaIds', ${sortedLinks("StandardCoreArea", "coreAreaId", "standardId", alias)}, 'keyApplicationIds', ${sortedLinks("StandardKeyApplication", "keyApplicationId", "standardId", alias)}`
      : `'coreAreaIds', ${stagedLinks(alias, "coreAreaIds")}, 'keyApplicationIds', ${stagedLinks(alias, "keyApplicationIds")}`;
  return `jsonb_build_object(${common}, 'sdoId', ${alias}."sdoId", 'committeeId', ${alias}."committeeId", 'designation', ${alias}.designation,
    'title', ${alias}.title, 'stage', ${alias}.stage::text, 'year', ${alias}.year, 'note', ${alias}.note, ${links})`;
}

/**
 * Records the staged updates in ImportChange (before = the current row, after = the
 * staged state); call before writeStaged. Creations are not logged per record: the
 * commit keeps their record set (see keepCreationsAsLog).
 */
export async function recordStagedUpdates(tx: Tx, runId: string, entity: InventoryEntity, from: StagedFrom): Promise<number> {
  const rows = stagedRows(entity, from, "update", undefined, 3);
  return tx.$executeRawUnsafe(
    `INSERT INTO "ImportChange" ("importRunId", "entityType", "entityId", op, before, after)
     SELECT $1, $2, r.id, 'UPDATE'::"ImportOp", ${recordJson(entity, "t", "table")}, ${recordJson(entity, "r", "stage")}
     FROM ${rows.sql} r JOIN "${entity}" t ON t.id = r.id`,
    runId,
    entity,
    ...rows.params,
  );
}

/** Records the removal of these records (their full current state, links included) in ImportChange. */
export async function recordRemovals(tx: Tx, runId: string, entity: "Committee" | "Standard", ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  return tx.$executeRawUnsafe(
    `INSERT INTO "ImportChange" ("importRunId", "entityType", "entityId", op, before, after)
     SELECT $1, $2, t.id, 'DELETE'::"ImportOp", ${recordJson(entity, "t", "table")}, NULL FROM "${entity}" t WHERE t.id = ANY($3::text[])`,
    runId,
    entity,
    ids,
  );
}

// ---- Writing what is staged.
const SET_COLUMNS: Record<InventoryEntity, string[]> = {
  Sdo: ["acronym", "name", "type", "provenance", "sourceRefs"],
  Committee: ["sdoId", "parentId", "designation", "title", "provenance", "sourceRefs"],
  Standard: ["sdoId", "committeeId", "designation", "title", "stage", "year", "note", "provenance", "sourceRefs"],
};
const CASTS: Record<string, string> = { provenance: `::"Provenance"`, stage: `::"StandardStage"` };
const LINKS: Record<"Committee" | "Standard", { table: string; owner: string; column: string; staged: string }[]> = {
  Committee: [
    { table: "CoreAreaCommittee", owner: "committeeId", column: "coreAreaId", staged: "coreAreaIds" },
    { table: "KeyApplicationCommittee", owner: "committeeId", column: "keyApplicationId", staged: "keyApplicationIds" },
  ],
  Standard: [
    { table: "StandardCoreArea", owner: "standardId", column: "coreAreaId", staged: "coreAreaIds" },
    { table: "StandardKeyApplication", owner: "standardId", column: "keyApplicationId", staged: "keyApplicationIds" },
  ],
};

/**
 * Inserts the staged creations and applies the staged updates, one statement each;
 * returns the number of records created.
 * Links: a standard's links become exactly its staged lists; a committee's staged
 * links (undo of a removal) are added. Foreign keys are checked at the end of each
 * statement, so committees may reference parents created by the same statement.
 */
export async function writeStaged(tx: Tx, entity: InventoryEntity, from: StagedFrom = "table"): Promise<number> {
  const cols = SET_COLUMNS[entity];
  const q = (c: string) => `"${c}"`;
  const creations = stagedRows(entity, from, "create", cols, 1);
  const created = await tx.$executeRawUnsafe(
    `INSERT INTO "${entity}" (id, ${cols.map(q).join(", ")}, "updatedAt")
     SELECT r.id, ${cols.map((c) => `r.${q(c)}${CASTS[c] ?? ""}`).join(", ")}, now() FROM ${creations.sql} r`,
    ...creations.params,
  );
  const updates = stagedRows(entity, from, "update", cols, 1);
  await tx.$executeRawUnsafe(
    `UPDATE "${entity}" t SET ${cols.map((c) => `${q(c)} = r.${q(c)}${CASTS[c] ?? ""}`).join(", ")}, "updatedAt" = now()
     FROM ${updates.sql} r WHERE t.id = r.id`,
    ...updates.params,
  );
  if (entity === "Sdo") return created;
  for (const link of LINKS[entity]) {
    if (entity === "Standard") {
      const updated = stagedRows(entity, from, "update", [], 1);
      await tx.$executeRawUnsafe(`DELETE FROM "${link.table}" l USING ${updated.sql} r WHERE l."${link.owner}" = r.id`, ...updated.params);
    }
    const listed = stagedRows(entity, from, "any", [link.staged], 1);
    // A standard's old links are gone (deleted above, or it is new) and its lists hold no
    // duplicates, so it needs no conflict handling (which cost ~10% of the link insert).
    await tx.$executeRawUnsafe(
      `INSERT INTO "${link.table}" ("${link.owner}", "${link.column}")
       SELECT r.id, unnest(r."${link.staged}") FROM ${listed.sql} r WHERE r."${link.staged}" IS NOT NULL${entity === "Standard" ? "" : " ON CONFLICT DO NOTHING"}`,
      ...listed.params,
    );
  }
  return created;
}

export async function deleteByIds(tx: Tx, table: InventoryEntity, ids: string[]) {
  if (ids.length) await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE id = ANY($1::text[])`, ids);
}

// ---- Reading current state.

/**
 * Current state of standards (with their links), by id or by SDO. Read as one JSON
 * document (one row, each standard an array of its fields: objects would double its
 * size): for 50k standards, decoding 50k rows of 12 columns through the driver cost
 * several times more.
 */
export async function readStandards(tx: Tx, where: { ids?: string[]; sdoIds?: string[] }): Promise<WithId<StandardState>[]> {
  const filter = where.ids ? `s.id = ANY($1::text[])` : `s."sdoId" = ANY($1::text[])`;
  const links = (table: string, column: string) =>
    `SELECT l."standardId", array_agg(l."${column}") AS ids FROM "${table}" l WHERE l."standardId" IN (SELECT id FROM s) GROUP BY 1`;
  const [row] = await tx.$queryRawUnsafe<{ j: string | null }[]>(
    `WITH s AS (SELECT * FROM "Standard" s WHERE ${filter}),
          ca AS (${links("StandardCoreArea", "coreAreaId")}),
          ka AS (${links("StandardKeyApplication", "keyApplicationId")})
     SELECT json_agg(json_build_array(s.id, s."sdoId", s."committeeId", s.designation, s.title, s.stage::text, s.year, s.note,
              s.provenance::text, s."sourceRefs", coalesce(ca.ids, '{}'), coalesce(ka.ids, '{}')))::text AS j
     FROM s LEFT JOIN ca ON ca."standardId" = s.id LEFT JOIN ka ON ka."standardId" = s.id`,
    where.ids ?? where.sdoIds ?? [],
  );
  type Row = [string, string, string | null, string, string, StandardState["stage"], number | null, string | null, StandardState["provenance"], string[], string[], string[]];
  const rows = (row?.j ? JSON.parse(row.j) : []) as Row[];
  const standards = new Array<WithId<StandardState>>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    // Link lists in JavaScript's order (the planner compares them as sorted lists).
    if (r[10].length > 1) r[10].sort();
    if (r[11].length > 1) r[11].sort();
    standards[i] = {
      id: r[0],
      sdoId: r[1],
      committeeId: r[2],
      designation: r[3],
      title: r[4],
      stage: r[5],
      year: r[6],
      note: r[7],
      provenance: r[8],
      sourceRefs: r[9],
      coreAreaIds: r[10],
      keyApplicationIds: r[11],
    };
  }
  return standards;
}

export async function readCommittees(tx: Tx, ids?: string[]): Promise<CommitteeRecord[]> {
  const rows = await tx.$queryRawUnsafe<(CommitteeRecord & { coreAreaIds: string[] | null; keyApplicationIds: string[] | null })[]>(
    `SELECT c.id, c."sdoId", c."parentId", c.designation, c.title, c.provenance::text AS provenance, c."sourceRefs",
            (SELECT array_agg(l."coreAreaId") FROM "CoreAreaCommittee" l WHERE l."committeeId" = c.id) AS "coreAreaIds",
            (SELECT array_agg(l."keyApplicationId") FROM "KeyApplicationCommittee" l WHERE l."committeeId" = c.id) AS "keyApplicationIds"
     FROM "Committee" c ${ids ? `WHERE c.id = ANY($1::text[])` : ""}`,
    ...(ids ? [ids] : []),
  );
  return rows.map((r) => ({
    id: r.id,
    sdoId: r.sdoId,
    parentId: r.parentId,
    designation: r.designation,
    title: r.title,
    provenance: r.provenance,
    sourceRefs: r.sourceRefs,
    coreAreaIds: [...(r.coreAreaIds ?? [])].sort(),
    keyApplicationIds: [...(r.keyApplicationIds ?? [])].sort(),
  }));
}

export async function readSdos(tx: Tx, ids?: string[]): Promise<WithId<SdoState>[]> {
  return tx.$queryRawUnsafe<WithId<SdoState>[]>(
    `SELECT id, acronym, name, type, provenance::text AS provenance, "sourceRefs" FROM "Sdo" ${ids ? `WHERE id = ANY($1::text[])` : ""}`,
    ...(ids ? [ids] : []),
  );
}

/** Serialises imports and undos against each other and against edits of the same tables. */
export async function lockInventoryTables(tx: Tx) {
  await tx.$executeRawUnsafe(
    `LOCK TABLE "Sdo", "Committee", "Standard", "StandardCoreArea", "StandardKeyApplication", "CoreAreaCommittee", "KeyApplicationCommittee" IN SHARE ROW EXCLUSIVE MODE`,
  );
}
