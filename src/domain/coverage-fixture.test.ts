// The hand-computed fixture through the pure engine: every flag fires exactly where the
// fixture says, and nowhere else.
import { describe, expect, it } from "vitest";
import { aggregateEngagements, countInventory, emptyActivityCounts } from "./coverage-metrics";
import { buildGapReport, DEFAULT_SETTINGS, type GapReport } from "./coverage-report";
import {
  EXPECTED_CORE_AREA_A,
  EXPECTED_GAPS,
  FIXTURE_AGENCIES,
  FIXTURE_AS_OF,
  FIXTURE_COMMITTEES,
  FIXTURE_ENGAGEMENTS,
  FIXTURE_PERIOD,
  FIXTURE_REFERENCE,
  FIXTURE_STANDARDS,
} from "./coverage-fixture";

function fixtureReport(): GapReport {
  const scope = { start: FIXTURE_PERIOD.start, end: FIXTURE_PERIOD.end, asOf: FIXTURE_AS_OF, agencyId: null, sdoId: null };
  const aggregates = aggregateEngagements(FIXTURE_ENGAGEMENTS, FIXTURE_COMMITTEES, FIXTURE_STANDARDS, scope);
  return buildGapReport({
    generatedAt: "2026-01-15T12:00:00.000Z",
    period: FIXTURE_PERIOD,
    asOf: FIXTURE_AS_OF,
    agency: null,
    sdo: null,
    settings: DEFAULT_SETTINGS,
    reference: FIXTURE_REFERENCE,
    inventory: countInventory(FIXTURE_COMMITTEES, FIXTURE_STANDARDS, null),
    aggregates,
    unengagedStandards: FIXTURE_STANDARDS.filter((s) => aggregates.unengagedDevelopmentStandardIds.includes(s.id)),
    activities: emptyActivityCounts(),
    indicators: [],
    areaEngagements: {},
  });
}

const gapKeys = (report: GapReport) => report.gaps.map((g) => `${g.subject.kind} ${g.subject.id} ${g.code}`).sort();

describe("the hand-computed fixture", () => {
  const report = fixtureReport();

  it("raises exactly the expected flags", () => {
    expect(gapKeys(report)).toEqual(EXPECTED_GAPS.map((g) => `${g.kind} ${g.id} ${g.code}`).sort());
  });

  it("computes the aggregates by hand", () => {
    const alpha = report.coreAreas.find((c) => c.id === "FX-CA-A");
    expect(alpha?.metrics).toEqual(EXPECTED_CORE_AREA_A);
    expect(alpha?.score).toBe(1 * 0 + 2 * 1 + 3 * 2 + 4 * 1);
    expect(report.totals).toMatchObject({ engagements: 7, participants: 3, agencies: 2, leadership: 2 });
  });

  it("names the single agency and gives readable reasons", () => {
    const gamma = report.gaps.find((g) => g.subject.id === "FX-CA-C" && g.code === "SINGLE_AGENCY");
    expect(gamma?.reason).toBe("All 2 federal participants engaged in Fixture Gamma come from a single agency, FXONE.");
    const stale = report.gaps.find((g) => g.subject.id === "FX-CA-B" && g.code === "STALE");
    expect(stale?.reason).toBe("No new federal activity in Fixture Beta since 2023-01-10 (more than 12 months before 2025-09-30).");
    const empty = report.gaps.find((g) => g.subject.id === "FX-CA-E");
    expect(empty?.reason).toBe("No federal participant is engaged in Fixture Epsilon, although 1 committee works on it.");
    const needed = report.gaps.find((g) => g.code === "NEEDED_CELL_UNCOVERED");
    expect(needed?.reason).toBe("NISTIR 8074 rates standards for Fixture Gamma in Fixture Xray as needed, and no federal participant is engaged there.");
    const standard = report.gaps.find((g) => g.subject.id === "FX-T2");
    expect(standard?.reason).toBe("FX 2 (Standard two) is proposed at FXSDO2 and no federal participant works on it.");
  });

  it("ranks the worst gaps first", () => {
    expect(report.gaps.slice(0, 3).map((g) => `${g.subject.id} ${g.code}`)).toEqual([
      "FX-CA-E NO_ENGAGEMENT",
      "FX-CA-C|FX-KA-X NEEDED_CELL_UNCOVERED",
      "FX-CA-B SINGLE_PARTICIPANT",
    ]);
    expect(report.gaps.map((g) => g.rank)).toEqual(report.gaps.map((_, i) => i + 1));
  });

  it("lays the heatmaps out row by row, blank where nothing can be engaged", () => {
    const map = report.heatmaps.coreAreaKeyApplication;
    expect(map.rows.map((r) => r.id)).toEqual(["FX-CA-A", "FX-CA-B", "FX-CA-D", "FX-CA-E", "FX-CA-C"]);
    expect(map.cells).toHaveLength(5 * 2);
    const ax = map.cells.find((c) => c.id === "FX-CA-A|FX-KA-X");
    expect(ax).toMatchObject({ maturity: "NEEDED", bin: 5, flags: [] });
    expect(report.heatmaps.coreAreaSdo.columns.map((c) => c.id)).toEqual(["FX-S1", "FX-S2", "FX-S3"]);
  });

  it("speaks for one agency when the view is limited to it", () => {
    const scope = { start: FIXTURE_PERIOD.start, end: FIXTURE_PERIOD.end, asOf: FIXTURE_AS_OF, agencyId: "FX-AG2", sdoId: null };
    const aggregates = aggregateEngagements(FIXTURE_ENGAGEMENTS, FIXTURE_COMMITTEES, FIXTURE_STANDARDS, scope);
    const agencyReport = buildGapReport({
      ...fixtureInputs(),
      agency: FIXTURE_AGENCIES[1]!,
      aggregates,
      unengagedStandards: FIXTURE_STANDARDS.filter((s) => aggregates.unengagedDevelopmentStandardIds.includes(s.id)),
    });
    // Agency two only has P3: one participant wherever it is engaged, never "single agency".
    expect(agencyReport.gaps.some((g) => g.code === "SINGLE_AGENCY")).toBe(false);
    const gamma = agencyReport.gaps.find((g) => g.subject.id === "FX-CA-C");
    expect(gamma?.reason).toBe("No participant from FXTWO is engaged in Fixture Gamma, although 1 committee and 1 standard work on it.");
    const alpha = agencyReport.gaps.find((g) => g.subject.id === "FX-CA-A" && g.code === "SINGLE_PARTICIPANT");
    expect(alpha?.reason).toBe("Only one participant from FXTWO is engaged in Fixture Alpha: if that person leaves, FXTWO's presence ends.");
    // T1 is engaged by FXONE only, so for FXTWO it is uncovered too.
    expect(agencyReport.gaps.filter((g) => g.subject.kind === "standard").map((g) => g.subject.id)).toEqual(["FX-T1", "FX-T2", "FX-T4"]);
  });
});

function fixtureInputs() {
  const scope = { start: FIXTURE_PERIOD.start, end: FIXTURE_PERIOD.end, asOf: FIXTURE_AS_OF, agencyId: null, sdoId: null };
  const aggregates = aggregateEngagements(FIXTURE_ENGAGEMENTS, FIXTURE_COMMITTEES, FIXTURE_STANDARDS, scope);
  return {
    generatedAt: "2026-01-15T12:00:00.000Z",
    period: FIXTURE_PERIOD,
    asOf: FIXTURE_AS_OF,
    agency: null,
    sdo: null,
    settings: DEFAULT_SETTINGS,
    reference: FIXTURE_REFERENCE,
    inventory: countInventory(FIXTURE_COMMITTEES, FIXTURE_STANDARDS, null),
    aggregates,
    unengagedStandards: [],
    activities: emptyActivityCounts(),
    indicators: [],
    areaEngagements: {},
  };
}
