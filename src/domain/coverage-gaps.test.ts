import { describe, expect, it } from "vitest";
import { emptyMetrics, type GroupMetrics } from "./coverage-metrics";
import { flagSubject, flagUncoveredStandard, rankGaps, staleCutoff, type FlagContext, type FlagSubject, type UnrankedGap } from "./coverage-gaps";

const ctx: FlagContext = { asOf: "2025-09-30", staleMonths: 12, agencyAcronym: null, agencyAcronyms: new Map([["AG-N", "NIST"]]) };
const area: FlagSubject = { kind: "coreArea", phrase: "Network Security", inventory: { committees: 2, standards: 0 } };
const metrics = (m: Partial<GroupMetrics>): GroupMetrics => ({ ...emptyMetrics(), ...m });
const healthy = metrics({ engagements: 5, participants: 3, agencies: 2, leadership: 1, lastActivity: "2025-06-01" });

describe("flagSubject", () => {
  it.each<[string, FlagSubject, GroupMetrics, string[]]>([
    ["healthy coverage raises nothing", area, healthy, []],
    ["nothing engaged where committees exist", area, emptyMetrics(), ["NO_ENGAGEMENT"]],
    ["nothing engaged and nothing to engage in", { ...area, inventory: { committees: 0, standards: 0 } }, emptyMetrics(), []],
    ["a committee is always something to engage in", { kind: "committee", phrase: "SC 27", inventory: null }, emptyMetrics(), ["NO_ENGAGEMENT"]],
    ["a needed cell without engagement", { kind: "coreAreaKeyApplication", phrase: "A in X", inventory: { committees: 0, standards: 0 }, maturityNeeded: true }, emptyMetrics(), ["NEEDED_CELL_UNCOVERED"]],
    ["a needed cell with engagement is judged like any other", { kind: "coreAreaKeyApplication", phrase: "A in X", inventory: null, maturityNeeded: true }, healthy, []],
    ["no leadership position", area, { ...healthy, leadership: 0 }, ["NO_LEADERSHIP"]],
    ["one participant (not also 'one agency')", area, { ...healthy, participants: 1, agencies: 1, soleAgencyId: "AG-N" }, ["SINGLE_PARTICIPANT"]],
    ["one agency", area, { ...healthy, agencies: 1, soleAgencyId: "AG-N" }, ["SINGLE_AGENCY"]],
    ["stale: last activity before the cutoff", area, { ...healthy, lastActivity: "2024-09-29" }, ["STALE"]],
    ["not stale on the cutoff day", area, { ...healthy, lastActivity: "2024-09-30" }, []],
    ["not stale when everything starts later", area, { ...healthy, lastActivity: null }, []],
    ["several at once", area, metrics({ engagements: 1, participants: 1, agencies: 1, leadership: 0, lastActivity: "2020-01-01" }), ["NO_LEADERSHIP", "SINGLE_PARTICIPANT", "STALE"]],
  ])("%s", (_, subject, m, codes) => {
    expect(flagSubject(subject, m, ctx).map((f) => f.code)).toEqual(codes);
  });

  it("never says 'single agency' in a one-agency view", () => {
    const flags = flagSubject(area, { ...healthy, agencies: 1, soleAgencyId: "AG-N" }, { ...ctx, agencyAcronym: "NIST" });
    expect(flags).toEqual([]);
  });

  it("writes one readable sentence per flag", () => {
    expect(flagSubject(area, emptyMetrics(), ctx)[0]?.reason).toBe("No federal participant is engaged in Network Security, although 2 committees work on it.");
    expect(flagSubject(area, { ...healthy, agencies: 1, soleAgencyId: "AG-N" }, ctx)[0]?.reason).toBe(
      "All 3 federal participants engaged in Network Security come from a single agency, NIST.",
    );
    expect(flagSubject(area, { ...healthy, leadership: 0 }, { ...ctx, agencyAcronym: "DHS" })[0]?.reason).toBe(
      "Participants from DHS hold no leadership position in Network Security (5 engagements, none as chair, convenor, editor or similar).",
    );
    expect(flagUncoveredStandard({ designation: "ISO/IEC 27099", title: "PKI", stage: "REVISION", sdoAcronym: "ISO/IEC JTC 1" }, null).reason).toBe(
      "ISO/IEC 27099 (PKI) is under revision at ISO/IEC JTC 1 and no federal participant works on it.",
    );
  });

  it.each([
    ["2025-09-30", 12, "2024-09-30"],
    ["2025-03-31", 1, "2025-02-28"],
  ])("stale cutoff of %s minus %i months is %s", (asOf, months, cutoff) => {
    expect(staleCutoff(asOf, months)).toBe(cutoff);
  });
});

describe("rankGaps", () => {
  const gap = (code: UnrankedGap["code"], kind: UnrankedGap["subject"]["kind"], label: string): UnrankedGap => ({
    code,
    reason: "",
    subject: { kind, id: label, label },
    drill: { kind: "engagements" },
  });
  it("orders by flag weight x subject weight, then subject kind, then label", () => {
    const ranked = rankGaps([
      gap("STALE", "committee", "C"),
      gap("NO_ENGAGEMENT", "committee", "B"),
      gap("NO_ENGAGEMENT", "committee", "A"),
      gap("SINGLE_PARTICIPANT", "coreArea", "Z"),
      gap("NO_ENGAGEMENT", "coreArea", "Y"),
      gap("DEVELOPMENT_STANDARD_UNCOVERED", "standard", "S"),
      gap("NEEDED_CELL_UNCOVERED", "coreAreaKeyApplication", "N"),
    ]);
    expect(ranked.map((g) => `${g.rank} ${g.subject.label} ${g.severity}`)).toEqual([
      "1 Y 50",
      "2 N 36",
      "3 Z 35",
      "4 A 20",
      "5 B 20",
      "6 C 6",
      "7 S 3",
    ]);
  });
});
