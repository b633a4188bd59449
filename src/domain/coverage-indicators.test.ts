import { describe, expect, it } from "vitest";
import {
  aggregateEngagements,
  countInventory,
  emptyActivityCounts,
  type ActivityCounts,
} from "./coverage-metrics";
import {
  attainmentOf,
  DEFAULT_THRESHOLDS,
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
  agenciesInView: 2,
  thresholds: DEFAULT_THRESHOLDS,
};
const def = (kind: IndicatorDefinition["kind"], params: unknown, target: number): IndicatorDefinition => ({
  id: kind === "AREA_ENGAGEMENT" ? "area" : kind,
  code: kind,
  recommendationId: "REC-1",
  name: kind,
  description: "",
  kind,
  params,
  target,
  unit: "u",
  sortOrder: 0,
});

describe("status and attainment", () => {
  it.each([
    [10, 10, 1, 0.5, "met"],
    [12, 10, 1, 0.5, "met"],
    [5, 10, 1, 0.5, "partial"],
    [4.9, 10, 1, 0.5, "gap"],
    [0, 0, 1, 0.5, "met"],
    [7, 10, 1, 0.8, "gap"],
    [9, 10, 0.9, 0.5, "met"],
    [8.9, 10, 0.9, 0.5, "partial"],
    // 0.3 / 0.6 is 0.49999...: shown as 50 %, judged as 50 %.
    [0.3, 0.6, 1, 0.5, "partial"],
  ] as const)("value %d against %d (met from %d, partial from %d) is %s", (value, target, met, partial, status) => {
    expect(statusOf(attainmentOf(value, target), { met, partial })).toBe(status);
  });

  it("separates 'almost' from 'barely': 22 % and 79 % are both partial only when partial starts below 22 %", () => {
    expect(statusOf(0.22, DEFAULT_THRESHOLDS)).toBe("gap");
    expect(statusOf(0.79, DEFAULT_THRESHOLDS)).toBe("partial");
    expect(statusOf(0.22, { met: 1, partial: 0.2 })).toBe("partial");
  });
  it("caps attainment at 100%", () => {
    expect(attainmentOf(15, 10)).toBe(1);
    expect(attainmentOf(5, 10)).toBe(0.5);
    expect(attainmentOf(3, 0)).toBe(1);
  });
});

describe("evaluateIndicator, kind by kind", () => {
  it.each<[string, IndicatorDefinition, number, string]>([
    // Core areas with inventory: A, B, C, E, F, G (D has none). Contribute+: A (E1, E3, E7, E10),
    // C (E5), F (E11: an expert at depth lead), G (E12).
    ["core-area coverage", def("CORE_AREA_COVERAGE", { minDepth: "CONTRIBUTE" }, 1), 4 / 6, "partial"],
    // "Lead" is a leadership role: A (E1 editor, E10 convenor), C (E5 chair, E13 secretary at
    // depth attend), G (E12 editor); not F, whose only seat is at depth lead without the role.
    ["core-area coverage at lead", def("CORE_AREA_COVERAGE", { minDepth: "LEAD" }, 0.5), 3 / 6, "met"],
    ["activity count", def("ACTIVITY_COUNT", { activityKind: "TRAINING" }, 10), 5, "partial"],
    // 5 training activities over the 2 agencies in view.
    ["activities per agency", def("ACTIVITY_PER_AGENCY", { activityKind: "TRAINING" }, 2), 5 / 2, "met"],
    ["agencies with an activity", def("AGENCIES_WITH_ACTIVITY", { activityKind: "ADOPTION" }, 4), 1, "gap"],
    // T1 and T5 engaged, T2 and T4 not.
    ["standards at stages with a participant", def("STAGE_ENGAGEMENT", { stages: ["PROPOSED", "DEVELOPMENT", "REVISION"] }, 0.5), 2 / 4, "met"],
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
    expect(r.summary).toBe("4 of 6 core areas have at least one engagement at “contribute” depth or deeper.");
    expect(r.breakdown.find((b) => b.label === "Fixture Alpha")).toEqual({
      label: "Fixture Alpha",
      value: "4 engagements",
      drill: { kind: "engagements", coreArea: ["FX-CA-A"], minDepth: "CONTRIBUTE" },
    });
    const lead = evaluateIndicator(def("CORE_AREA_COVERAGE", { minDepth: "LEAD" }, 0.5), inputs);
    expect(lead.summary).toBe("3 of 6 core areas have a federal participant in a leadership role (chair, convenor, editor or similar) in the period.");
    expect(lead.breakdown.find((b) => b.label === "Fixture Phi")).toEqual({
      label: "Fixture Phi",
      value: "none",
      drill: { kind: "engagements", coreArea: ["FX-CA-F"], leadership: true },
    });
    expect(lead.drill).toMatchObject({ leadership: true });
    expect(lead.drill).not.toHaveProperty("minDepth");
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

  it("divides activities by the same population it counts them in: the agencies in view", () => {
    const r = evaluateIndicator(def("ACTIVITY_PER_AGENCY", { activityKind: "TRAINING" }, 1), { ...inputs, agenciesInView: 5 });
    expect(r.value).toBe(1);
    expect(r.summary).toBe("5 training activities logged by the 5 agencies in view (2 of them logged any).");
    expect(r.breakdown.map((b) => [b.label, b.value])).toEqual([
      ["Training activities", "5"],
      ["Agencies in view", "5"],
    ]);
  });

  it("reads 0 with an explanation when an admin stored unusable params", () => {
    const r = evaluateIndicator(def("STAGE_ENGAGEMENT", { stages: [] }, 0.5), inputs);
    expect(r).toMatchObject({ value: 0, status: "gap", drill: null });
    expect(r.error).toMatch(/at least one stage/);
  });
});

describe("roll-ups", () => {
  it.each([
    [1, "met"],
    [0.79, "partial"],
    [0.5, "partial"],
    [0.22, "gap"],
    [null, "unmeasured"],
  ] as const)("a mean attainment of %s is %s, by the indicators' thresholds", (attainment, status) => {
    expect(rollUpStatus(attainment, DEFAULT_THRESHOLDS)).toBe(status);
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
      DEFAULT_THRESHOLDS,
    );
    expect(recs.map((r) => [r.number, r.attainment, r.status])).toEqual([
      [1, 0.75, "partial"],
      [2, 0.2, "gap"],
      [3, null, "unmeasured"],
    ]);
    const objectives = rollUpObjectives([{ id: "O1", number: 1, title: "One", recommendationIds: ["R1", "R2", "R3"] }], recs, DEFAULT_THRESHOLDS);
    // (0.75 + 0.2) / 2 = 47.5 %: below "partial from 50 %", a gap.
    expect(objectives[0]).toMatchObject({ attainment: (0.75 + 0.2) / 2, status: "gap", recommendationIds: ["R1", "R2", "R3"] });
    const lenient = rollUpObjectives([{ id: "O1", number: 1, title: "One", recommendationIds: ["R1", "R2"] }], recs, { met: 1, partial: 0.4 });
    expect(lenient[0]?.status).toBe("partial");
  });
});
