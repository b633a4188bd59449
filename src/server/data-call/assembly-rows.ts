// Reads what the data-call assembly needs for one agency and fiscal year: its engagements
// active in the year, its activities started in the year, the reference rows they name,
// and the coverage engine's indicators computed for that agency (GapReport). Not
// "server-only": the benchmark calls it directly.
import type { Prisma } from "@/generated/prisma/client";
import type { AssemblyInput, DataCallIndicatorRow } from "@/domain/data-call/assembly";
import type { GapReport } from "@/domain/coverage-report";
import { fiscalYearEnd, fiscalYearStart } from "@/domain/fiscal-year";

type Client = Pick<Prisma.TransactionClient, "engagement" | "activity" | "agency" | "sdo" | "committee" | "standard" | "coreArea" | "keyApplication">;

const day = (d: Date) => d.toISOString().slice(0, 10);
const dateOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** Everything but the indicators; null when the agency does not exist. */
export async function readAssemblyRows(client: Client, agencyId: string, fiscalYear: number): Promise<Omit<AssemblyInput, "indicators"> | null> {
  const start = dateOf(fiscalYearStart(fiscalYear));
  const end = dateOf(fiscalYearEnd(fiscalYear));
  const [agency, engagements, activities, sdos, coreAreas, keyApplications] = await Promise.all([
    client.agency.findUnique({ where: { id: agencyId }, select: { id: true, acronym: true, name: true } }),
    client.engagement.findMany({
      where: { agencyId, startDate: { lte: end }, OR: [{ endDate: null }, { endDate: { gte: start } }] },
      select: { id: true, participantId: true, committeeId: true, standardId: true, role: true, depth: true, startDate: true, endDate: true },
    }),
    client.activity.findMany({
      where: { agencyId, startDate: { gte: start, lte: end } },
      select: { id: true, kind: true, title: true, startDate: true, standardId: true, standardUse: true, governmentUniqueReason: true },
    }),
    client.sdo.findMany({ select: { id: true, acronym: true } }),
    client.coreArea.findMany({ select: { id: true, name: true } }),
    client.keyApplication.findMany({ select: { id: true, name: true } }),
  ]);
  if (!agency) return null;
  const standardIds = [...new Set([...engagements, ...activities].flatMap((r) => (r.standardId ? [r.standardId] : [])))];
  const standards = standardIds.length
    ? await client.standard.findMany({
        where: { id: { in: standardIds } },
        select: { id: true, designation: true, sdoId: true, committeeId: true, coreAreas: { select: { coreAreaId: true } }, keyApplications: { select: { keyApplicationId: true } } },
      })
    : [];
  const committeeIds = [...new Set([...engagements.map((e) => e.committeeId), ...standards.map((s) => s.committeeId)].filter((id): id is string => id !== null))];
  const committees = committeeIds.length
    ? await client.committee.findMany({
        where: { id: { in: committeeIds } },
        select: { id: true, designation: true, sdoId: true, coreAreas: { select: { coreAreaId: true } }, keyApplications: { select: { keyApplicationId: true } } },
      })
    : [];
  return {
    fiscalYear,
    agency,
    engagements: engagements.map((e) => ({ ...e, startDate: day(e.startDate), endDate: e.endDate ? day(e.endDate) : null })),
    activities: activities.map((a) => ({ ...a, startDate: day(a.startDate) })),
    reference: {
      sdos,
      coreAreas,
      keyApplications,
      committees: committees.map((c) => ({
        id: c.id, designation: c.designation, sdoId: c.sdoId,
        coreAreaIds: c.coreAreas.map((x) => x.coreAreaId), keyApplicationIds: c.keyApplications.map((x) => x.keyApplicationId),
      })),
      standards: standards.map((s) => ({
        id: s.id, designation: s.designation, sdoId: s.sdoId, committeeId: s.committeeId,
        coreAreaIds: s.coreAreas.map((x) => x.coreAreaId), keyApplicationIds: s.keyApplications.map((x) => x.keyApplicationId),
      })),
    },
  };
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
