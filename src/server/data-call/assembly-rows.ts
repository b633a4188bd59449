// Reads what the data-call assembly needs for one agency and fiscal year: its engagements
// active in the year, its activities started in the year, the reference rows they name,
// and the coverage engine's indicators computed for that agency (GapReport). Not
// "server-only": the benchmark calls it directly.
import { Prisma } from "@/generated/prisma/client";
import type { AssemblyInput, DataCallIndicatorRow } from "@/domain/data-call/assembly";
import type { GapReport } from "@/domain/coverage-report";
import { fiscalYearEnd, fiscalYearStart } from "@/domain/fiscal-year";

type Client = Pick<Prisma.TransactionClient, "$queryRaw">;

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
