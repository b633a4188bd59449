import { describe, expect, it } from "vitest";
import {
  LEADERSHIP_ROLES,
  DEMO_START_DATE,
  WeightedTable,
  createRng,
  planDemoData,
  type DemoOptions,
  type DemoPlan,
  type DemoUniverse,
} from "./demo-data";

// A small universe shaped like the reference data: agencies with the real acronyms, ten
// core areas, six key applications, committees and standards linked to them.
const CORE = ["CA-CRYPTO", "CA-CIM", "CA-IAM", "CA-ISMS", "CA-EVAL", "CA-NET", "CA-SACM", "CA-SWA", "CA-SCRM", "CA-SSE"];
const APPS = ["APP-CLOUD", "APP-EM", "APP-ICS", "APP-HEALTH", "APP-GRID", "APP-VOTING"];
const ACRONYMS = [
  "NIST", "NSA", "DHS", "CISA", "DOD", "DISA", "Navy", "NIAP", "DOE", "DOS", "FBI", "FDA", "HHS", "ONC", "NTIA",
  "FCC", "GSA", "FAA", "NASA", "Treasury", "DOT", "DOC", "FEMA", "ODNI", "EAC", "ITA", "S/CCI", "DOJ",
  "CFTC", "SBA", "EOP", "OMB", "ONCD", "NSC",
];

function universe(): DemoUniverse {
  const committees: DemoUniverse["committees"] = [];
  for (let i = 0; i < 40; i++) {
    committees.push({
      id: `C-${i}`,
      sdoId: `SDO-${i % 7}`,
      designation: `Committee ${i}`,
      coreAreaIds: i % 8 === 7 ? [] : [CORE[i % CORE.length] as string],
      keyApplicationIds: i % 5 === 0 ? [APPS[i % APPS.length] as string] : [],
    });
  }
  // A few unlinked committees, like JTC 1 itself.
  committees.push({ id: "C-ROOT", sdoId: "SDO-0", designation: "Root", coreAreaIds: [], keyApplicationIds: [] });
  const standards: DemoUniverse["standards"] = [];
  for (let i = 0; i < 100; i++) {
    const committee = committees[i % committees.length] as DemoUniverse["committees"][number];
    standards.push({
      id: `STD-${i}`,
      sdoId: committee.sdoId,
      committeeId: i % 10 === 9 ? null : committee.id,
      designation: `Standard ${i}`,
      coreAreaIds: committee.coreAreaIds,
      keyApplicationIds: committee.keyApplicationIds,
    });
  }
  return {
    agencies: ACRONYMS.map((acronym) => ({ id: `AG-${acronym}`, acronym })),
    coreAreas: CORE.map((id) => ({ id, name: id.replace("CA-", "") })),
    keyApplicationIds: APPS,
    committees,
    standards,
  };
}

const NOW = new Date("2026-03-15T12:00:00Z");
const OPTIONS: DemoOptions = { seed: 42, participants: 400, engagements: 2500, activities: 300, extraStandards: 200, now: NOW };

function plan(overrides: Partial<DemoOptions> = {}): DemoPlan {
  return planDemoData(universe(), { ...OPTIONS, ...overrides });
}

function engagementsPerArea(p: DemoPlan, u: DemoUniverse) {
  const committees = new Map(u.committees.map((c) => [c.id, c]));
  const standards = new Map([...u.standards, ...p.standards].map((s) => [s.id, s]));
  const count = new Map<string, number>();
  for (const e of p.engagements) {
    const areas = new Set<string>();
    const c = e.committeeId ? committees.get(e.committeeId) : undefined;
    const s = e.standardId ? standards.get(e.standardId) : undefined;
    for (const id of [...(c?.coreAreaIds ?? []), ...(c?.keyApplicationIds ?? []), ...(s?.coreAreaIds ?? []), ...(s?.keyApplicationIds ?? [])]) {
      areas.add(id);
    }
    for (const id of areas) count.set(id, (count.get(id) ?? 0) + 1);
  }
  return count;
}

describe("planDemoData", () => {
  const p = plan();
  const u = universe();

  it("is deterministic for a seed and differs between seeds", () => {
    expect(plan()).toEqual(p);
    const other = plan({ seed: 43 });
    expect(other.engagements).not.toEqual(p.engagements);
    expect(other.participants.map((x) => x.name)).not.toEqual(p.participants.map((x) => x.name));
  });

  it("produces the requested counts with unique ids", () => {
    expect(p.participants).toHaveLength(400);
    expect(p.engagements).toHaveLength(2500);
    expect(p.activities).toHaveLength(300);
    expect(p.standards).toHaveLength(200);
    const ids = [...p.participants, ...p.engagements, ...p.activities, ...p.standards].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith("demo-"))).toBe(true);
  });

  it("makes synthetic people with per-agency unique emails", () => {
    const keys = p.participants.map((x) => `${x.agencyId}|${x.email}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const x of p.participants) {
      expect(x.email).toMatch(/^[a-z]+\.[a-z]+\.\d+@[a-z0-9]+\.example\.gov$/);
      expect(x.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    }
  });

  it("references only committees and standards that exist", () => {
    const committees = new Set(u.committees.map((c) => c.id));
    const standards = new Set([...u.standards, ...p.standards].map((s) => s.id));
    const participants = new Map(p.participants.map((x) => [x.id, x]));
    for (const e of p.engagements) {
      expect(e.committeeId !== null || e.standardId !== null).toBe(true);
      if (e.committeeId) expect(committees.has(e.committeeId)).toBe(true);
      if (e.standardId) expect(standards.has(e.standardId)).toBe(true);
      expect(participants.get(e.participantId)?.agencyId).toBe(e.agencyId);
    }
    for (const s of p.standards) {
      expect(committees.has(s.committeeId)).toBe(true);
      expect(s.designation).toMatch(/^SYN-[A-Z]+-\d{5}$/);
    }
  });

  it("never duplicates an active seat (participant, committee, standard, role)", () => {
    const active = p.engagements
      .filter((e) => e.endDate === null)
      .map((e) => `${e.participantId}|${e.committeeId ?? ""}|${e.standardId ?? ""}|${e.role}`);
    expect(new Set(active).size).toBe(active.length);
  });

  it("keeps leaders a minority, always at LEAD depth", () => {
    const leaders = p.engagements.filter((e) => LEADERSHIP_ROLES.has(e.role));
    expect(leaders.length / p.engagements.length).toBeGreaterThan(0.08);
    expect(leaders.length / p.engagements.length).toBeLessThan(0.3);
    expect(leaders.every((e) => e.depth === "LEAD")).toBe(true);
    expect(p.engagements.filter((e) => e.role === "OBSERVER").every((e) => e.depth === "OBSERVE")).toBe(true);
  });

  it("ends roughly a quarter of engagements, never before they start", () => {
    const ended = p.engagements.filter((e) => e.endDate !== null);
    expect(ended.length / p.engagements.length).toBeGreaterThan(0.2);
    expect(ended.length / p.engagements.length).toBeLessThan(0.3);
    for (const e of ended) expect((e.endDate as string) >= e.startDate).toBe(true);
  });

  it("spreads start dates over FY2016..now and never into the future", () => {
    const today = NOW.toISOString().slice(0, 10);
    const years = new Set<string>();
    for (const e of [...p.engagements, ...p.activities]) {
      expect(e.startDate >= DEMO_START_DATE).toBe(true);
      expect(e.startDate <= today).toBe(true);
      if (e.endDate) expect(e.endDate <= today).toBe(true);
      years.add(e.startDate.slice(0, 4));
    }
    for (let y = 2016; y <= 2026; y++) expect(years.has(String(y))).toBe(true);
  });

  it("weights agencies unevenly: NIST, DHS, NSA, DoD heavy; some agencies have nobody", () => {
    const perAgency = new Map<string, number>();
    for (const e of p.engagements) perAgency.set(e.agencyId, (perAgency.get(e.agencyId) ?? 0) + 1);
    const share = (acronyms: string[]) =>
      acronyms.reduce((n, a) => n + (perAgency.get(`AG-${a}`) ?? 0), 0) / p.engagements.length;
    expect(share(["NIST", "DHS", "CISA", "NSA", "DOD", "DISA", "Navy", "NIAP"])).toBeGreaterThan(0.6);
    expect(share(["NIST"])).toBeGreaterThan(share(["DOE"]) * 3);
    const withPeople = new Set(p.participants.map((x) => x.agencyId));
    expect(ACRONYMS.length - withPeople.size).toBeGreaterThanOrEqual(5);
  });

  it("leaves a couple of core areas and a key application with zero engagements, one more nearly so", () => {
    const count = engagementsPerArea(p, u);
    const [zeroA, zeroB, nearCore] = p.thinCoreAreaIds as [string, string, string];
    expect(count.get(zeroA) ?? 0).toBe(0);
    expect(count.get(zeroB) ?? 0).toBe(0);
    const average = p.engagements.length / CORE.length;
    expect(count.get(nearCore) ?? 0).toBeLessThan(average * 0.1);
    const [zeroApp] = p.thinKeyApplicationIds as [string];
    expect(count.get(zeroApp) ?? 0).toBe(0);
    // ...while the others are covered.
    const covered = CORE.filter((id) => !p.thinCoreAreaIds.includes(id));
    expect(covered.every((id) => (count.get(id) ?? 0) > 0)).toBe(true);
  });

  it("covers all five activity kinds unevenly, with titles", () => {
    const perKind = new Map<string, number>();
    for (const a of p.activities) {
      perKind.set(a.kind, (perKind.get(a.kind) ?? 0) + 1);
      expect(a.title.length).toBeGreaterThan(5);
    }
    expect(perKind.size).toBe(5);
    const counts = [...perKind.values()].sort((a, b) => a - b);
    expect((counts[4] as number) / (counts[0] as number)).toBeGreaterThan(2);
  });

  it("gives every adoption, and only adoptions, an A-119 category; government-unique ones an explanation", () => {
    const adoptions = p.activities.filter((a) => a.kind === "ADOPTION");
    expect(adoptions.every((a) => a.standardUse !== null)).toBe(true);
    expect(new Set(adoptions.map((a) => a.standardUse)).size).toBe(3);
    expect(p.activities.filter((a) => a.kind !== "ADOPTION").every((a) => a.standardUse === null && a.governmentUniqueReason === null)).toBe(true);
    expect(adoptions.every((a) => (a.standardUse === "GOVERNMENT_UNIQUE") === (a.governmentUniqueReason !== null))).toBe(true);
  });

  it("rejects a clock before FY2016", () => {
    expect(() => plan({ now: new Date("2015-01-01T00:00:00Z") })).toThrow(/on or after/);
  });

  // How fast is for bench/ (bench:coverage --generate prints the planning time), not for
  // a test: here only that the large plan comes out whole.
  it("plans 100k engagements", () => {
    const big = plan({ participants: 5000, engagements: 100_000, activities: 5000, extraStandards: 10_000 });
    expect(big.engagements).toHaveLength(100_000);
    expect(big.participants).toHaveLength(5000);
    expect(big.activities).toHaveLength(5000);
    expect(big.standards.length).toBeGreaterThanOrEqual(10_000);
  });
});

describe("WeightedTable", () => {
  it("never picks zero-weight items and follows the weights", () => {
    const table = new WeightedTable<string>([
      ["a", 1],
      ["b", 0],
      ["c", 3],
    ]);
    const rng = createRng(1);
    const seen = { a: 0, b: 0, c: 0 } as Record<string, number>;
    for (let i = 0; i < 4000; i++) seen[table.pick(rng)]! += 1;
    expect(seen.b).toBe(0);
    expect((seen.c as number) / (seen.a as number)).toBeGreaterThan(2.5);
  });
});
