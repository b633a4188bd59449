// Hrefs of the dashboard's pages, built from the report filters so every link keeps the
// period, agency and SDO being looked at.
import { recordsSearchParams, reportSearchParams, type RecordsQuery, type ReportFilters } from "@/domain/records-query";

export function recordsHref(filters: ReportFilters, query: RecordsQuery): string {
  return `/dashboard/records?${recordsSearchParams(filters, query).toString()}`;
}

export function dashboardHref(filters: ReportFilters, hash = ""): string {
  const qs = reportSearchParams(filters).toString();
  return `/dashboard${qs ? `?${qs}` : ""}${hash}`;
}

export function reportHref(filters: ReportFilters): string {
  const qs = reportSearchParams(filters).toString();
  return `/dashboard/report${qs ? `?${qs}` : ""}`;
}
