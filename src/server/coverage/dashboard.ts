// Loaders for the coverage dashboard, the printable report and the exports: the caller's
// scope decides the agency (coordinators see their own agency only); the report and the
// trend come from the report cache (computed once per change of the data, report-cache.ts),
// the filter choices from two small queries.
import "server-only";
import { depthScore, type DepthWeights } from "@/domain/coverage-metrics";
import { buildGapReport, type GapReport } from "@/domain/coverage-report";
import { fiscalYearOf, fiscalYearsBetween, toIsoDate } from "@/domain/fiscal-year";
import type { ReportFilters } from "@/domain/records-query";
import { isAgencyScoped } from "@/server/auth/permissions";
import type { Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { listAgency } from "@/server/participation/scope";
import { queryFirstEngagementDay, queryTrend, type TrendRow } from "./coverage-sql";
import { readGapReportInputs, type GapReportRequest, type Tx } from "./gap-report-data";
import { cachedReport } from "./report-cache";
import { periodOf } from "./report-filters";

/** How many fiscal years the trend shows at most. */
export const TREND_YEARS = 10;

export interface ResolvedReport {
  request: GapReportRequest;
  /** The filters as applied (scope enforced, unknown ids dropped): links keep these. */
  filters: ReportFilters;
  notices: string[];
}

/**
 * Applies the caller's scope to the requested filters. Coordinators are pinned to their
 * agency whatever they ask for. Unknown agency or SDO ids are dropped with a notice
 * (pages) or refused (`strict`, for actions).
 */
export async function resolveReportRequest(
  tx: Pick<Tx, "agency" | "sdo">,
  scope: Scope,
  requested: ReportFilters,
  now: Date,
  options: { strict?: boolean } = {},
): Promise<ResolvedReport> {
  const today = toIsoDate(now);
  const filters: ReportFilters = { ...requested };
  const notices: string[] = [];
  const agencyId = listAgency(scope, requested.agency) ?? null;
  if (isAgencyScoped(scope.role)) {
    filters.agency = undefined;
  } else if (agencyId && !(await tx.agency.findUnique({ where: { id: agencyId }, select: { id: true } }))) {
    if (options.strict) throw new UserError("VALIDATION", "Some fields need attention.", { agency: ["Choose an agency from the list"] });
    notices.push("The agency in the link was not recognised, so all agencies are shown.");
    filters.agency = undefined;
  }
  let sdoId = requested.sdo ?? null;
  if (sdoId && !(await tx.sdo.findUnique({ where: { id: sdoId }, select: { id: true } }))) {
    if (options.strict) throw new UserError("VALIDATION", "Some fields need attention.", { sdo: ["Choose an SDO from the list"] });
    notices.push("The SDO in the link was not recognised, so all SDOs are shown.");
    filters.sdo = undefined;
    sdoId = null;
  }
  const period = periodOf(filters, today);
  if (period.kind === "fiscalYear") filters.fy = period.fiscalYear;
  return {
    request: {
      period,
      today,
      generatedAt: now.toISOString(),
      agencyId: isAgencyScoped(scope.role) ? agencyId : (filters.agency ?? null),
      sdoId,
    },
    filters,
    notices,
  };
}

export interface TrendPoint {
  fiscalYear: number;
  engagements: number;
  participants: number;
  agencies: number;
  leadership: number;
  score: number;
}

export interface DashboardData {
  report: GapReport;
  trend: TrendPoint[];
  filters: ReportFilters;
  notices: string[];
  choices: {
    fiscalYears: number[];
    /** Null for coordinators: their agency is fixed. */
    agencies: { id: string; acronym: string; name: string }[] | null;
    sdos: { id: string; acronym: string; name: string }[];
  };
}

/** The gap report of a resolved request, computed once per data version. */
function cachedGapReport(request: GapReportRequest): Promise<GapReport> {
  const { period } = request;
  return cachedReport({
    kind: "report",
    day: request.today,
    params: { start: period.start, end: period.end, periodKind: period.kind, agencyId: request.agencyId, sdoId: request.sdoId },
    read: (tx) => readGapReportInputs(tx, request),
    build: buildGapReport,
  });
}

/** Raw trend rows for the fiscal years up to `lastFy` (at most TREND_YEARS), cached like the report. */
function cachedTrendRows(request: GapReportRequest, lastFy: number): Promise<{ rows: TrendRow[]; firstFy: number }> {
  const filter = { agencyId: request.agencyId, sdoId: request.sdoId };
  return cachedReport({
    kind: "trend",
    day: request.today,
    params: { lastFy, agencyId: filter.agencyId, sdoId: filter.sdoId },
    read: async (tx) => {
      const firstDay = await queryFirstEngagementDay(tx);
      const firstFy = Math.max(firstDay ? fiscalYearOf(firstDay) : lastFy, lastFy - TREND_YEARS + 1);
      return { rows: await queryTrend(tx, filter, firstFy, lastFy), firstFy };
    },
    build: (raw) => raw,
  });
}

function trendPoints(rows: TrendRow[], weights: DepthWeights): TrendPoint[] {
  return rows.map((r) => ({
    fiscalYear: r.fiscalYear,
    engagements: r.engagements,
    participants: r.participants,
    agencies: r.agencies,
    leadership: r.leadership,
    score: depthScore(r.depth, weights),
  }));
}

export async function loadDashboard(scope: Scope, requested: ReportFilters, now: Date = new Date()): Promise<DashboardData> {
  const resolved = await resolveReportRequest(db, scope, requested, now);
  const currentFy = fiscalYearOf(resolved.request.today);
  const periodFy = fiscalYearOf(resolved.request.period.end);
  const [report, trend, agencies, sdos] = await Promise.all([
    cachedGapReport(resolved.request),
    cachedTrendRows(resolved.request, Math.max(currentFy, periodFy)),
    isAgencyScoped(scope.role) ? null : db.agency.findMany({ select: { id: true, acronym: true, name: true }, orderBy: { acronym: "asc" } }),
    db.sdo.findMany({ select: { id: true, acronym: true, name: true }, orderBy: { acronym: "asc" } }),
  ]);
  const fiscalYears = fiscalYearsBetween(Math.min(trend.firstFy, periodFy), Math.max(currentFy, periodFy)).reverse();
  return {
    report,
    trend: trendPoints(trend.rows, report.settings.weights),
    filters: resolved.filters,
    notices: resolved.notices,
    choices: { fiscalYears, agencies, sdos },
  };
}

/** The report alone (printable page, exports). `strict` refuses unknown ids (actions). */
export async function loadGapReport(scope: Scope, requested: ReportFilters, now: Date = new Date(), options: { strict?: boolean } = {}) {
  const resolved = await resolveReportRequest(db, scope, requested, now, options);
  return { report: await cachedGapReport(resolved.request), request: resolved.request, filters: resolved.filters, notices: resolved.notices };
}
