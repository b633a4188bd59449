// Batched writes for imports and undo: each statement takes a batch of rows as one JSON
// parameter (jsonb_to_recordset), so 50,000 standards are a few dozen statements, not
// 50,000 round trips. Runs inside the caller's transaction; sets updatedAt itself
// (Prisma's @updatedAt does not apply to raw SQL).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CommitteeState, SdoState, StandardState } from "@/domain/inventory/plan";

type Tx = Prisma.TransactionClient;
export const BATCH = 2000;

export type WithId<S> = S & { id: string };
/** Committee as stored for undo: its own core-area / key-application links ride along. */
export type CommitteeRecord = WithId<CommitteeState> & { coreAreaIds?: string[]; keyApplicationIds?: string[] };

async function inBatches<T>(rows: T[], fn: (batch: T[]) => Promise<unknown>, onBatch?: (done: number) => void) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await fn(rows.slice(i, i + BATCH));
    onBatch?.(Math.min(rows.length, i + BATCH));
  }
}

const json = (rows: unknown[]) => JSON.stringify(rows);

export async function insertSdos(tx: Tx, rows: WithId<SdoState>[]) {
  await inBatches(rows, (b) =>
    tx.$executeRawUnsafe(
      `INSERT INTO "Sdo" (id, acronym, name, type, provenance, "sourceRefs", "updatedAt")
       SELECT r.id, r.acronym, r.name, r.type, r.provenance::"Provenance", r."sourceRefs", now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, acronym text, name text, type text, provenance text, "sourceRefs" text[])`,
      json(b),
    ),
  );
}

export async function updateSdos(tx: Tx, rows: WithId<SdoState>[]) {
  await inBatches(rows, (b) =>
    tx.$executeRawUnsafe(
      `UPDATE "Sdo" t SET acronym = r.acronym, name = r.name, type = r.type, provenance = r.provenance::"Provenance",
         "sourceRefs" = r."sourceRefs", "updatedAt" = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, acronym text, name text, type text, provenance text, "sourceRefs" text[])
       WHERE t.id = r.id`,
      json(b),
    ),
  );
}

/** Parents before children: rows must come sorted by depth (the caller's job). */
export async function insertCommittees(tx: Tx, rows: CommitteeRecord[]) {
  await inBatches(rows, (b) =>
    tx.$executeRawUnsafe(
      `INSERT INTO "Committee" (id, "sdoId", "parentId", designation, title, provenance, "sourceRefs", "updatedAt")
       SELECT r.id, r."sdoId", r."parentId", r.designation, r.title, r.provenance::"Provenance", r."sourceRefs", now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, "sdoId" text, "parentId" text, designation text, title text, provenance text, "sourceRefs" text[])`,
      json(b),
    ),
  );
  const links = rows.flatMap((c) => (c.coreAreaIds ?? []).map((coreAreaId) => ({ a: coreAreaId, c: c.id })));
  await inBatches(links, (b) =>
    tx.$executeRawUnsafe(
      `INSERT INTO "CoreAreaCommittee" ("coreAreaId", "committeeId") SELECT r.a, r.c FROM jsonb_to_recordset($1::jsonb) AS r(a text, c text) ON CONFLICT DO NOTHING`,
      json(b),
    ),
  );
  const apps = rows.flatMap((c) => (c.keyApplicationIds ?? []).map((id) => ({ a: id, c: c.id })));
  await inBatches(apps, (b) =>
    tx.$executeRawUnsafe(
      `INSERT INTO "KeyApplicationCommittee" ("keyApplicationId", "committeeId") SELECT r.a, r.c FROM jsonb_to_recordset($1::jsonb) AS r(a text, c text) ON CONFLICT DO NOTHING`,
      json(b),
    ),
  );
}

export async function updateCommittees(tx: Tx, rows: WithId<CommitteeState>[]) {
  await inBatches(rows, (b) =>
    tx.$executeRawUnsafe(
      `UPDATE "Committee" t SET "sdoId" = r."sdoId", "parentId" = r."parentId", designation = r.designation, title = r.title,
         provenance = r.provenance::"Provenance", "sourceRefs" = r."sourceRefs", "updatedAt" = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, "sdoId" text, "parentId" text, designation text, title text, provenance text, "sourceRefs" text[])
       WHERE t.id = r.id`,
      json(b),
    ),
  );
}

const STANDARD_COLUMNS = `id text, "sdoId" text, "committeeId" text, designation text, title text, stage text, year int, note text, provenance text, "sourceRefs" text[]`;

export async function insertStandards(tx: Tx, rows: WithId<StandardState>[], onBatch?: (done: number) => void) {
  await inBatches(
    rows,
    (b) =>
      tx.$executeRawUnsafe(
        `INSERT INTO "Standard" (id, "sdoId", "committeeId", designation, title, stage, year, note, provenance, "sourceRefs", "updatedAt")
         SELECT r.id, r."sdoId", r."committeeId", r.designation, r.title, r.stage::"StandardStage", r.year, r.note,
                r.provenance::"Provenance", r."sourceRefs", now()
         FROM jsonb_to_recordset($1::jsonb) AS r(${STANDARD_COLUMNS})`,
        json(b.map(standardRow)),
      ),
    onBatch,
  );
  await replaceStandardLinks(tx, rows, false);
}

export async function updateStandards(tx: Tx, rows: WithId<StandardState>[], onBatch?: (done: number) => void) {
  await inBatches(
    rows,
    (b) =>
      tx.$executeRawUnsafe(
        `UPDATE "Standard" t SET "sdoId" = r."sdoId", "committeeId" = r."committeeId", designation = r.designation, title = r.title,
           stage = r.stage::"StandardStage", year = r.year, note = r.note, provenance = r.provenance::"Provenance",
           "sourceRefs" = r."sourceRefs", "updatedAt" = now()
         FROM jsonb_to_recordset($1::jsonb) AS r(${STANDARD_COLUMNS})
         WHERE t.id = r.id`,
        json(b.map(standardRow)),
      ),
    onBatch,
  );
  await replaceStandardLinks(tx, rows, true);
}

function standardRow(s: WithId<StandardState>) {
  const { coreAreaIds: _c, keyApplicationIds: _k, ...row } = s;
  void _c;
  void _k;
  return row;
}

/** Makes each standard's core-area and key-application links exactly its state's lists. */
async function replaceStandardLinks(tx: Tx, rows: WithId<StandardState>[], clearFirst: boolean) {
  if (clearFirst) {
    await inBatches(rows, async (b) => {
      const ids = b.map((s) => s.id);
      await tx.$executeRawUnsafe(`DELETE FROM "StandardCoreArea" WHERE "standardId" = ANY($1::text[])`, ids);
      await tx.$executeRawUnsafe(`DELETE FROM "StandardKeyApplication" WHERE "standardId" = ANY($1::text[])`, ids);
    });
  }
  const ca = rows.flatMap((s) => s.coreAreaIds.map((a) => ({ s: s.id, a })));
  await inBatches(ca, (b) =>
    tx.$executeRawUnsafe(
      `INSERT INTO "StandardCoreArea" ("standardId", "coreAreaId") SELECT r.s, r.a FROM jsonb_to_recordset($1::jsonb) AS r(s text, a text)`,
      json(b),
    ),
  );
  const ka = rows.flatMap((s) => s.keyApplicationIds.map((a) => ({ s: s.id, a })));
  await inBatches(ka, (b) =>
    tx.$executeRawUnsafe(
      `INSERT INTO "StandardKeyApplication" ("standardId", "keyApplicationId") SELECT r.s, r.a FROM jsonb_to_recordset($1::jsonb) AS r(s text, a text)`,
      json(b),
    ),
  );
}

export async function deleteByIds(tx: Tx, table: "Sdo" | "Committee" | "Standard", ids: string[]) {
  await inBatches(ids, (b) => tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE id = ANY($1::text[])`, b));
}

/** Current state of standards (with their links), by id. */
export async function readStandards(tx: Tx, where: { ids?: string[]; sdoIds?: string[] }): Promise<WithId<StandardState>[]> {
  const filter = where.ids ? `s.id = ANY($1::text[])` : `s."sdoId" = ANY($1::text[])`;
  const rows = await tx.$queryRawUnsafe<(WithId<StandardState> & { coreAreaIds: string[] | null; keyApplicationIds: string[] | null })[]>(
    `SELECT s.id, s."sdoId", s."committeeId", s.designation, s.title, s.stage::text AS stage, s.year, s.note,
            s.provenance::text AS provenance, s."sourceRefs",
            (SELECT array_agg(l."coreAreaId") FROM "StandardCoreArea" l WHERE l."standardId" = s.id) AS "coreAreaIds",
            (SELECT array_agg(l."keyApplicationId") FROM "StandardKeyApplication" l WHERE l."standardId" = s.id) AS "keyApplicationIds"
     FROM "Standard" s WHERE ${filter}`,
    where.ids ?? where.sdoIds ?? [],
  );
  return rows.map((r) => ({
    id: r.id,
    sdoId: r.sdoId,
    committeeId: r.committeeId,
    designation: r.designation,
    title: r.title,
    stage: r.stage,
    year: r.year,
    note: r.note,
    provenance: r.provenance,
    sourceRefs: r.sourceRefs,
    coreAreaIds: [...(r.coreAreaIds ?? [])].sort(),
    keyApplicationIds: [...(r.keyApplicationIds ?? [])].sort(),
  }));
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
