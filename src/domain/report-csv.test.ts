import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { aggregateEngagements, countInventory, emptyActivityCounts } from "./coverage-metrics";
import { buildGapReport, DEFAULT_SETTINGS } from "./coverage-report";
import { CSV_COLUMNS, gapReportCsv, reportFileName } from "./report-csv";
import { FIXTURE_AS_OF, FIXTURE_COMMITTEES, FIXTURE_ENGAGEMENTS, FIXTURE_PERIOD, FIXTURE_REFERENCE, FIXTURE_STANDARDS } from "./coverage-fixture";
import { fiscalYearPeriod, rangePeriod } from "./fiscal-year";

const scope = { start: FIXTURE_PERIOD.start, end: FIXTURE_PERIOD.end, asOf: FIXTURE_AS_OF, agencyId: null, sdoId: null };
const aggregates = aggregateEngagements(FIXTURE_ENGAGEMENTS, FIXTURE_COMMITTEES, FIXTURE_STANDARDS, scope);
const report = buildGapReport({
  generatedAt: "2026-01-15T12:00:00.000Z",
  period: FIXTURE_PERIOD,
  asOf: FIXTURE_AS_OF,
  agency: null,
  sdo: null,
  settings: DEFAULT_SETTINGS,
  reference: { ...FIXTURE_REFERENCE, coreAreas: [...FIXTURE_REFERENCE.coreAreas, { id: "FX-CA-EVIL", name: "=HYPERLINK(\"x\")" }] },
  inventory: countInventory(FIXTURE_COMMITTEES, FIXTURE_STANDARDS, null),
  aggregates,
  unengagedStandards: FIXTURE_STANDARDS.filter((s) => aggregates.unengagedDevelopmentStandardIds.includes(s.id)),
  activities: emptyActivityCounts(),
  indicators: [],
  areaEngagements: {},
});

function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: false }) as string[][];
}

describe("gapReportCsv", () => {
  const rows = parseCsv(gapReportCsv(report));
  const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

  it("is one table with a header and a section per row", () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const sections = new Set(rows.slice(1).map((r) => r[0]));
    expect([...sections]).toEqual(["filter", "coverage", "gap"]);
  });

  it("lists every gap with its rank and reason", () => {
    const gaps = rows.filter((r) => r[0] === "gap");
    expect(gaps).toHaveLength(report.gaps.length);
    expect(gaps[0]?.[col("rank")]).toBe("1");
    expect(gaps[0]?.[col("reasons")]).toBe(report.gaps[0]?.reason);
  });

  it("carries the numbers of every subject and cell", () => {
    const alpha = rows.find((r) => r[0] === "coverage" && r[col("subject_id")] === "FX-CA-A");
    expect(alpha?.[col("engagements")]).toBe("5");
    expect(alpha?.[col("depth_weighted_score")]).toBe("16");
    expect(alpha?.[col("last_activity")]).toBe("2025-03-01");
    // E1 and E10 lead, E3 and E7 contribute, E2 attends: 4 of 5 at contribute or deeper.
    expect(alpha?.[col("depth_level")]).toBe("4");
    expect(alpha?.[col("contribute_or_deeper_percent")]).toBe("80");
  });

  it("gives committees both: including sub-groups, and direct", () => {
    const c6 = rows.find((r) => r[0] === "coverage" && r[col("subject_id")] === "FX-C6");
    expect([c6?.[col("engagements")], c6?.[col("direct_engagements")]]).toEqual(["2", "1"]);
    expect([c6?.[col("leadership_positions")], c6?.[col("direct_leadership_positions")]]).toEqual(["1", "0"]);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    const evil = rows.find((r) => r[col("subject_id")] === "FX-CA-EVIL");
    expect(evil?.[col("subject")]).toBe("'=HYPERLINK(\"x\")");
  });
});

describe("reportFileName", () => {
  it.each([
    [{ period: fiscalYearPeriod(2025), agency: null, sdo: null }, "csv", "gap-report-FY2025.csv"],
    [{ period: rangePeriod("2024-01-01", "2024-06-30"), agency: { id: "a", acronym: "NIST", name: "" }, sdo: { id: "s", acronym: "ISO/IEC JTC 1", name: "" } }, "json", "gap-report-2024-01-01_2024-06-30-NIST-ISO-IEC-JTC-1.json"],
  ])("%#: %s", (report, ext, name) => {
    expect(reportFileName(report, ext)).toBe(name);
  });
});
