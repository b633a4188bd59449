// The read API's data functions: the list pages' own `where` builders (same filters, same
// scope), keyset-paged by id. Rows are plain JSON values shaped as in v1-schemas.ts.
import "server-only";
import type { z } from "zod";
import { parseActivityFilters, parseEngagementFilters, parseParticipantFilters } from "@/domain/participation/list-filters";
import type { Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { activityRecord, activitySnapshot, activityWhere } from "@/server/participation/activities";
import { engagementRecord, engagementSnapshot, engagementWhere } from "@/server/participation/engagements";
import { participantWhere } from "@/server/participation/participants";
import { fromDate } from "@/server/participation/scope";
import { periodLabel } from "@/domain/fiscal-year";
import { auditRow, auditWhere } from "@/server/audit/audit-log";
import { loadGapReport } from "@/server/coverage/dashboard";
import type {
  activityItem, agencyItem, auditItem, committeeItem, coreAreaItem, coverageQuery, coverageReport, engagementItem, keyApplicationItem,
  objectiveItem, participantItem, recommendationItem, sdoItem, standardItem,
} from "./v1-schemas";
import type { RawQuery } from "./v1-route";

const afterId = (after: string | undefined) => (after !== undefined ? { id: { gt: after } } : {});

export async function apiEngagements(scope: Scope, raw: RawQuery, after: string | undefined, take: number): Promise<z.infer<typeof engagementItem>[]> {
  const filters = parseEngagementFilters(raw);
  const rows = await db.engagement.findMany({
    where: { AND: [engagementWhere(scope, filters), afterId(after)] },
    orderBy: { id: "asc" },
    take,
    select: engagementRecord,
  });
  // The JSON export's shape of a row (engagementSnapshot), plus the ids and time the API adds.
  return rows.map((e) => ({
    ...engagementSnapshot(e),
    startDate: fromDate(e.startDate)!,
    agencyId: e.agencyId,
    sdoId: e.committee?.sdoId ?? e.standard?.sdoId ?? null,
    sdo: e.committee?.sdo.acronym ?? e.standard?.sdo.acronym ?? null,
    updatedAt: e.updatedAt.toISOString(),
  }));
}

export async function apiActivities(scope: Scope, raw: RawQuery, after: string | undefined, take: number): Promise<z.infer<typeof activityItem>[]> {
  const rows = await db.activity.findMany({
    where: { AND: [activityWhere(scope, parseActivityFilters(raw)), afterId(after)] },
    orderBy: { id: "asc" },
    take,
    select: activityRecord,
  });
  // The JSON export's shape of a row (activitySnapshot), plus the ids and time the API adds.
  return rows.map((a) => ({
    ...activitySnapshot(a),
    startDate: fromDate(a.startDate)!,
    agencyId: a.agencyId,
    updatedAt: a.updatedAt.toISOString(),
  }));
}

export async function apiParticipants(scope: Scope, raw: RawQuery, after: string | undefined, take: number): Promise<z.infer<typeof participantItem>[]> {
  const rows = await db.participant.findMany({
    where: { AND: [participantWhere(scope, parseParticipantFilters(raw)), afterId(after)] },
    orderBy: { id: "asc" },
    take,
    select: { id: true, agencyId: true, name: true, email: true, active: true, version: true, updatedAt: true, agency: { select: { acronym: true } } },
  });
  return rows.map(({ agency, updatedAt, ...p }) => ({ ...p, agency: agency.acronym, updatedAt: updatedAt.toISOString() }));
}

export async function apiSdos(after: string | undefined, take: number): Promise<z.infer<typeof sdoItem>[]> {
  const rows = await db.sdo.findMany({
    where: afterId(after),
    orderBy: { id: "asc" },
    take,
    select: { id: true, acronym: true, name: true, type: true, provenance: true, sourceRefs: true, updatedAt: true },
  });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export async function apiCommittees(sdoId: string | undefined, after: string | undefined, take: number): Promise<z.infer<typeof committeeItem>[]> {
  const rows = await db.committee.findMany({
    where: { ...(sdoId ? { sdoId } : {}), ...afterId(after) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, sdoId: true, parentId: true, designation: true, title: true, usMirrorOrTag: true, note: true,
      provenance: true, sourceRefs: true, updatedAt: true,
    },
  });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export async function apiStandards(
  f: { sdo?: string; committee?: string },
  after: string | undefined,
  take: number,
): Promise<z.infer<typeof standardItem>[]> {
  const rows = await db.standard.findMany({
    where: { ...(f.sdo ? { sdoId: f.sdo } : {}), ...(f.committee ? { committeeId: f.committee } : {}), ...afterId(after) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, sdoId: true, committeeId: true, designation: true, title: true, stage: true, year: true, note: true,
      provenance: true, sourceRefs: true, updatedAt: true,
    },
  });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export async function apiObjectives(after: string | undefined, take: number): Promise<z.infer<typeof objectiveItem>[]> {
  const rows = await db.objective.findMany({
    where: afterId(after),
    orderBy: { id: "asc" },
    take,
    select: { id: true, number: true, title: true, gist: true, provenance: true, sourceRefs: true, recommendations: { select: { recommendationId: true }, orderBy: { recommendationId: "asc" } } },
  });
  return rows.map(({ recommendations, ...r }) => ({ ...r, recommendationIds: recommendations.map((x) => x.recommendationId) }));
}

export async function apiRecommendations(objectiveId: string | undefined, after: string | undefined, take: number): Promise<z.infer<typeof recommendationItem>[]> {
  const rows = await db.recommendation.findMany({
    where: { ...(objectiveId ? { objectives: { some: { objectiveId } } } : {}), ...afterId(after) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, number: true, title: true, gist: true, indicators: true, provenance: true, sourceRefs: true,
      objectives: { select: { objectiveId: true }, orderBy: { objectiveId: "asc" } },
    },
  });
  return rows.map(({ objectives, ...r }) => ({ ...r, objectiveIds: objectives.map((x) => x.objectiveId) }));
}

export async function apiCoreAreas(after: string | undefined, take: number): Promise<z.infer<typeof coreAreaItem>[]> {
  const rows = await db.coreArea.findMany({
    where: afterId(after),
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, name: true, description: true, maturity: true, provenance: true, sourceRefs: true,
      committees: { select: { committeeId: true }, orderBy: { committeeId: "asc" } },
    },
  });
  return rows.map(({ committees, ...r }) => ({ ...r, committeeIds: committees.map((c) => c.committeeId) }));
}

export async function apiKeyApplications(after: string | undefined, take: number): Promise<z.infer<typeof keyApplicationItem>[]> {
  const rows = await db.keyApplication.findMany({
    where: afterId(after),
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, name: true, description: true, maturity: true, provenance: true, sourceRefs: true,
      committees: { select: { committeeId: true }, orderBy: { committeeId: "asc" } },
    },
  });
  return rows.map(({ committees, ...r }) => ({ ...r, committeeIds: committees.map((c) => c.committeeId) }));
}

export async function apiAgencies(after: string | undefined, take: number): Promise<z.infer<typeof agencyItem>[]> {
  const rows = await db.agency.findMany({
    where: afterId(after),
    orderBy: { id: "asc" },
    take,
    select: { id: true, acronym: true, name: true, parentId: true, iicswgMember: true, provenance: true, sourceRefs: true, updatedAt: true },
  });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** The audit log as on the audit page (admins all, coordinators their agency), in id order. */
export async function apiAuditEvents(
  scope: Scope,
  f: { actor?: string; entityType?: string; entityId?: string; from?: string; to?: string },
  after: string | undefined,
  take: number,
): Promise<z.infer<typeof auditItem>[]> {
  const rows = await db.auditEvent.findMany({
    where: { AND: [auditWhere(scope, f), afterId(after)] },
    orderBy: { id: "asc" },
    take,
    select: auditRow,
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * The dashboard's coverage report for the filters, from the same report cache (computed
 * once per change of the data and shared with the dashboard); coordinators get their agency's.
 * Unknown agency or SDO ids are refused (UserError VALIDATION naming the field).
 */
export async function apiCoverage(scope: Scope, f: z.infer<typeof coverageQuery>, now: Date): Promise<z.infer<typeof coverageReport>> {
  const { report } = await loadGapReport(scope, f, now, { strict: true });
  const metricsOf = (m: { engagements: number; participants: number; agencies: number; leadership: number; depth: Record<"OBSERVE" | "ATTEND" | "CONTRIBUTE" | "LEAD", number>; lastActivity: string | null }) => ({
    engagements: m.engagements,
    participants: m.participants,
    agencies: m.agencies,
    leadership: m.leadership,
    depth: { OBSERVE: m.depth.OBSERVE, ATTEND: m.depth.ATTEND, CONTRIBUTE: m.depth.CONTRIBUTE, LEAD: m.depth.LEAD },
    lastActivity: m.lastActivity,
  });
  const rowsOf = (rows: typeof report.coreAreas) =>
    rows.map((r) => ({
      id: r.id, label: r.label, ...metricsOf(r.metrics), score: r.score, level: r.level, deepShare: r.deepShare,
      flags: r.flags.map((g) => ({ code: g.code, reason: g.reason })),
    }));
  return {
    generatedAt: report.generatedAt,
    period: {
      kind: report.period.kind,
      fiscalYear: report.period.kind === "fiscalYear" ? report.period.fiscalYear : null,
      start: report.period.start,
      end: report.period.end,
      label: periodLabel(report.period),
    },
    asOf: report.asOf,
    agency: report.agency,
    sdo: report.sdo,
    totals: { ...metricsOf(report.totals), score: report.totals.score, level: report.totals.level, deepShare: report.totals.deepShare },
    objectives: report.objectives.map((o) => ({ id: o.id, number: o.number, title: o.title, recommendationIds: o.recommendationIds, attainment: o.attainment, status: o.status })),
    recommendations: report.recommendations.map((r) => ({ id: r.id, number: r.number, title: r.title, indicatorIds: r.indicatorIds, attainment: r.attainment, status: r.status })),
    indicators: report.indicators.map((i) => ({
      id: i.id, code: i.code, recommendationId: i.recommendationId, name: i.name, unit: i.unit, format: i.format,
      value: i.value, target: i.target, status: i.status, attainment: i.attainment, summary: i.summary,
    })),
    coreAreas: rowsOf(report.coreAreas),
    keyApplications: rowsOf(report.keyApplications),
    sdos: rowsOf(report.sdos),
    committees: rowsOf(report.committees),
    gaps: report.gaps.map((g) => ({ rank: g.rank, code: g.code, subject: { kind: g.subject.kind, id: g.subject.id, label: g.subject.label }, reason: g.reason, severity: g.severity })),
  };
}
