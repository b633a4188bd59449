// The hand-computed fixture through the pure engine: every flag fires exactly where the
// fixture says, and nowhere else.
import { describe, expect, it } from "vitest";
import { aggregateEngagements, countInventory, emptyActivityCounts } from "./coverage-metrics";
import { buildGapReport, DEFAULT_SETTINGS, type GapReport } from "./coverage-report";
import {
  EXPECTED_C6,
  EXPECTED_CORE_AREA_A,
  EXPECTED_GAPS,
  EXPECTED_TOTALS,
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
    expect(alpha?.score).toBe(1 * 0 + 2 * 1 + 3 * 2 + 4 * 2);
    expect(report.totals).toMatchObject(EXPECTED_TOTALS);
  });

  it("rolls committees up: direct and including sub-groups, flags judged with the sub-groups", () => {
    const c6 = report.committees.find((c) => c.id === "FX-C6");
    expect(c6?.direct).toMatchObject(EXPECTED_C6.direct);
    expect(c6?.metrics).toMatchObject(EXPECTED_C6.includingSubgroups);
    expect(c6?.subgroups).toBe(1);
    expect(c6?.flags).toEqual([]);
    // The drill-down lists the working group's engagements too.
    expect(c6?.drill).toEqual({ kind: "engagements", committee: ["FX-C6", "FX-C7"] });
    // No reverse inflation: C6's own seat (E11) counts for C6's core area F, not for C7's A.
    expect(report.coreAreas.find((c) => c.id === "FX-CA-F")?.metrics.engagements).toBe(1);
    expect(report.coreAreas.find((c) => c.id === "FX-CA-A")?.metrics.engagements).toBe(5);
  });

  it("counts an SDO-level engagement (no committee) for its standard's core area and SDO", () => {
    expect(report.coreAreas.find((c) => c.id === "FX-CA-G")?.metrics).toMatchObject({ engagements: 1, leadership: 1 });
    expect(report.sdos.find((s) => s.id === "FX-S4")?.metrics.engagements).toBe(1);
    expect(report.standardsInDevelopment.withoutParticipant.map((s) => s.id)).not.toContain("FX-T5");
  });

  it("takes a 'confirmed still active' day as activity: a seat from 2024-06 confirmed in 2025-06 is not stale", () => {
    expect(report.coreAreas.find((c) => c.id === "FX-CA-G")?.metrics.lastActivity).toBe("2025-06-15");
    expect(report.gaps.some((g) => g.subject.id === "FX-CA-G" && g.code === "STALE")).toBe(false);
  });

  it("gives each cell a depth level (deepest seat, 1-4) and the share at contribute or deeper", () => {
    const ax = report.heatmaps.coreAreaKeyApplication.cells.find((c) => c.id === "FX-CA-A|FX-KA-X");
    // E1 lead, E2 attend, E3 contribute.
    expect(ax).toMatchObject({ level: 4, deepShare: 2 / 3 });
    const cy = report.heatmaps.coreAreaKeyApplication.cells.find((c) => c.id === "FX-CA-C|FX-KA-Y");
    // E5 lead (chair), E6 observe, E13 attend (secretary).
    expect(cy).toMatchObject({ level: 4, deepShare: 1 / 3 });
    expect(report.heatmaps.coreAreaKeyApplication.cells.find((c) => c.id === "FX-CA-D|FX-KA-X")).toMatchObject({ level: 0, deepShare: null });
  });

  it("names the single agency and gives readable reasons", () => {
    const gamma = report.gaps.find((g) => g.subject.id === "FX-CA-C" && g.code === "SINGLE_AGENCY");
    expect(gamma?.reason).toBe("All 2 federal participants engaged in Fixture Gamma come from a single agency, FXONE.");
    const stale = report.gaps.find((g) => g.subject.id === "FX-CA-B" && g.code === "STALE");
    expect(stale?.reason).toBe(
      "No seat in Fixture Beta was started, ended or confirmed still active since 2023-01-10 (more than 12 months before 2025-09-30): check that U.S. presence is still real.",
    );
    // One person is not "participants".
    const phi = report.gaps.find((g) => g.subject.id === "FX-CA-F" && g.code === "NO_LEADERSHIP");
    expect(phi?.reason).toBe("The one federal participant holds no leadership position in Fixture Phi (1 engagement, none as chair, convenor, editor or similar).");
    const beta = report.gaps.find((g) => g.subject.id === "FX-CA-B" && g.code === "NO_LEADERSHIP");
    expect(beta?.reason).toMatch(/^The one federal participant holds no leadership position in Fixture Beta/);
    const c4 = report.gaps.find((g) => g.subject.id === "FX-C4" && g.code === "NO_LEADERSHIP");
    expect(c4?.reason).toMatch(/^The one federal participant holds/);
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
    expect(map.rows.map((r) => r.id)).toEqual(["FX-CA-A", "FX-CA-B", "FX-CA-D", "FX-CA-E", "FX-CA-C", "FX-CA-G", "FX-CA-F"]);
    expect(map.cells).toHaveLength(7 * 2);
    const ax = map.cells.find((c) => c.id === "FX-CA-A|FX-KA-X");
    expect(ax).toMatchObject({ maturity: "NEEDED", bin: 5, flags: [] });
    expect(report.heatmaps.coreAreaSdo.columns.map((c) => c.id)).toEqual(["FX-S1", "FX-S2", "FX-S3", "FX-S4"]);
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
    // T1 and T5 are engaged by FXONE only, so for FXTWO they are uncovered too.
    expect(agencyReport.gaps.filter((g) => g.subject.kind === "standard").map((g) => g.subject.id).sort()).toEqual(["FX-T1", "FX-T2", "FX-T4", "FX-T5"]);
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
