// Computes the whole gap report inside one transaction: the context (reference rows,
// settings, indicators, inventory, activities) and the aggregates through the engine's
// SQL, then the pure engine (src/domain/coverage-report.ts). Scope is resolved by the caller; this file
// takes ids. Not "server-only": the benchmark and integration tests call it directly.
import type { Prisma } from "@/generated/prisma/client";
import { areaParamsOf } from "@/domain/coverage-indicators";
import { buildGapReport, type GapReport } from "@/domain/coverage-report";
import { periodAsOf, type IsoDate, type Period } from "@/domain/fiscal-year";
import { queryEngagementAggregates, queryReportContext, tuneReportTransaction, type AreaCount } from "./coverage-sql";

export type Tx = Prisma.TransactionClient;

export interface GapReportRequest {
  period: Period;
  /** Today's date: the report is "as of" the period's end or today, whichever is first. */
  today: IsoDate;
  generatedAt: string;
  agencyId: string | null;
  sdoId: string | null;
}

/** Interactive-transaction options for a report (large data sets on PGlite take a while). */
export const REPORT_TRANSACTION = { maxWait: 15_000, timeout: 120_000 } as const;

/** Everything the pure engine needs, read in the caller's transaction (snapshot). */
export type GapReportInputs = Parameters<typeof buildGapReport>[0];

export async function readGapReportInputs(tx: Tx, request: GapReportRequest): Promise<GapReportInputs> {
  await tuneReportTransaction(tx);
  const asOf = periodAsOf(request.period, request.today);
  const scope = { start: request.period.start, end: request.period.end, asOf, agencyId: request.agencyId, sdoId: request.sdoId };
  // Two round trips: what surrounds the aggregates (it names the AREA indicators), then the aggregates.
  const context = await queryReportContext(tx, scope);
  const areas: AreaCount[] = context.indicators.flatMap((i) => {
    const params = areaParamsOf(i.kind, i.params);
    return params ? [{ key: i.id, coreAreaIds: params.coreAreaIds, committeeIds: params.committeeIds }] : [];
  });
  const engagement = await queryEngagementAggregates(tx, scope, areas, context.agencyBitmask);
  return {
    generatedAt: request.generatedAt,
    period: request.period,
    asOf,
    agency: context.agency,
    sdo: context.sdo,
    settings: context.settings,
    reference: context.reference,
    inventory: context.inventory,
    aggregates: engagement.aggregates,
    unengagedStandards: engagement.unengagedStandards,
    activities: context.activities,
    indicators: context.indicators,
    areaEngagements: engagement.areaCounts,
  };
}

/** Reads and builds in one go (benchmark, tests). The app goes through report-cache.ts. */
export async function computeGapReport(tx: Tx, request: GapReportRequest): Promise<GapReport> {
  return buildGapReport(await readGapReportInputs(tx, request));
}
