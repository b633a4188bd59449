// The records behind a number: what a drill-down link asks the records page for, and the
// report filters (period, agency, SDO) it carries along. Serialised to URL search
// parameters so every link can be shared; the records page parses them back with zod.
import type { ActivityKindName, DepthName, StageName } from "./coverage-metrics";

export type RecordKind = "engagements" | "activities" | "standards";

export interface RecordsQuery {
  kind: RecordKind;
  /** Engagements counting towards any of these core areas. */
  coreArea?: string[];
  /** ... and towards any of these key applications. */
  keyApplication?: string[];
  sdo?: string;
  /** Engagements in any of these committees (own, or their standard's). */
  committee?: string[];
  standard?: string;
  minDepth?: DepthName;
  leadership?: boolean;
  activityKind?: ActivityKindName;
  stage?: StageName[];
  /** Standards with or without an engagement in the period. */
  coverage?: "with" | "without";
}

/** The report's own filters, as they appear in the URL. */
export interface ReportFilters {
  fy?: number;
  from?: string;
  to?: string;
  agency?: string;
  sdo?: string;
}

export function reportSearchParams(filters: ReportFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.from && filters.to) {
    params.set("from", filters.from);
    params.set("to", filters.to);
  } else if (filters.fy !== undefined) {
    params.set("fy", String(filters.fy));
  }
  if (filters.agency) params.set("agency", filters.agency);
  if (filters.sdo) params.set("sdo", filters.sdo);
  return params;
}

/** Search parameters of a drill-down link; a drill-down SDO replaces the report's. */
export function recordsSearchParams(filters: ReportFilters, query: RecordsQuery): URLSearchParams {
  const params = reportSearchParams({ ...filters, sdo: query.sdo ?? filters.sdo });
  params.set("kind", query.kind);
  for (const id of query.coreArea ?? []) params.append("coreArea", id);
  for (const id of query.keyApplication ?? []) params.append("keyApplication", id);
  for (const id of query.committee ?? []) params.append("committee", id);
  if (query.standard) params.set("standard", query.standard);
  if (query.minDepth) params.set("minDepth", query.minDepth);
  if (query.leadership) params.set("leadership", "1");
  if (query.activityKind) params.set("activityKind", query.activityKind);
  for (const stage of query.stage ?? []) params.append("stage", stage);
  if (query.coverage) params.set("coverage", query.coverage);
  return params;
}
