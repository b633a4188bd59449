"use server";
// Coverage engine actions: compute and export the gap report for the caller's scope
// (coordinators: their own agency), and the admin's scoring settings and indicators.
// Every export is built by action(): session -> permission -> zod -> scope -> audit.
// Reports come from the report cache in `prepare`, outside the action's transaction, so a
// queued computation never holds a pooled connection.
import { coverageSettingsInput, indicatorUpdateInput } from "@/domain/coverage-inputs";
import { gapReportCsv, reportFileName } from "@/domain/report-csv";
import { action } from "@/server/actions/action";
import { loadGapReport } from "@/server/coverage/dashboard";
import { exportInput, reportFiltersInput } from "@/server/coverage/report-filters";
import type { ReportFilters } from "@/domain/records-query";
import { flatSettings, updateCoverageSettings, updateIndicator } from "@/server/coverage/settings";

/** The filters of an export request, without its format. */
const reportFiltersOf = ({ fy, from, to, agency, sdo }: ReportFilters): ReportFilters => ({ fy, from, to, agency, sdo });

export const computeGapReportAction = action(
  {
    input: reportFiltersInput,
    permission: "dashboard.read",
    audit: "coverage.report",
    prepare: ({ session, input }) => loadGapReport(session.scope, input, new Date(), { strict: true }),
  },
  async ({ prepared: { report, request, filters } }) => {
    return {
      data: report,
      audit: { entityType: "GapReport", entityId: null, agencyId: request.agencyId, after: { filters, period: report.periodLabel } },
    };
  },
);

export const exportGapReportAction = action(
  {
    input: exportInput,
    permission: "dashboard.read",
    audit: "coverage.export",
    prepare: ({ session, input }) => loadGapReport(session.scope, reportFiltersOf(input), new Date(), { strict: true }),
  },
  async ({ input: { format }, prepared: { report, request, filters } }) => {
    const fileName = reportFileName(report, format);
    const content = format === "csv" ? gapReportCsv(report) : JSON.stringify(report, null, 2);
    return {
      data: { fileName, mimeType: format === "csv" ? "text/csv;charset=utf-8" : "application/json", content },
      audit: {
        entityType: "GapReport",
        entityId: null,
        agencyId: request.agencyId,
        after: { format, filters, period: report.periodLabel, gaps: report.gaps.length },
      },
    };
  },
);

export const updateCoverageSettingsAction = action(
  { input: coverageSettingsInput, permission: "settings.manage", audit: "coverage.settings.update" },
  async ({ input, tx }) => {
    const { before, after } = await updateCoverageSettings(tx, input);
    return {
      data: { version: after.version },
      audit: { entityType: "CoverageSettings", entityId: "1", before: flatSettings(before), after: flatSettings(after) },
    };
  },
);

export const updateIndicatorAction = action(
  { input: indicatorUpdateInput, permission: "settings.manage", audit: "indicator.update" },
  async ({ input, tx }) => {
    const { before, after } = await updateIndicator(tx, input);
    return { data: { id: after.id, version: after.version }, audit: { entityType: "Indicator", entityId: after.id, before, after } };
  },
);
