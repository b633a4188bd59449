import { describe, expect, it } from "vitest";
import { assembleDataCall, figureHref, findFigure, flatFigures, type Figure } from "./assembly";
import { FIXTURE_INPUT } from "./fixture";

const f = assembleDataCall(FIXTURE_INPUT);
const pick = (figures: Figure[]) => figures.map((x) => [x.key, x.label, x.value, x.ids]);

describe("assembleDataCall on the hand-computed fixture (FY2026)", () => {
  it("states the year and the agency", () => {
    expect(f).toMatchObject({ fiscalYear: 2026, start: "2025-10-01", end: "2026-09-30", agency: { id: "agA", acronym: "AGA" } });
  });

  it("participation summary: e1..e4 active (e5 starts after, e6 ended before the year)", () => {
    expect(pick(f.participation.summary)).toEqual([
      ["participation.engagements", "Engagements active in the year", 4, ["e1", "e2", "e3", "e4"]],
      // ISO (e1, e2, e3) and IETF (e4, through its standard's committee).
      ["participation.sdos", "SDOs", 2, ["e1", "e2", "e3", "e4"]],
      // c1 (e1, e2), c2 (e3), c3 (e4).
      ["participation.committees", "Committees", 3, ["e1", "e2", "e3", "e4"]],
      // p1 (twice), p2, p3.
      ["participation.representatives", "Distinct representatives", 3, ["e1", "e2", "e3", "e4"]],
      // CHAIR and EDITOR are leadership roles; MEMBER and EXPERT are not.
      ["participation.leadership", "Leadership positions held", 2, ["e1", "e2"]],
      // Started on or after 2025-10-01: e2 (2025-11-01), e4 (2026-09-30).
      ["participation.started", "Seats newly started in the year", 2, ["e2", "e4"]],
      // Ended by 2026-09-30: e2 (2026-03-01), e3 (2025-10-01).
      ["participation.ended", "Seats ended in the year", 2, ["e2", "e3"]],
    ]);
  });

  it("engagements by depth and leadership positions by role", () => {
    expect(pick(f.participation.byDepth)).toEqual([
      ["depth.OBSERVE", "Observe", 0, []],
      ["depth.ATTEND", "Attend", 1, ["e3"]],
      ["depth.CONTRIBUTE", "Contribute", 2, ["e2", "e4"]],
      ["depth.LEAD", "Lead", 1, ["e1"]],
    ]);
    const roles = Object.fromEntries(f.participation.leadershipByRole.map((x) => [x.key, x.ids]));
    expect(roles["role.CHAIR"]).toEqual(["e1"]);
    expect(roles["role.EDITOR"]).toEqual(["e2"]);
    // e6 was a secretary, but not in this year.
    expect(roles["role.SECRETARY"]).toEqual([]);
    expect(f.participation.leadershipByRole.reduce((s, x) => s + x.value, 0)).toBe(2);
  });

  it("by SDO, core area and key application (committee's and standard's areas, sorted by label)", () => {
    expect(pick(f.participation.bySdo)).toEqual([
      ["sdo.s2", "IETF", 1, ["e4"]],
      ["sdo.s1", "ISO", 3, ["e1", "e2", "e3"]],
    ]);
    expect(pick(f.participation.byCoreArea)).toEqual([
      ["coreArea.ca1", "Cryptography", 2, ["e1", "e2"]],
      ["coreArea.ca2", "Identity", 1, ["e3"]],
      // Only through e2's standard ISO/IEC 27001.
      ["coreArea.ca3", "IT security management", 1, ["e2"]],
    ]);
    expect(pick(f.participation.byKeyApplication)).toEqual([
      ["keyApplication.ka1", "Cloud", 2, ["e1", "e2"]],
      ["keyApplication.ka2", "IoT", 1, ["e4"]],
    ]);
  });

  it("use of standards: adoptions started in the year by A-119 category (a5 is last year's)", () => {
    expect(pick(f.standardsUse.byCategory)).toEqual([
      ["use.VOLUNTARY_NEW", "New use of a voluntary consensus standard", 1, ["a1"]],
      ["use.VOLUNTARY_REPLACING_GOVERNMENT_UNIQUE", "Voluntary consensus standard replacing a government-unique one", 1, ["a2"]],
      ["use.GOVERNMENT_UNIQUE", "Government-unique standard used instead of a voluntary one", 1, ["a3"]],
      ["use.UNCATEGORISED", "Adoptions without an A-119 category", 1, ["a4"]],
    ]);
    expect(f.standardsUse.governmentUnique).toEqual([
      { activityId: "a3", title: "Keep the agency key-wrap spec", standardId: "st1", standard: "ISO/IEC 27001", reason: "No consensus standard covers classified key wrapping." },
    ]);
  });

  it("the other activities started in the year, by kind (a8 starts after the year)", () => {
    expect(pick(f.activities)).toEqual([
      ["activity.TRAINING", "Training", 1, ["a6"]],
      ["activity.ADOPTION", "Adoption of a standard", 4, ["a1", "a2", "a3", "a4"]],
      ["activity.INTERNATIONAL_EXCHANGE", "International exchange", 1, ["a7"]],
      ["activity.PUBLIC_PRIVATE_COLLABORATION", "Public–private collaboration", 0, []],
      ["activity.INTERAGENCY_COORDINATION", "Interagency coordination", 0, []],
    ]);
  });

  it("the indicators, by recommendation number, as the coverage engine computed them", () => {
    expect(f.indicators.map((i) => [i.key, i.recommendationNumber, i.value, i.target, i.status])).toEqual([
      ["indicator.REC1-CORE", 1, 0.5, 0.8, "partial"],
      ["indicator.REC8-ADOPTIONS", 8, 4, 3, "met"],
    ]);
  });

  it("every key is unique, and findFigure returns the records behind a figure", () => {
    const keys = flatFigures(f).map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(findFigure(f, "sdo.s1")?.ids).toEqual(["e1", "e2", "e3"]);
    expect(findFigure(f, "indicator.REC1-CORE")).toBeNull();
    expect(findFigure(f, "nope")).toBeNull();
  });

  it("an agency with no records gets zeros, not missing sections", () => {
    const empty = assembleDataCall({ ...FIXTURE_INPUT, engagements: [], activities: [], indicators: [] });
    expect(empty.participation.summary.every((x) => x.value === 0)).toBe(true);
    expect(empty.participation.bySdo).toEqual([]);
    expect(empty.standardsUse.byCategory.map((x) => x.value)).toEqual([0, 0, 0]);
    expect(empty.activities).toHaveLength(5);
  });
});

describe("figureHref", () => {
  it("live engagement figures open the engagement list filtered exactly; the rest the records page", () => {
    expect(figureHref(2026, "agA", "sdo.s1", "live")).toBe("/engagements?agency=agA&from=2025-10-01&to=2026-09-30&status=all&sdo=s1");
    expect(figureHref(2026, "agA", "participation.leadership", "live")).toBe("/engagements?agency=agA&from=2025-10-01&to=2026-09-30&status=all&leadership=1");
    expect(figureHref(2026, "agA", "participation.started", "live")).toBe("/data-calls/2026/agA/records?figure=participation.started&source=live");
    expect(figureHref(2026, "agA", "activity.TRAINING", "live")).toBe("/data-calls/2026/agA/records?figure=activity.TRAINING&source=live");
  });
  it("frozen figures always list the ids the snapshot kept", () => {
    expect(figureHref(2026, "agA", "sdo.s1", 2)).toBe("/data-calls/2026/agA/records?figure=sdo.s1&source=2");
  });
});

describe("assembly order", () => {
  it("does not depend on the order of the rows (ids come out sorted)", () => {
    const shuffled = { ...FIXTURE_INPUT, engagements: [...FIXTURE_INPUT.engagements].reverse(), activities: [...FIXTURE_INPUT.activities].reverse() };
    expect(assembleDataCall(shuffled)).toEqual(f);
  });
});

describe("counted assembly (the draft page: no record ids)", () => {
  it("gives the same figures with the number of records behind each", async () => {
    const { assembleCounted, countedFigures, groupEngagements, recordCount } = await import("./assembly");
    const g = groupEngagements(FIXTURE_INPUT.fiscalYear, FIXTURE_INPUT.engagements, FIXTURE_INPUT.reference);
    const count = (m: ReadonlyMap<string, readonly string[]>) => new Map([...m].map(([k, ids]) => [k, ids.length]));
    const counted = assembleCounted({
      ...FIXTURE_INPUT,
      engagements: {
        ...g,
        active: g.active.length, withSdo: g.withSdo.length, withCommittee: g.withCommittee.length, leadership: g.leadership.length, started: g.started.length, ended: g.ended.length,
        byDepth: count(g.byDepth), byRole: count(g.byRole), bySdo: count(g.bySdo), byCoreArea: count(g.byCoreArea), byKeyApplication: count(g.byKeyApplication),
      },
    });
    expect(counted).toEqual(countedFigures(f));
    // "Distinct representatives" counts 3 people over the 4 engagements behind it.
    const reps = counted.participation.summary.find((x) => x.key === "participation.representatives")!;
    expect([reps.value, recordCount(reps)]).toEqual([3, 4]);
    expect(counted.participation.summary[0]).not.toHaveProperty("ids");
  });
});
