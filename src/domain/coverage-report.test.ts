import { describe, expect, it } from "vitest";
import { DEFAULT_INDICATORS } from "./coverage-defaults";
import { aggregateEngagements, countInventory, emptyActivityCounts } from "./coverage-metrics";
import { buildGapReport, DEFAULT_SETTINGS, heatBin, heatBinRange, HEAT_BINS, type GapReportInput } from "./coverage-report";
import { FIXTURE_AS_OF, FIXTURE_COMMITTEES, FIXTURE_ENGAGEMENTS, FIXTURE_PERIOD, FIXTURE_REFERENCE, FIXTURE_STANDARDS } from "./coverage-fixture";

function input(overrides: Partial<GapReportInput> = {}): GapReportInput {
  const sdoId = overrides.sdo?.id ?? null;
  const scope = { start: FIXTURE_PERIOD.start, end: FIXTURE_PERIOD.end, asOf: FIXTURE_AS_OF, agencyId: null, sdoId };
  const aggregates = aggregateEngagements(FIXTURE_ENGAGEMENTS, FIXTURE_COMMITTEES, FIXTURE_STANDARDS, scope);
  return {
    generatedAt: "2026-01-15T12:00:00.000Z",
    period: FIXTURE_PERIOD,
    asOf: FIXTURE_AS_OF,
    agency: null,
    sdo: null,
    settings: DEFAULT_SETTINGS,
    reference: {
      ...FIXTURE_REFERENCE,
      recommendations: [
        { id: "REC-1", number: 1, title: "One" },
        { id: "REC-2", number: 2, title: "Two" },
      ],
      objectives: [{ id: "OBJ-1", number: 1, title: "Objective", recommendationIds: ["REC-1", "REC-2"] }],
    },
    inventory: countInventory(FIXTURE_COMMITTEES, FIXTURE_STANDARDS, sdoId),
    aggregates,
    unengagedStandards: FIXTURE_STANDARDS.filter((s) => aggregates.unengagedDevelopmentStandardIds.includes(s.id)),
    activities: emptyActivityCounts(),
    indicators: [],
    areaEngagements: {},
    ...overrides,
  };
}

describe("heat bins", () => {
  it.each([
    [0, 100, 0],
    [1, 100, 1],
    [4, 100, 1],
    [5, 100, 2],
    [36, 100, 3],
    [37, 100, 4],
    [100, 100, 5],
    [3, 0, 0],
  ])("score %i of max %i is bin %i", (score, max, bin) => {
    expect(heatBin(score, max)).toBe(bin);
  });
  it("legends cover 1..max without gaps", () => {
    const ranges = Array.from({ length: HEAT_BINS }, (_, i) => heatBinRange(i + 1, 1000));
    expect(ranges[0]?.from).toBe(1);
    expect(ranges.at(-1)?.to).toBe(1000);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.from).toBe((ranges[i - 1]?.to ?? 0) + 1);
  });
});

describe("buildGapReport", () => {
  it("weighs depth with the admin's settings", () => {
    const report = buildGapReport(input({ settings: { ...DEFAULT_SETTINGS, weights: { OBSERVE: 0, ATTEND: 0, CONTRIBUTE: 0, LEAD: 10 } } }));
    // A: E1 and E10 at depth lead; in all: E1, E5, E10, E11, E12.
    expect(report.coreAreas.find((c) => c.id === "FX-CA-A")?.score).toBe(20);
    expect(report.totals.score).toBe(50);
  });

  it("honours the stale period", () => {
    const long = buildGapReport(input({ settings: { ...DEFAULT_SETTINGS, staleMonths: 60 } }));
    expect(long.gaps.some((g) => g.code === "STALE")).toBe(false);
  });

  it("rolls indicators up to recommendations and objectives", () => {
    const indicators = [
      { ...DEFAULT_INDICATORS[1]!, id: "i-1", recommendationId: "REC-1" },
      { ...DEFAULT_INDICATORS[2]!, id: "i-2", recommendationId: "REC-2" },
    ];
    const report = buildGapReport(input({ indicators }));
    expect(report.indicators.map((i) => i.id)).toEqual(["i-1", "i-2"]);
    expect(report.recommendations.map((r) => r.indicatorIds)).toEqual([["i-1"], ["i-2"]]);
    expect(report.objectives[0]?.recommendationIds).toEqual(["REC-1", "REC-2"]);
    expect(report.objectives[0]?.status).not.toBe("unmeasured");
  });

  it("under an SDO filter, lists only that SDO and its committees", () => {
    const sdo = { id: "FX-S2", acronym: "FXSDO2", name: "Fixture SDO two" };
    const report = buildGapReport(input({ sdo }));
    expect(report.sdos.map((s) => s.id)).toEqual(["FX-S2"]);
    expect(report.committees.map((c) => c.id)).toEqual(["FX-C3", "FX-C4", "FX-C6", "FX-C7"]);
    expect(report.heatmaps.coreAreaSdo.columns.map((c) => c.id)).toEqual(["FX-S2"]);
    // Core areas with nothing in FXSDO2 are not flagged for lacking engagement there.
    expect(report.gaps.some((g) => g.subject.id === "FX-CA-E")).toBe(false);
  });

  it("is plain data (serialisable as JSON)", () => {
    const report = buildGapReport(input());
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
