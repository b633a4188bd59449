import { describe, expect, it } from "vitest";
import {
  aggregateEngagements,
  committeeLineage,
  deepShare,
  depthLevel,
  countActivities,
  countAreaEngagements,
  countInventory,
  depthScore,
  engagementsAtLeast,
  isActiveIn,
  lastActivityOf,
  resolveEngagement,
  type CommitteeRef,
  type EngagementFact,
  type StandardRef,
} from "./coverage-metrics";
import { FIXTURE_COMMITTEES, FIXTURE_ENGAGEMENTS, FIXTURE_STANDARDS } from "./coverage-fixture";

const FY25 = { start: "2024-10-01", end: "2025-09-30", asOf: "2025-09-30", agencyId: null, sdoId: null };

describe("when an engagement counts", () => {
  it.each([
    ["starts on the last day", { startDate: "2025-09-30", endDate: null }, true],
    ["starts the day after", { startDate: "2025-10-01", endDate: null }, false],
    ["ends on the first day", { startDate: "2020-01-01", endDate: "2024-10-01" }, true],
    ["ended the day before", { startDate: "2020-01-01", endDate: "2024-09-30" }, false],
    ["spans the whole year", { startDate: "2020-01-01", endDate: "2030-01-01" }, true],
  ])("%s: %s", (_, e, active) => {
    expect(isActiveIn(e, FY25.start, FY25.end)).toBe(active);
  });

  it.each([
    [{ startDate: "2024-01-01", endDate: null }, "2024-01-01"],
    [{ startDate: "2024-01-01", endDate: "2025-02-01" }, "2025-02-01"],
    [{ startDate: "2024-01-01", endDate: "2026-02-01" }, "2024-01-01"],
    [{ startDate: "2025-12-01", endDate: null }, null],
    [{ startDate: "2019-01-01", endDate: null, lastConfirmedOn: "2025-06-15" }, "2025-06-15"],
    [{ startDate: "2019-01-01", endDate: null, lastConfirmedOn: "2025-10-15" }, "2019-01-01"],
  ])("last activity of %j as of 2025-09-30 is %s", (e, last) => {
    expect(lastActivityOf(e, "2025-09-30")).toBe(last);
  });
});

describe("where an engagement counts", () => {
  const committees = new Map<string, CommitteeRef>([
    ["C1", { id: "C1", sdoId: "S1", parentId: null, coreAreaIds: ["A"], keyApplicationIds: ["X"] }],
    ["C2", { id: "C2", sdoId: "S2", parentId: null, coreAreaIds: ["B"], keyApplicationIds: [] }],
  ]);
  const standards = new Map<string, StandardRef>([
    ["T1", { id: "T1", sdoId: "S9", committeeId: "C2", stage: "PUBLISHED", coreAreaIds: ["A", "C"], keyApplicationIds: ["Y"] }],
    ["T2", { id: "T2", sdoId: "S3", committeeId: null, stage: "DEVELOPMENT", coreAreaIds: ["D"], keyApplicationIds: [] }],
  ]);
  it.each([
    ["committee only", { committeeId: "C1", standardId: null }, { committeeId: "C1", sdoId: "S1", coreAreaIds: ["A"], keyApplicationIds: ["X"] }],
    ["committee and standard: areas of both, once each", { committeeId: "C1", standardId: "T1" }, { committeeId: "C1", sdoId: "S1", coreAreaIds: ["A", "C"], keyApplicationIds: ["X", "Y"] }],
    ["standard only: its committee and that committee's SDO", { committeeId: null, standardId: "T1" }, { committeeId: "C2", sdoId: "S2", coreAreaIds: ["A", "C"], keyApplicationIds: ["Y"] }],
    ["standard without committee: the standard's SDO", { committeeId: null, standardId: "T2" }, { committeeId: null, sdoId: "S3", coreAreaIds: ["D"], keyApplicationIds: [] }],
  ])("%s", (_, e, expected) => {
    expect(resolveEngagement(e, committees, standards)).toEqual(expected);
  });
});

describe("committee lineage", () => {
  it("walks up to the top, nearest first, and stops on a cycle", () => {
    const tree = new Map([
      ["WG", { parentId: "SC" }],
      ["SC", { parentId: "JTC" }],
      ["JTC", { parentId: null }],
      ["X", { parentId: "Y" }],
      ["Y", { parentId: "X" }],
    ]);
    expect(committeeLineage("WG", tree)).toEqual(["WG", "SC", "JTC"]);
    expect(committeeLineage("JTC", tree)).toEqual(["JTC"]);
    expect(committeeLineage("X", tree)).toEqual(["X", "Y"]);
  });
});

describe("depth level", () => {
  it.each([
    [{ OBSERVE: 0, ATTEND: 0, CONTRIBUTE: 0, LEAD: 0 }, 0, null],
    [{ OBSERVE: 3, ATTEND: 0, CONTRIBUTE: 0, LEAD: 0 }, 1, 0],
    [{ OBSERVE: 1, ATTEND: 1, CONTRIBUTE: 1, LEAD: 1 }, 4, 0.5],
    [{ OBSERVE: 0, ATTEND: 9, CONTRIBUTE: 1, LEAD: 0 }, 3, 0.1],
  ])("%j: level %d, deep share %s", (depth, level, share) => {
    expect(depthLevel(depth)).toBe(level);
    expect(deepShare(depth)).toBe(share);
  });
});

describe("scores", () => {
  it("weighs depth", () => {
    const depth = { OBSERVE: 2, ATTEND: 1, CONTRIBUTE: 0, LEAD: 3 };
    expect(depthScore(depth, { OBSERVE: 1, ATTEND: 2, CONTRIBUTE: 3, LEAD: 4 })).toBe(2 + 2 + 12);
    expect(depthScore(depth, { OBSERVE: 0, ATTEND: 0, CONTRIBUTE: 0, LEAD: 10 })).toBe(30);
    expect(engagementsAtLeast(depth, "ATTEND")).toBe(4);
    expect(engagementsAtLeast(depth, "LEAD")).toBe(3);
  });
});

describe("aggregateEngagements (the reference for the SQL)", () => {
  it("filters by agency", () => {
    const agg = aggregateEngagements(FIXTURE_ENGAGEMENTS, FIXTURE_COMMITTEES, FIXTURE_STANDARDS, { ...FY25, agencyId: "FX-AG2" });
    expect(agg.total).toMatchObject({ engagements: 3, participants: 1, agencies: 1, soleAgencyId: "FX-AG2" });
    expect(Object.keys(agg.committee).sort()).toEqual(["FX-C1", "FX-C4", "FX-C7"]);
    // C7's seat rolls up into C6, which has no seat of FXTWO's own.
    expect(Object.keys(agg.committeeTree).sort()).toEqual(["FX-C1", "FX-C4", "FX-C6", "FX-C7"]);
  });

  it("filters by SDO, and judges standards by engagements in that SDO", () => {
    const agg = aggregateEngagements(FIXTURE_ENGAGEMENTS, FIXTURE_COMMITTEES, FIXTURE_STANDARDS, { ...FY25, sdoId: "FX-S2" });
    expect(Object.keys(agg.sdo)).toEqual(["FX-S2"]);
    // E5, E6, E7, E10, E11, E13.
    expect(agg.total.engagements).toBe(6);
    expect(agg.standardsByStage.PROPOSED).toEqual({ total: 1, engaged: 0 });
    expect(agg.standardsByStage.DEVELOPMENT).toEqual({ total: 0, engaged: 0 });
    expect(agg.unengagedDevelopmentStandardIds).toEqual(["FX-T2"]);
  });

  it("counts standards by stage", () => {
    const agg = aggregateEngagements(FIXTURE_ENGAGEMENTS, FIXTURE_COMMITTEES, FIXTURE_STANDARDS, FY25);
    expect(agg.standardsByStage).toEqual({
      PROPOSED: { total: 1, engaged: 0 },
      DEVELOPMENT: { total: 2, engaged: 2 },
      PUBLISHED: { total: 1, engaged: 0 },
      REVISION: { total: 1, engaged: 0 },
      WITHDRAWN: { total: 0, engaged: 0 },
    });
    expect(agg.unengagedDevelopmentStandardIds).toEqual(["FX-T2", "FX-T4"]);
  });

  it("counts an engagement in several core areas once in each, and once overall", () => {
    const committees: CommitteeRef[] = [{ id: "C", sdoId: "S", parentId: null, coreAreaIds: ["A", "B"], keyApplicationIds: [] }];
    const standards: StandardRef[] = [{ id: "T", sdoId: "S", committeeId: "C", stage: "PUBLISHED", coreAreaIds: ["A"], keyApplicationIds: [] }];
    const e: EngagementFact = { id: "e", participantId: "p", agencyId: "g", committeeId: "C", standardId: "T", role: "MEMBER", depth: "ATTEND", startDate: "2025-01-01", endDate: null, lastConfirmedOn: null };
    const agg = aggregateEngagements([e], committees, standards, FY25);
    expect(agg.coreArea.A?.engagements).toBe(1);
    expect(agg.coreArea.B?.engagements).toBe(1);
    expect(agg.total.engagements).toBe(1);
    expect(agg.coreAreaSdo["A|S"]?.engagements).toBe(1);
  });
});

describe("inventory, activities, areas", () => {
  it("counts what there is to engage in, per subject and cell", () => {
    const inv = countInventory(FIXTURE_COMMITTEES, FIXTURE_STANDARDS, null);
    expect(inv.coreArea["FX-CA-A"]).toEqual({ committees: 3, standards: 1 });
    expect(inv.coreArea["FX-CA-D"]).toBeUndefined();
    expect(inv.sdo["FX-S2"]).toEqual({ committees: 4, standards: 2 });
    expect(inv.sdo["FX-S4"]).toEqual({ committees: 0, standards: 1 });
    expect(inv.coreAreaKeyApplication["FX-CA-A|FX-KA-X"]).toEqual({ committees: 1, standards: 1 });
    expect(inv.coreAreaSdo["FX-CA-B|FX-S1"]).toEqual({ committees: 1, standards: 1 });
    expect(countInventory(FIXTURE_COMMITTEES, FIXTURE_STANDARDS, "FX-S3").coreArea).toEqual({ "FX-CA-E": { committees: 1, standards: 0 } });
  });

  it("counts activities by the day they started, per kind and agency", () => {
    const facts = [
      { agencyId: "a", kind: "TRAINING" as const, startDate: "2024-10-01", sdoId: null },
      { agencyId: "a", kind: "TRAINING" as const, startDate: "2025-09-30", sdoId: "S" },
      { agencyId: "b", kind: "TRAINING" as const, startDate: "2025-01-01", sdoId: null },
      { agencyId: "b", kind: "ADOPTION" as const, startDate: "2025-10-01", sdoId: "S" },
    ];
    const all = countActivities(facts, FY25);
    expect(all.TRAINING).toEqual({ count: 3, agencies: 2 });
    expect(all.ADOPTION).toEqual({ count: 0, agencies: 0 });
    expect(countActivities(facts, { ...FY25, agencyId: "b" }).TRAINING).toEqual({ count: 1, agencies: 1 });
    expect(countActivities(facts, { ...FY25, sdoId: "S" }).TRAINING).toEqual({ count: 1, agencies: 1 });
  });

  it("counts engagements in an area of committees or core areas once each", () => {
    const area = (coreAreaIds: string[], committeeIds: string[]) =>
      countAreaEngagements(FIXTURE_ENGAGEMENTS, FIXTURE_COMMITTEES, FIXTURE_STANDARDS, FY25, { coreAreaIds, committeeIds });
    expect(area(["FX-CA-A"], [])).toBe(5);
    expect(area([], ["FX-C3"])).toBe(3);
    expect(area(["FX-CA-A"], ["FX-C1", "FX-C3"])).toBe(8);
  });
});
