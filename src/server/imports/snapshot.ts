// Loads what the planner compares the file with: all SDOs and committees, the standards
// of the SDOs the file names (with their links), core areas, key applications and, for
// sync mode, which records are used by something the import does not manage. Also a
// digest (computed in SQL) of every row a plan for the file depends on: the commit
// recomputes it under its table lock and refuses when it differs from the preview's.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ImportModeValue, Snapshot } from "@/domain/inventory/plan";
import type { PlanScope } from "./pipeline";
import { readCommittees, readSdos, readStandards } from "./bulk-sql";

type Tx = Prisma.TransactionClient;

/** `acronyms`: the SDOs the file names (their standards are loaded). */
export async function loadSnapshot(tx: Tx, acronyms: readonly string[], mode: ImportModeValue): Promise<Snapshot> {
  // One after another: in a transaction (one connection) pg refuses (from pg 9; warns now)
  // a query sent while another runs on it.
  const sdos = await readSdos(tx);
  const committees = await readCommittees(tx);
  const coreAreas = await tx.coreArea.findMany({ select: { id: true, name: true } });
  const keyApplications = await tx.keyApplication.findMany({ select: { id: true, name: true } });
  const named = new Set(acronyms);
  const sdoIds = sdos.filter((s) => named.has(s.acronym)).map((s) => s.id);
  const standards = sdoIds.length ? await readStandards(tx, { sdoIds }) : [];
  const snapshot: Snapshot = {
    sdos,
    committees: committees.map(({ coreAreaIds: _c, keyApplicationIds: _k, ...c }) => (void _c, void _k, c)),
    standards,
    coreAreas,
    keyApplications,
  };
  if (mode === "SYNC" && sdoIds.length) snapshot.inUse = await loadInUse(tx, sdoIds);
  return snapshot;
}

/**
 * md5 over the current rows a plan for this scope reads: the file's SDOs; the committees
 * it names (with prefixes and parents), those of its SDOs, those its SDOs' standards use,
 * and all their ancestors; its SDOs' standards with their links; core areas, key
 * applications; in sync mode, what uses its SDOs' records. Whole rows (updatedAt too):
 * any write to them since the preview counts as a change. The many rows (standards and
 * their links) count by key and xmin, the transaction that wrote their current version:
 * any later write (update, delete and re-insert) gives a new one. Reading them as text
 * took most of a re-import's preview.
 */
export async function stateDigest(tx: Tx, scope: Omit<PlanScope, "committees"> & { committees: string | string[] }): Promise<string> {
  const committees = Array.isArray(scope.committees) ? scope.committees.join("\n") : scope.committees;
  const rows = await tx.$queryRawUnsafe<{ digest: string }[]>(
    `WITH RECURSIVE sdo AS (SELECT * FROM "Sdo" WHERE acronym = ANY($1::text[])),
     std AS (SELECT id, xmin, "committeeId" FROM "Standard" WHERE "sdoId" IN (SELECT id FROM sdo)),
     com AS (
       SELECT c.id, c."parentId" FROM "Committee" c
       WHERE c.designation = ANY(string_to_array($2::text, E'\n')) OR c."sdoId" IN (SELECT id FROM sdo) OR c.id IN (SELECT "committeeId" FROM std)
       UNION SELECT p.id, p."parentId" FROM "Committee" p JOIN com ON p.id = com."parentId"
     )
     SELECT md5(concat_ws('#',
       (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM sdo t),
       (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Committee" t WHERE t.id IN (SELECT id FROM com)),
       (SELECT string_agg(t.id || ':' || t.xmin, '|' ORDER BY t.id) FROM std t),
       (SELECT string_agg(t."standardId" || ':' || t."coreAreaId" || ':' || t.xmin, '|' ORDER BY t."standardId", t."coreAreaId")
          FROM "StandardCoreArea" t WHERE t."standardId" IN (SELECT id FROM std)),
       (SELECT string_agg(t."standardId" || ':' || t."keyApplicationId" || ':' || t.xmin, '|' ORDER BY t."standardId", t."keyApplicationId")
          FROM "StandardKeyApplication" t WHERE t."standardId" IN (SELECT id FROM std)),
       (SELECT string_agg(t.id || '=' || t.name, '|' ORDER BY t.id) FROM "CoreArea" t),
       (SELECT string_agg(t.id || '=' || t.name, '|' ORDER BY t.id) FROM "KeyApplication" t),
       CASE WHEN $3 THEN (SELECT string_agg(concat_ws(',', u.kind, u.id, u.n, u.what), '|' ORDER BY u.kind, u.id, u.what)
                          FROM (${IN_USE_SQL("ARRAY(SELECT id FROM sdo)")}) u) END
     )) AS digest`,
    scope.acronyms,
    committees,
    scope.mode === "SYNC",
  );
  return rows[0]!.digest;
}

/** Records of the SDOs (a text[] expression) that engagements, activities or other SDOs' records point at: kind S|C, id, n, what. */
const IN_USE_SQL = (sdoIds: string) =>
  `SELECT 'S' AS kind, e."standardId" AS id, count(*) AS n, 'engagement' AS what FROM "Engagement" e
     JOIN "Standard" s ON s.id = e."standardId" WHERE s."sdoId" = ANY(${sdoIds}) GROUP BY e."standardId"
   UNION ALL
   SELECT 'S', a."standardId", count(*), 'activity' FROM "Activity" a
     JOIN "Standard" s ON s.id = a."standardId" WHERE s."sdoId" = ANY(${sdoIds}) GROUP BY a."standardId"
   UNION ALL
   SELECT 'C', e."committeeId", count(*), 'engagement' FROM "Engagement" e
     JOIN "Committee" c ON c.id = e."committeeId" WHERE c."sdoId" = ANY(${sdoIds}) GROUP BY e."committeeId"
   UNION ALL
   SELECT 'C', a."committeeId", count(*), 'activity' FROM "Activity" a
     JOIN "Committee" c ON c.id = a."committeeId" WHERE c."sdoId" = ANY(${sdoIds}) GROUP BY a."committeeId"
   UNION ALL
   SELECT 'C', s."committeeId", count(*), 'standard of another SDO' FROM "Standard" s
     JOIN "Committee" c ON c.id = s."committeeId" WHERE c."sdoId" = ANY(${sdoIds}) AND NOT (s."sdoId" = ANY(${sdoIds})) GROUP BY s."committeeId"
   UNION ALL
   SELECT 'C', k."parentId", count(*), 'committee of another SDO' FROM "Committee" k
     JOIN "Committee" c ON c.id = k."parentId" WHERE c."sdoId" = ANY(${sdoIds}) AND NOT (k."sdoId" = ANY(${sdoIds})) GROUP BY k."parentId"`;

/** Records of the given SDOs that engagements, activities or other SDOs' records point at. */
async function loadInUse(tx: Tx, sdoIds: string[]) {
  const standards = new Map<string, string>();
  const committees = new Map<string, string>();
  const rows = await tx.$queryRawUnsafe<{ kind: string; id: string; n: bigint | number; what: string }[]>(
    IN_USE_SQL("$1::text[]"),
    sdoIds,
  );
  for (const r of rows) {
    const n = Number(r.n);
    const noun = n === 1 ? r.what : r.what === "activity" ? "activities" : r.what.replace(/^(\w+)/, "$1s");
    const why = `used by ${n} ${noun}`;
    const target = r.kind === "S" ? standards : committees;
    target.set(r.id, target.has(r.id) ? `${target.get(r.id)}; ${why}` : why);
  }
  return { standards, committees };
}
