import { describe, expect, it } from "vitest";
import {
  aggregateEngagements,
  countInventory,
  emptyActivityCounts,
  type ActivityCounts,
} from "./coverage-metrics";
import {
  attainmentOf,
  evaluateIndicator,
  rollUpObjectives,
  rollUpRecommendations,
  rollUpStatus,
  statusOf,
  type IndicatorDefinition,
  type IndicatorInputs,
  type IndicatorResult,
} from "./coverage-indicators";
import { FIXTURE_AS_OF, FIXTURE_COMMITTEES, FIXTURE_ENGAGEMENTS, FIXTURE_PERIOD, FIXTURE_REFERENCE, FIXTURE_STANDARDS } from "./coverage-fixture";

const scope = { start: FIXTURE_PERIOD.start, end: FIXTURE_PERIOD.end, asOf: FIXTURE_AS_OF, agencyId: null, sdoId: null };
const activities: ActivityCounts = { ...emptyActivityCounts(), TRAINING: { count: 5, agencies: 2 }, ADOPTION: { count: 3, agencies: 1 } };
const inputs: IndicatorInputs = {
  aggregates: aggregateEngagements(FIXTURE_ENGAGEMENTS, FIXTURE_COMMITTEES, FIXTURE_STANDARDS, scope),
  inventory: countInventory(FIXTURE_COMMITTEES, FIXTURE_STANDARDS, null),
  coreAreas: FIXTURE_REFERENCE.coreAreas,
  committees: FIXTURE_REFERENCE.committees,
  activities,
  areaEngagements: { area: 6 },
  periodYears: 1,
};
const def = (kind: IndicatorDefinition["kind"], params: unknown, target: number, partialRatio = 0.5): IndicatorDefinition => ({
  id: kind === "AREA_ENGAGEMENT" ? "area" : kind,
  code: kind,
  recommendationId: "REC-1",
  name: kind,
  description: "",
  kind,
  params,
  target,
  unit: "u",
  partialRatio,
  sortOrder: 0,
});

describe("status and attainment", () => {
  it.each([
    [10, 10, 0.5, "met"],
    [12, 10, 0.5, "met"],
    [5, 10, 0.5, "partial"],
    [4.9, 10, 0.5, "gap"],
    [0, 0, 0.5, "met"],
    [7, 10, 0.8, "gap"],
  ] as const)("value %d against %d (partial from %d) is %s", (value, target, ratio, status) => {
    expect(statusOf(value, target, ratio)).toBe(status);
  });
  it("caps attainment at 100%", () => {
    expect(attainmentOf(15, 10)).toBe(1);
    expect(attainmentOf(5, 10)).toBe(0.5);
    expect(attainmentOf(3, 0)).toBe(1);
  });
});

describe("evaluateIndicator, kind by kind", () => {
  it.each<[string, IndicatorDefinition, number, string]>([
    // Core areas with inventory: A, B, C, E (D has none). Contribute+: A only (E3, E7, E1), C (E5 lead).
    ["core-area coverage", def("CORE_AREA_COVERAGE", { minDepth: "CONTRIBUTE" }, 1), 2 / 4, "partial"],
    ["core-area coverage at lead", def("CORE_AREA_COVERAGE", { minDepth: "LEAD" }, 0.5), 2 / 4, "met"],
    ["activity count", def("ACTIVITY_COUNT", { activityKind: "TRAINING" }, 10), 5, "partial"],
    ["activities per participating agency", def("ACTIVITY_PER_AGENCY", { activityKind: "TRAINING" }, 2), 5 / 2, "met"],
    ["agencies with an activity", def("AGENCIES_WITH_ACTIVITY", { activityKind: "ADOPTION" }, 4), 1, "gap"],
    ["standards at stages with a participant", def("STAGE_ENGAGEMENT", { stages: ["PROPOSED", "DEVELOPMENT", "REVISION"] }, 0.5), 1 / 3, "partial"],
    ["engagement in an area", def("AREA_ENGAGEMENT", { committeeIds: ["FX-C1", "FX-C3"], coreAreaIds: ["FX-CA-A"] }, 10), 6, "partial"],
  ])("%s", (_, d, value, status) => {
    const r = evaluateIndicator(d, inputs);
    expect(r.value).toBeCloseTo(value);
    expect(r.status).toBe(status);
    expect(r.error).toBeNull();
    expect(r.drill).not.toBeNull();
  });

  it("says the numbers behind the value, with a drill-down for each", () => {
    const r = evaluateIndicator(def("CORE_AREA_COVERAGE", { minDepth: "CONTRIBUTE" }, 1), inputs);
    expect(r.summary).toBe("2 of 4 core areas have at least one engagement at “contribute” depth or deeper.");
    expect(r.breakdown.find((b) => b.label === "Fixture Alpha")).toEqual({
      label: "Fixture Alpha",
      value: "3 engagements",
      drill: { kind: "engagements", coreArea: ["FX-CA-A"], minDepth: "CONTRIBUTE" },
    });
    const stage = evaluateIndicator(def("STAGE_ENGAGEMENT", { stages: ["PROPOSED", "REVISION"] }, 0.5), inputs);
    expect(stage.summary).toBe("0 of 2 standards that are proposed or under revision have a federal participant.");
  });

  it("scales yearly targets of counts to the period elapsed, not shares", () => {
    const half = { ...inputs, periodYears: 0.5 };
    const count = evaluateIndicator(def("ACTIVITY_COUNT", { activityKind: "TRAINING" }, 10), half);
    expect(count).toMatchObject({ target: 5, baseTarget: 10, status: "met" });
    expect(count.summary).toContain("scaled to the 0.5 years");
    expect(evaluateIndicator(def("CORE_AREA_COVERAGE", { minDepth: "LEAD" }, 0.5), half).target).toBe(0.5);
  });

  it("reads 0 with an explanation when an admin stored unusable params", () => {
    const r = evaluateIndicator(def("STAGE_ENGAGEMENT", { stages: [] }, 0.5), inputs);
    expect(r).toMatchObject({ value: 0, status: "gap", drill: null });
    expect(r.error).toMatch(/at least one stage/);
  });
});

describe("roll-ups", () => {
  it.each([
    [["met", "met"], "met"],
    [["gap", "gap"], "gap"],
    [["met", "gap"], "partial"],
    [["partial"], "partial"],
    [["unmeasured", "met"], "met"],
    [[], "unmeasured"],
  ] as const)("%j rolls up to %s", (parts, status) => {
    expect(rollUpStatus([...parts])).toBe(status);
  });

  it("rolls indicators into recommendations and recommendations into objectives", () => {
    const result = (id: string, recommendationId: string, attainment: number, status: IndicatorResult["status"]) =>
      ({ id, recommendationId, attainment, status }) as IndicatorResult;
    const recs = rollUpRecommendations(
      [
        { id: "R2", number: 2, title: "Two" },
        { id: "R1", number: 1, title: "One" },
        { id: "R3", number: 3, title: "Three" },
      ],
      [result("i1", "R1", 1, "met"), result("i2", "R1", 0.5, "partial"), result("i3", "R2", 0.2, "gap")],
    );
    expect(recs.map((r) => [r.number, r.attainment, r.status])).toEqual([
      [1, 0.75, "partial"],
      [2, 0.2, "gap"],
      [3, null, "unmeasured"],
    ]);
    const objectives = rollUpObjectives([{ id: "O1", number: 1, title: "One", recommendationIds: ["R1", "R2", "R3"] }], recs);
    expect(objectives[0]).toMatchObject({ attainment: (0.75 + 0.2) / 2, status: "partial", recommendationIds: ["R1", "R2", "R3"] });
  });
});
