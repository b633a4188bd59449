// The gap report as one CSV table: a `section` column says what each row is (filter,
// objective, recommendation, indicator, coverage, gap), so the file opens cleanly in a
// spreadsheet. Cells are quoted and neutralised against formula injection by ./csv.
import { GAP_LABEL, SUBJECT_LABEL } from "./coverage-gaps";
import { csvLine, type CsvValue } from "./csv";
import { STATUS_LABEL, formatValue } from "./coverage-indicators";
import type { CoverageRow, GapReport } from "./coverage-report";

export const CSV_COLUMNS = [
  "section",
  "rank",
  "subject_type",
  "subject_id",
  "subject",
  "parent",
  "value",
  "target",
  "attainment_percent",
  "status",
  "engagements",
  "participants",
  "agencies",
  "leadership_positions",
  "depth_weighted_score",
  "depth_level",
  "contribute_or_deeper_percent",
  "last_activity",
  "direct_engagements",
  "direct_participants",
  "direct_leadership_positions",
  "gap_codes",
  "reasons",
] as const;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], CsvValue>>;

function toCsv(rows: readonly CsvRow[]): string {
  return csvLine(CSV_COLUMNS) + rows.map((row) => csvLine(CSV_COLUMNS.map((c) => row[c]))).join("");
}

function coverageRow(r: CoverageRow): CsvRow {
  return {
    section: "coverage",
    subject_type: SUBJECT_LABEL[r.kind],
    subject_id: r.id,
    subject: r.label,
    engagements: r.metrics.engagements,
    participants: r.metrics.participants,
    agencies: r.metrics.agencies,
    leadership_positions: r.metrics.leadership,
    depth_weighted_score: r.score,
    depth_level: r.level,
    contribute_or_deeper_percent: pct(r.deepShare),
    last_activity: r.metrics.lastActivity,
    // Committees: the columns above include their sub-groups; these count the committee itself.
    direct_engagements: r.direct?.engagements,
    direct_participants: r.direct?.participants,
    direct_leadership_positions: r.direct?.leadership,
    gap_codes: r.flags.map((f) => f.code).join(" "),
    reasons: r.flags.map((f) => f.reason).join(" "),
  };
}

const pct = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 10);

export function gapReportCsv(report: GapReport): string {
  const rows: CsvRow[] = [
    { section: "filter", subject: "Period", value: report.periodLabel },
    { section: "filter", subject: "As of", value: report.asOf },
    { section: "filter", subject: "Agency", value: report.agency ? report.agency.acronym : "All agencies" },
    { section: "filter", subject: "SDO", value: report.sdo ? report.sdo.acronym : "All SDOs" },
    { section: "filter", subject: "Generated at", value: report.generatedAt },
    { section: "filter", subject: "Met from (% attainment)", value: pct(report.settings.thresholds.met) },
    { section: "filter", subject: "Partial from (% attainment)", value: pct(report.settings.thresholds.partial) },
  ];
  for (const o of report.objectives) {
    rows.push({ section: "objective", subject_id: o.id, subject: `Objective ${o.number}: ${o.title}`, value: pct(o.attainment), target: 100, attainment_percent: pct(o.attainment), status: STATUS_LABEL[o.status] });
  }
  for (const r of report.recommendations) {
    rows.push({ section: "recommendation", subject_id: r.id, subject: `Recommendation ${r.number}: ${r.title}`, value: pct(r.attainment), target: 100, attainment_percent: pct(r.attainment), status: STATUS_LABEL[r.status] });
  }
  for (const i of report.indicators) {
    rows.push({
      section: "indicator",
      subject_id: i.code,
      subject: i.name,
      parent: i.recommendationId,
      value: formatValue(i.value, i.format),
      target: formatValue(i.target, i.format),
      attainment_percent: pct(i.attainment),
      status: STATUS_LABEL[i.status],
      reasons: i.summary,
    });
  }
  const heat = report.heatmaps;
  for (const r of [...report.coreAreas, ...report.keyApplications, ...report.sdos, ...report.committees, ...heat.coreAreaKeyApplication.cells, ...heat.coreAreaSdo.cells]) {
    rows.push(coverageRow(r));
  }
  for (const g of report.gaps) {
    rows.push({
      section: "gap",
      rank: g.rank,
      subject_type: SUBJECT_LABEL[g.subject.kind],
      subject_id: g.subject.id,
      subject: g.subject.label,
      status: GAP_LABEL[g.code],
      gap_codes: g.code,
      reasons: g.reason,
    });
  }
  return toCsv(rows);
}

/** gap-report-FY2025-NIST-IETF.csv: what the file is about, safe in any file system. */
export function reportFileName(report: Pick<GapReport, "period" | "agency" | "sdo">, extension: string): string {
  const period = report.period.kind === "fiscalYear" ? `FY${report.period.fiscalYear}` : `${report.period.start}_${report.period.end}`;
  const parts = ["gap-report", period, report.agency?.acronym, report.sdo?.acronym].filter(Boolean) as string[];
  return `${parts.map((p) => p.replace(/[^A-Za-z0-9_.-]+/g, "-")).join("-")}.${extension}`;
}
