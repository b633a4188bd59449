// Loaders for the coverage dashboard and the printable report: the caller's scope decides
// the agency (coordinators see their own agency only), then the whole report, the trend
// and the filter choices are read in one transaction.
import "server-only";
import { depthScore, type DepthWeights } from "@/domain/coverage-metrics";
import type { GapReport } from "@/domain/coverage-report";
import { fiscalYearOf, fiscalYearsBetween, toIsoDate } from "@/domain/fiscal-year";
import type { ReportFilters } from "@/domain/records-query";
import { isAgencyScoped } from "@/server/auth/permissions";
import type { Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { listAgency } from "@/server/participation/scope";
import { queryFirstEngagementDay, queryTrend } from "./coverage-sql";
import { computeGapReport, REPORT_TRANSACTION, type GapReportRequest, type Tx } from "./gap-report-data";
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
  tx: Tx,
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

async function readTrend(tx: Tx, request: GapReportRequest, lastFy: number, weights: DepthWeights): Promise<{ trend: TrendPoint[]; firstFy: number }> {
  const firstDay = await queryFirstEngagementDay(tx);
  const firstFy = Math.max(firstDay ? fiscalYearOf(firstDay) : lastFy, lastFy - TREND_YEARS + 1);
  const rows = await queryTrend(tx, { agencyId: request.agencyId, sdoId: request.sdoId }, firstFy, lastFy);
  return {
    firstFy,
    trend: rows.map((r) => ({
      fiscalYear: r.fiscalYear,
      engagements: r.engagements,
      participants: r.participants,
      agencies: r.agencies,
      leadership: r.leadership,
      score: depthScore(r.depth, weights),
    })),
  };
}

export async function loadDashboard(scope: Scope, requested: ReportFilters, now: Date = new Date()): Promise<DashboardData> {
  return db.$transaction(async (tx) => {
    const resolved = await resolveReportRequest(tx, scope, requested, now);
    const report = await computeGapReport(tx, resolved.request);
    const currentFy = fiscalYearOf(resolved.request.today);
    const periodFy = fiscalYearOf(resolved.request.period.end);
    const { trend, firstFy } = await readTrend(tx, resolved.request, Math.max(currentFy, periodFy), report.settings.weights);
    const [agencies, sdos] = await Promise.all([
      isAgencyScoped(scope.role) ? null : tx.agency.findMany({ select: { id: true, acronym: true, name: true }, orderBy: { acronym: "asc" } }),
      tx.sdo.findMany({ select: { id: true, acronym: true, name: true }, orderBy: { acronym: "asc" } }),
    ]);
    const fiscalYears = fiscalYearsBetween(Math.min(firstFy, periodFy), Math.max(currentFy, periodFy)).reverse();
    return { report, trend, filters: resolved.filters, notices: resolved.notices, choices: { fiscalYears, agencies, sdos } };
  }, REPORT_TRANSACTION);
}

/** The report alone (printable page). */
export async function loadGapReport(scope: Scope, requested: ReportFilters, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const resolved = await resolveReportRequest(tx, scope, requested, now);
    return { report: await computeGapReport(tx, resolved.request), filters: resolved.filters, notices: resolved.notices };
  }, REPORT_TRANSACTION);
}
