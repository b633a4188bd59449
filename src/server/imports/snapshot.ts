// Loads what the planner compares the file with: all SDOs and committees, the standards
// of the SDOs the file names (with their links), core areas, key applications and, for
// sync mode, which records are used by something the import does not manage.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ParsedInventory } from "@/domain/inventory/model";
import type { ImportModeValue, Snapshot } from "@/domain/inventory/plan";
import { readCommittees, readSdos, readStandards } from "./bulk-sql";

type Tx = Prisma.TransactionClient;

export async function loadSnapshot(tx: Tx, parsed: ParsedInventory, mode: ImportModeValue): Promise<Snapshot> {
  const [sdos, committees, coreAreas, keyApplications] = await Promise.all([
    readSdos(tx),
    readCommittees(tx),
    tx.coreArea.findMany({ select: { id: true, name: true } }),
    tx.keyApplication.findMany({ select: { id: true, name: true } }),
  ]);
  const acronyms = new Set(parsed.items.map((i) => i.sdo.acronym));
  const sdoIds = sdos.filter((s) => acronyms.has(s.acronym)).map((s) => s.id);
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

/** Records of the given SDOs that engagements, activities or other SDOs' records point at. */
async function loadInUse(tx: Tx, sdoIds: string[]) {
  const standards = new Map<string, string>();
  const committees = new Map<string, string>();
  const rows = await tx.$queryRawUnsafe<{ kind: string; id: string; n: bigint | number; what: string }[]>(
    `SELECT 'S' AS kind, e."standardId" AS id, count(*) AS n, 'engagement' AS what FROM "Engagement" e
       JOIN "Standard" s ON s.id = e."standardId" WHERE s."sdoId" = ANY($1::text[]) GROUP BY e."standardId"
     UNION ALL
     SELECT 'S', a."standardId", count(*), 'activity' FROM "Activity" a
       JOIN "Standard" s ON s.id = a."standardId" WHERE s."sdoId" = ANY($1::text[]) GROUP BY a."standardId"
     UNION ALL
     SELECT 'C', e."committeeId", count(*), 'engagement' FROM "Engagement" e
       JOIN "Committee" c ON c.id = e."committeeId" WHERE c."sdoId" = ANY($1::text[]) GROUP BY e."committeeId"
     UNION ALL
     SELECT 'C', a."committeeId", count(*), 'activity' FROM "Activity" a
       JOIN "Committee" c ON c.id = a."committeeId" WHERE c."sdoId" = ANY($1::text[]) GROUP BY a."committeeId"
     UNION ALL
     SELECT 'C', s."committeeId", count(*), 'standard of another SDO' FROM "Standard" s
       JOIN "Committee" c ON c.id = s."committeeId" WHERE c."sdoId" = ANY($1::text[]) AND NOT (s."sdoId" = ANY($1::text[])) GROUP BY s."committeeId"
     UNION ALL
     SELECT 'C', k."parentId", count(*), 'committee of another SDO' FROM "Committee" k
       JOIN "Committee" c ON c.id = k."parentId" WHERE c."sdoId" = ANY($1::text[]) AND NOT (k."sdoId" = ANY($1::text[])) GROUP BY k."parentId"`,
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
