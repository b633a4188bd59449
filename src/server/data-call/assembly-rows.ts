// Reads what the data-call assembly needs for one agency and fiscal year: its engagements
// active in the year, its activities started in the year, the reference rows they name,
// and the coverage engine's indicators computed for that agency (GapReport). Not
// "server-only": the benchmark calls it directly.
import { Prisma } from "@/generated/prisma/client";
import type { AssemblyInput, DataCallIndicatorRow, EngagementCounts, EngagementGroups, GroupedInput } from "@/domain/data-call/assembly";
import { LEADERSHIP_ROLES } from "@/domain/participation/inputs";
import type { GapReport } from "@/domain/coverage-report";
import { fiscalYearEnd, fiscalYearStart } from "@/domain/fiscal-year";

type Client = Pick<Prisma.TransactionClient, "$queryRaw">;

/** Leadership roles, inlined as SQL literals (constants of our own code). */
const LEADERSHIP_SQL = Prisma.raw(LEADERSHIP_ROLES.map((r) => `'${r}'`).join(", "));

type EngagementRow = AssemblyInput["engagements"][number];
type ActivityRow = AssemblyInput["activities"][number];
type CommitteeRow = AssemblyInput["reference"]["committees"][number];
type StandardRow = AssemblyInput["reference"]["standards"][number];

/**
 * Everything but the indicators; null when the agency does not exist. Plain SQL (dates as
 * text, link ids aggregated in the database): at the benchmark size one agency has ~28,000
 * engagements in a year, naming ~4,600 standards.
 */
export async function readAssemblyRows(client: Client, agencyId: string, fiscalYear: number): Promise<Omit<AssemblyInput, "indicators"> | null> {
  const start = fiscalYearStart(fiscalYear);
  const end = fiscalYearEnd(fiscalYear);
  const engagementWhere = Prisma.sql`e."agencyId" = ${agencyId} AND e."startDate" <= ${end}::date AND (e."endDate" IS NULL OR e."endDate" >= ${start}::date)`;
  const activityWhere = Prisma.sql`a."agencyId" = ${agencyId} AND a."startDate" >= ${start}::date AND a."startDate" <= ${end}::date`;
  const [agency] = await client.$queryRaw<{ id: string; acronym: string; name: string }[]>`SELECT id, acronym, name FROM "Agency" WHERE id = ${agencyId}`;
  if (!agency) return null;
  // The four reads that scan the agency's rows, sent together (on PostgreSQL, up to four
  // pooled connections for a moment; PGlite runs them one after another).
  const [engagements, activities, standards, committees] = await Promise.all([
    client.$queryRaw<EngagementRow[]>`
    SELECT e.id, e."participantId", e."committeeId", e."standardId", e.role::text AS role, e.depth::text AS depth,
           to_char(e."startDate", 'YYYY-MM-DD') AS "startDate", to_char(e."endDate", 'YYYY-MM-DD') AS "endDate"
    FROM "Engagement" e WHERE ${engagementWhere}`,
    client.$queryRaw<ActivityRow[]>`
    SELECT a.id, a.kind::text AS kind, a.title, to_char(a."startDate", 'YYYY-MM-DD') AS "startDate", a."standardId",
           a."standardUse"::text AS "standardUse", a."governmentUniqueReason"
    FROM "Activity" a WHERE ${activityWhere}`,
    client.$queryRaw<StandardRow[]>`
    WITH refs AS (
      SELECT e."standardId" AS id FROM "Engagement" e WHERE ${engagementWhere} AND e."standardId" IS NOT NULL
      UNION SELECT a."standardId" FROM "Activity" a WHERE ${activityWhere} AND a."standardId" IS NOT NULL
    )
    SELECT s.id, s.designation, s."sdoId", s."committeeId",
           COALESCE((SELECT array_agg(x."coreAreaId" ORDER BY x."coreAreaId") FROM "StandardCoreArea" x WHERE x."standardId" = s.id), '{}') AS "coreAreaIds",
           COALESCE((SELECT array_agg(x."keyApplicationId" ORDER BY x."keyApplicationId") FROM "StandardKeyApplication" x WHERE x."standardId" = s.id), '{}') AS "keyApplicationIds"
    FROM "Standard" s JOIN refs ON refs.id = s.id`,
    client.$queryRaw<CommitteeRow[]>`
    WITH refs AS (
      SELECT e."committeeId" AS id FROM "Engagement" e WHERE ${engagementWhere} AND e."committeeId" IS NOT NULL
      UNION SELECT s."committeeId" FROM "Engagement" e JOIN "Standard" s ON s.id = e."standardId" WHERE ${engagementWhere} AND s."committeeId" IS NOT NULL
    )
    SELECT c.id, c.designation, c."sdoId",
           COALESCE((SELECT array_agg(x."coreAreaId" ORDER BY x."coreAreaId") FROM "CoreAreaCommittee" x WHERE x."committeeId" = c.id), '{}') AS "coreAreaIds",
           COALESCE((SELECT array_agg(x."keyApplicationId" ORDER BY x."keyApplicationId") FROM "KeyApplicationCommittee" x WHERE x."committeeId" = c.id), '{}') AS "keyApplicationIds"
    FROM "Committee" c JOIN refs ON refs.id = c.id`,
  ]);
  const sdos = await client.$queryRaw<{ id: string; acronym: string }[]>`SELECT id, acronym FROM "Sdo"`;
  const coreAreas = await client.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM "CoreArea"`;
  const keyApplications = await client.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM "KeyApplication"`;
  return { fiscalYear, agency, engagements, activities, reference: { sdos, coreAreas, keyApplications, committees, standards } };
}

/**
 * The agency's engagements active in the fiscal year, each placed where the report counts it
 * (as `groupEngagements` does): its committee or its standard's, the SDO above that, and (in
 * `areas` / `apps`, one row per engagement and area) the core areas and key applications of
 * its own committee and of its standard. A WITH clause, continued by the caller's statement.
 */
function placedEngagements(agencyId: string, start: string, end: string): Prisma.Sql {
  return Prisma.sql`WITH act AS MATERIALIZED (
  SELECT e.id COLLATE "C" AS id, e."participantId" AS participant, e.role::text AS role, e.depth::text AS depth,
         e."startDate" >= ${start}::date AS started, (e."endDate" IS NOT NULL AND e."endDate" <= ${end}::date) AS ended,
         e."committeeId" AS own, e."standardId" AS standard,
         COALESCE(e."committeeId", s."committeeId") AS committee, COALESCE(c."sdoId", s."sdoId") AS sdo
  FROM "Engagement" e
  LEFT JOIN "Standard" s ON s.id = e."standardId"
  LEFT JOIN "Committee" c ON c.id = COALESCE(e."committeeId", s."committeeId")
  WHERE e."agencyId" = ${agencyId} AND e."startDate" <= ${end}::date AND (e."endDate" IS NULL OR e."endDate" >= ${start}::date)
),
areas AS (
  SELECT a.id, x."coreAreaId" AS area FROM act a JOIN "CoreAreaCommittee" x ON x."committeeId" = a.own
  UNION SELECT a.id, x."coreAreaId" FROM act a JOIN "StandardCoreArea" x ON x."standardId" = a.standard
),
apps AS (
  SELECT a.id, x."keyApplicationId" AS app FROM act a JOIN "KeyApplicationCommittee" x ON x."committeeId" = a.own
  UNION SELECT a.id, x."keyApplicationId" FROM act a JOIN "StandardKeyApplication" x ON x."standardId" = a.standard
)`;
}

type LabelRow = { kind: string; id: string; label: string };

/** Every label the report may name (SDOs, core areas, key applications: small tables). */
const LABELS = Prisma.sql`SELECT 'sdo' AS kind, id, acronym AS label FROM "Sdo"
    UNION ALL SELECT 'coreArea', id, name FROM "CoreArea"
    UNION ALL SELECT 'keyApplication', id, name FROM "KeyApplication"`;

/** The agency's activities started in the year (a few hundred at most) and every label the report may name. */
async function readActivitiesAndLabels(client: Client, agencyId: string, start: string, end: string, labelRows?: LabelRow[]): Promise<Pick<GroupedInput, "activities" | "reference">> {
  const activities = await client.$queryRaw<(ActivityRow & { standard: string | null })[]>`
    SELECT a.id, a.kind::text AS kind, a.title, to_char(a."startDate", 'YYYY-MM-DD') AS "startDate", a."standardId",
           a."standardUse"::text AS "standardUse", a."governmentUniqueReason", s.designation AS standard
    FROM "Activity" a LEFT JOIN "Standard" s ON s.id = a."standardId"
    WHERE a."agencyId" = ${agencyId} AND a."startDate" >= ${start}::date AND a."startDate" <= ${end}::date`;
  const labels = labelRows ?? (await client.$queryRaw<LabelRow[]>`${LABELS}`);
  const pick = (kind: string) => labels.filter((l) => l.kind === kind);
  return {
    activities: activities.map((a) => ({
      id: a.id, kind: a.kind, title: a.title, startDate: a.startDate, standardId: a.standardId, standardUse: a.standardUse, governmentUniqueReason: a.governmentUniqueReason,
    })),
    reference: {
      sdos: pick("sdo").map((l) => ({ id: l.id, acronym: l.label })),
      coreAreas: pick("coreArea").map((l) => ({ id: l.id, name: l.label })),
      keyApplications: pick("keyApplication").map((l) => ({ id: l.id, name: l.label })),
      standards: activities.flatMap((a) => (a.standardId && a.standard !== null ? [{ id: a.standardId, designation: a.standard }] : [])),
    },
  };
}

type CountRow = { dim: string; key: string | null; n: number; label: string | null };

/**
 * What the draft page shows: the same figures as `readGroupedAssembly`, counted by the
 * database (one aggregate statement, a few dozen rows back, with the labels and the agency)
 * instead of listing the ids; then the activities. Two round trips. Null when the agency
 * does not exist.
 */
export async function readCountedAssembly(client: Client, agencyId: string, fiscalYear: number): Promise<Omit<GroupedInput<number>, "indicators"> | null> {
  const start = fiscalYearStart(fiscalYear);
  const end = fiscalYearEnd(fiscalYear);
  // Placed once per (committee, standard) pair rather than per engagement: ~28,000 engagements
  // of the largest agency share ~4,600 pairs. A pair's core areas (its committee's and its
  // standard's, deduplicated) count each of its engagements once, as groupEngagements does.
  const rows = await client.$queryRaw<CountRow[]>`
WITH act AS MATERIALIZED (
  SELECT e.id COLLATE "C" AS id, e."participantId" AS participant, e.role::text AS role, e.depth::text AS depth,
         e."startDate" >= ${start}::date AS started, (e."endDate" IS NOT NULL AND e."endDate" <= ${end}::date) AS ended,
         e."committeeId" AS own, e."standardId" AS standard
  FROM "Engagement" e
  WHERE e."agencyId" = ${agencyId} AND e."startDate" <= ${end}::date AND (e."endDate" IS NULL OR e."endDate" >= ${start}::date)
),
places AS MATERIALIZED (
  SELECT p.own, p.standard, p.n, p.first, COALESCE(p.own, s."committeeId") AS committee, COALESCE(c."sdoId", s."sdoId") AS sdo
  FROM (SELECT own, standard, count(*)::int AS n, min(id) AS first FROM act GROUP BY own, standard) p
  LEFT JOIN "Standard" s ON s.id = p.standard
  LEFT JOIN "Committee" c ON c.id = COALESCE(p.own, s."committeeId")
),
areas AS (
  SELECT p.own, p.standard, p.n, p.first, x."coreAreaId" AS area FROM places p JOIN "CoreAreaCommittee" x ON x."committeeId" = p.own
  UNION SELECT p.own, p.standard, p.n, p.first, x."coreAreaId" FROM places p JOIN "StandardCoreArea" x ON x."standardId" = p.standard
),
apps AS (
  SELECT p.own, p.standard, p.n, p.first, x."keyApplicationId" AS app FROM places p JOIN "KeyApplicationCommittee" x ON x."committeeId" = p.own
  UNION SELECT p.own, p.standard, p.n, p.first, x."keyApplicationId" FROM places p JOIN "StandardKeyApplication" x ON x."standardId" = p.standard
),
counted AS (
  SELECT 'active' AS dim, NULL::text AS key, count(*)::int AS n, NULL::text AS first FROM act
  UNION ALL SELECT 'leadership', NULL, count(*)::int, NULL FROM act WHERE role IN (${LEADERSHIP_SQL})
  UNION ALL SELECT 'started', NULL, count(*)::int, NULL FROM act WHERE started
  UNION ALL SELECT 'ended', NULL, count(*)::int, NULL FROM act WHERE ended
  -- Distinct counts by hashing groups (count(DISTINCT) sorts by the database's collation: slower).
  UNION ALL SELECT 'representatives', NULL, count(*)::int, NULL FROM (SELECT participant FROM act GROUP BY participant) x
  UNION ALL SELECT 'withSdo', NULL, COALESCE(sum(n), 0)::int, NULL FROM places WHERE sdo IS NOT NULL
  UNION ALL SELECT 'withCommittee', NULL, COALESCE(sum(n), 0)::int, NULL FROM places WHERE committee IS NOT NULL
  UNION ALL SELECT 'committees', NULL, count(*)::int, NULL FROM (SELECT committee FROM places WHERE committee IS NOT NULL GROUP BY committee) x
  UNION ALL SELECT 'depth', depth, count(*)::int, NULL FROM act GROUP BY depth
  UNION ALL SELECT 'role', role, count(*)::int, NULL FROM act WHERE role IN (${LEADERSHIP_SQL}) GROUP BY role
  UNION ALL SELECT 'sdo', sdo, sum(n)::int, min(first) FROM places WHERE sdo IS NOT NULL GROUP BY sdo
  UNION ALL SELECT 'coreArea', area, sum(n)::int, min(first) FROM areas GROUP BY area
  UNION ALL SELECT 'keyApplication', app, sum(n)::int, min(first) FROM apps GROUP BY app
)
SELECT dim, key, n, first, NULL AS label FROM counted
UNION ALL SELECT 'label', kind, 0, NULL, json_build_array(id, label)::text FROM (${LABELS}) l
UNION ALL SELECT 'agency', id, 0, NULL, json_build_array(acronym, name)::text FROM "Agency" WHERE id = ${agencyId}
ORDER BY dim, first, key`;
  const agencyRow = rows.find((r) => r.dim === "agency");
  if (!agencyRow) return null;
  const [acronym, name] = JSON.parse(agencyRow.label!) as [string, string];
  const agency = { id: agencyId, acronym, name };
  const labels = rows.filter((r) => r.dim === "label").map((r) => {
    const [id, label] = JSON.parse(r.label!) as [string, string];
    return { kind: r.key!, id, label };
  });
  const { activities, reference } = await readActivitiesAndLabels(client, agencyId, start, end, labels);
  const maps = { depth: new Map<string, number>(), role: new Map<string, number>(), sdo: new Map<string, number>(), coreArea: new Map<string, number>(), keyApplication: new Map<string, number>() };
  const single = new Map<string, number>();
  for (const row of rows) {
    const map = maps[row.dim as keyof typeof maps];
    if (map) map.set(row.key!, row.n);
    else single.set(row.dim, row.n);
  }
  const n = (dim: string) => single.get(dim) ?? 0;
  const engagements: EngagementCounts = {
    active: n("active"),
    representatives: n("representatives"),
    withSdo: n("withSdo"),
    // One "sdo" row per distinct SDO.
    sdoCount: maps.sdo.size,
    withCommittee: n("withCommittee"),
    committeeCount: n("committees"),
    leadership: n("leadership"),
    started: n("started"),
    ended: n("ended"),
    byDepth: maps.depth,
    byRole: maps.role,
    bySdo: maps.sdo,
    byCoreArea: maps.coreArea,
    byKeyApplication: maps.keyApplication,
  };
  return { fiscalYear, agency, engagements, activities, reference };
}

type GroupRow = { dim: string; key: string | null; n: number; ids: string[] };

/**
 * Everything but the indicators, grouped by the database: one statement places and groups
 * the agency's engagements active in the year (ids aggregated per group, sorted by
 * `COLLATE "C"`, which is the code-unit order `groupEngagements` sorts by), one reads its
 * activities started in the year, one the labels. Same figures as `readAssemblyRows` +
 * `groupEngagements`, without shipping every engagement row to JavaScript. Null when the
 * agency does not exist. Run it in one snapshot (a REPEATABLE READ transaction) for
 * consistent figures.
 */
export async function readGroupedAssembly(client: Client, agencyId: string, fiscalYear: number): Promise<Omit<GroupedInput, "indicators"> | null> {
  const start = fiscalYearStart(fiscalYear);
  const end = fiscalYearEnd(fiscalYear);
  const [agency] = await client.$queryRaw<{ id: string; acronym: string; name: string }[]>`SELECT id, acronym, name FROM "Agency" WHERE id = ${agencyId}`;
  if (!agency) return null;
  const groups = await client.$queryRaw<GroupRow[]>`
${placedEngagements(agencyId, start, end)},
grouped AS (
  SELECT 'active' AS dim, NULL::text AS key, count(DISTINCT participant)::int AS n, array_agg(id ORDER BY id) AS ids, NULL AS first FROM act
  UNION ALL SELECT 'withSdo', NULL, count(DISTINCT sdo)::int, array_agg(id ORDER BY id), NULL FROM act WHERE sdo IS NOT NULL
  UNION ALL SELECT 'withCommittee', NULL, count(DISTINCT committee)::int, array_agg(id ORDER BY id), NULL FROM act WHERE committee IS NOT NULL
  UNION ALL SELECT 'leadership', NULL, 0, array_agg(id ORDER BY id), NULL FROM act WHERE role IN (${LEADERSHIP_SQL})
  UNION ALL SELECT 'started', NULL, 0, array_agg(id ORDER BY id), NULL FROM act WHERE started
  UNION ALL SELECT 'ended', NULL, 0, array_agg(id ORDER BY id), NULL FROM act WHERE ended
  UNION ALL SELECT 'depth', depth, 0, array_agg(id ORDER BY id), NULL FROM act GROUP BY depth
  UNION ALL SELECT 'role', role, 0, array_agg(id ORDER BY id), NULL FROM act WHERE role IN (${LEADERSHIP_SQL}) GROUP BY role
  UNION ALL SELECT 'sdo', sdo, 0, array_agg(id ORDER BY id), min(id) FROM act WHERE sdo IS NOT NULL GROUP BY sdo
  UNION ALL SELECT 'coreArea', area, 0, array_agg(id ORDER BY id), min(id) FROM areas GROUP BY area
  UNION ALL SELECT 'keyApplication', app, 0, array_agg(id ORDER BY id), min(id) FROM apps GROUP BY app
)
SELECT dim, key, n, ids FROM grouped ORDER BY dim, first, key`;
  const { activities, reference } = await readActivitiesAndLabels(client, agencyId, start, end);
  const maps = { depth: new Map<string, string[]>(), role: new Map<string, string[]>(), sdo: new Map<string, string[]>(), coreArea: new Map<string, string[]>(), keyApplication: new Map<string, string[]>() };
  const single = new Map<string, GroupRow>();
  for (const row of groups) {
    const map = maps[row.dim as keyof typeof maps];
    if (map) map.set(row.key!, row.ids);
    else single.set(row.dim, row);
  }
  // array_agg over no rows is NULL.
  const list = (dim: string) => single.get(dim)?.ids ?? [];
  const engagements: EngagementGroups = {
    active: list("active"),
    representatives: single.get("active")?.n ?? 0,
    withSdo: list("withSdo"),
    sdoCount: single.get("withSdo")?.n ?? 0,
    withCommittee: list("withCommittee"),
    committeeCount: single.get("withCommittee")?.n ?? 0,
    leadership: list("leadership"),
    started: list("started"),
    ended: list("ended"),
    byDepth: maps.depth,
    byRole: maps.role,
    bySdo: maps.sdo,
    byCoreArea: maps.coreArea,
    byKeyApplication: maps.keyApplication,
  };
  return { fiscalYear, agency, engagements, activities, reference };
}

/** The coverage engine's indicators of a report filtered to the agency and fiscal year. */
export function indicatorRows(report: Pick<GapReport, "indicators" | "recommendations">): DataCallIndicatorRow[] {
  const recommendations = new Map(report.recommendations.map((r) => [r.id, r]));
  return report.indicators.map((i) => ({
    code: i.code,
    recommendationNumber: recommendations.get(i.recommendationId)?.number ?? 0,
    recommendationTitle: recommendations.get(i.recommendationId)?.title ?? "",
    name: i.name,
    unit: i.unit,
    format: i.format,
    value: i.value,
    target: i.target,
    status: i.status,
    drill: i.drill,
  }));
}
