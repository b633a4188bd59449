// A small, hand-computed world for the coverage engine: six core areas, two key
// applications, four SDOs, seven committees, five standards, three people in two
// agencies, thirteen engagements — built so that every gap flag fires exactly where listed
// in EXPECTED_GAPS and nowhere else. The unit test runs it through the pure engine; the
// integration test writes it to a database and runs it through the SQL.
//
// FY2025 = 2024-10-01 .. 2025-09-30, as of 2025-09-30; stale (12 months) = last activity
// before 2024-09-30.
//
//   C1 (S1): core area A, key application X   E1 P1 editor (lead) 2024-11-01..   on T1
//                                              E2 P2 member (attend) 2023-05-01..
//                                              E3 P3 expert (contribute) 2022-01-01..2025-03-01
//   C2 (S1): core area B                       E4 P1 member (attend) 2023-01-10..    -> stale
//   C3 (S2): core area C, key application Y    E5 P2 chair (lead) 2024-12-01..
//                                              E6 P1 observer 2025-02-01..          -> one agency
//   C4 (S2): core area A                       E7 P3 delegate (contribute) 2024-10-15..2024-12-31
//   C5 (S3): core area E                       E8 P3 member 2019-01-01..2023-06-30  -> not in FY2025
//                                              E9 P1 member on C2 from 2025-10-15   -> not in FY2025
//   T1 (S1, C1, in development; A, X) engaged; T2 (S2, C3, proposed; C) not;
//   T3 (S2, C3, published) not (no flag); T4 (S1, no committee, under revision; B) not.
//   Core area D has no committee or standard: nothing to engage in, no flag.
//   Maturity: A × X needed (but engaged), C × X needed and not engaged.
//
// The cases of issue 12 (what the numbers mean):
//   C6 (S2): core area F, parent of C7        E11 P1 expert at depth LEAD 2025-01-10.. -> no
//                                              leadership *role*: F is not "led", NO_LEADERSHIP
//                                              for the one person there ("The one ... holds")
//   C7 (S2): core area A, sub-group of C6      E10 P3 convenor (lead) 2024-10-01..
//     C6 direct: 1 engagement; including sub-groups: 2 (P1 and P3, a leader): no flag on C6.
//     E11 on C6 counts for F only, never for A (C7's); E10 counts for A, never for F.
//   S4 has no committees (like NIST): T5 (S4, no committee, in development; core area G)
//                                              E12 P2 editor (lead) at the SDO level, no
//                                              committee, 2024-06-01.., confirmed still active
//                                              2025-06-15 -> not stale (without it: stale)
//   E13 P1 secretary at depth ATTEND on C3 2025-05-01..: role and depth contradict (a row
//     from before entry checked them); it counts as leadership (the role), and the admin
//     list of contradicting rows shows it.
import type { GapCode, SubjectKind } from "./coverage-gaps";
import type { CommitteeRef, EngagementFact, StandardRef } from "./coverage-metrics";
import type { ReportReference } from "./coverage-report";
import { fiscalYearPeriod } from "./fiscal-year";

export const FIXTURE_PERIOD = fiscalYearPeriod(2025);
export const FIXTURE_TODAY = "2026-01-15";
export const FIXTURE_AS_OF = "2025-09-30";

export const FIXTURE_AGENCIES = [
  { id: "FX-AG1", acronym: "FXONE", name: "Fixture agency one" },
  { id: "FX-AG2", acronym: "FXTWO", name: "Fixture agency two" },
];

export const FIXTURE_PARTICIPANTS = [
  { id: "FX-P1", agencyId: "FX-AG1", name: "Pat One" },
  { id: "FX-P2", agencyId: "FX-AG1", name: "Pat Two" },
  { id: "FX-P3", agencyId: "FX-AG2", name: "Pat Three" },
];

export const FIXTURE_REFERENCE: ReportReference = {
  coreAreas: [
    { id: "FX-CA-A", name: "Fixture Alpha" },
    { id: "FX-CA-B", name: "Fixture Beta" },
    { id: "FX-CA-C", name: "Fixture Gamma" },
    { id: "FX-CA-D", name: "Fixture Delta" },
    { id: "FX-CA-E", name: "Fixture Epsilon" },
    { id: "FX-CA-F", name: "Fixture Phi" },
    { id: "FX-CA-G", name: "Fixture Gimel" },
  ],
  keyApplications: [
    { id: "FX-KA-X", name: "Fixture Xray" },
    { id: "FX-KA-Y", name: "Fixture Yankee" },
  ],
  sdos: [
    { id: "FX-S1", acronym: "FXSDO1", name: "Fixture SDO one" },
    { id: "FX-S2", acronym: "FXSDO2", name: "Fixture SDO two" },
    { id: "FX-S3", acronym: "FXSDO3", name: "Fixture SDO three" },
    { id: "FX-S4", acronym: "FXSDO4", name: "Fixture SDO four (no committees)" },
  ],
  committees: [
    { id: "FX-C1", designation: "FX C1", title: "Committee one", sdoId: "FX-S1", parentId: null },
    { id: "FX-C2", designation: "FX C2", title: "Committee two", sdoId: "FX-S1", parentId: null },
    { id: "FX-C3", designation: "FX C3", title: "Committee three", sdoId: "FX-S2", parentId: null },
    { id: "FX-C4", designation: "FX C4", title: "Committee four", sdoId: "FX-S2", parentId: null },
    { id: "FX-C5", designation: "FX C5", title: "Committee five", sdoId: "FX-S3", parentId: null },
    { id: "FX-C6", designation: "FX C6", title: "Committee six (a parent)", sdoId: "FX-S2", parentId: null },
    { id: "FX-C7", designation: "FX C6/WG 7", title: "Working group seven of C6", sdoId: "FX-S2", parentId: "FX-C6" },
  ],
  maturity: [
    { coreAreaId: "FX-CA-A", keyApplicationId: "FX-KA-X", level: "NEEDED" },
    { coreAreaId: "FX-CA-C", keyApplicationId: "FX-KA-X", level: "NEEDED" },
    { coreAreaId: "FX-CA-C", keyApplicationId: "FX-KA-Y", level: "AVAILABLE" },
  ],
  recommendations: [],
  objectives: [],
  agencies: FIXTURE_AGENCIES.map(({ id, acronym }) => ({ id, acronym })),
};

export const FIXTURE_COMMITTEES: CommitteeRef[] = [
  { id: "FX-C1", sdoId: "FX-S1", parentId: null, coreAreaIds: ["FX-CA-A"], keyApplicationIds: ["FX-KA-X"] },
  { id: "FX-C2", sdoId: "FX-S1", parentId: null, coreAreaIds: ["FX-CA-B"], keyApplicationIds: [] },
  { id: "FX-C3", sdoId: "FX-S2", parentId: null, coreAreaIds: ["FX-CA-C"], keyApplicationIds: ["FX-KA-Y"] },
  { id: "FX-C4", sdoId: "FX-S2", parentId: null, coreAreaIds: ["FX-CA-A"], keyApplicationIds: [] },
  { id: "FX-C5", sdoId: "FX-S3", parentId: null, coreAreaIds: ["FX-CA-E"], keyApplicationIds: [] },
  { id: "FX-C6", sdoId: "FX-S2", parentId: null, coreAreaIds: ["FX-CA-F"], keyApplicationIds: [] },
  { id: "FX-C7", sdoId: "FX-S2", parentId: "FX-C6", coreAreaIds: ["FX-CA-A"], keyApplicationIds: [] },
];

export const FIXTURE_STANDARDS: (StandardRef & { designation: string; title: string })[] = [
  { id: "FX-T1", sdoId: "FX-S1", committeeId: "FX-C1", stage: "DEVELOPMENT", coreAreaIds: ["FX-CA-A"], keyApplicationIds: ["FX-KA-X"], designation: "FX 1", title: "Standard one" },
  { id: "FX-T2", sdoId: "FX-S2", committeeId: "FX-C3", stage: "PROPOSED", coreAreaIds: ["FX-CA-C"], keyApplicationIds: [], designation: "FX 2", title: "Standard two" },
  { id: "FX-T3", sdoId: "FX-S2", committeeId: "FX-C3", stage: "PUBLISHED", coreAreaIds: [], keyApplicationIds: [], designation: "FX 3", title: "Standard three" },
  { id: "FX-T4", sdoId: "FX-S1", committeeId: null, stage: "REVISION", coreAreaIds: ["FX-CA-B"], keyApplicationIds: [], designation: "FX 4", title: "Standard four" },
  { id: "FX-T5", sdoId: "FX-S4", committeeId: null, stage: "DEVELOPMENT", coreAreaIds: ["FX-CA-G"], keyApplicationIds: [], designation: "FX SP 5", title: "Standard five (an SDO without committees)" },
];

const engagement = (
  id: string,
  participantId: string,
  committeeId: string | null,
  standardId: string | null,
  role: EngagementFact["role"],
  depth: EngagementFact["depth"],
  startDate: string,
  endDate: string | null,
  lastConfirmedOn: string | null = null,
): EngagementFact => ({
  id,
  participantId,
  agencyId: participantId === "FX-P3" ? "FX-AG2" : "FX-AG1",
  committeeId,
  standardId,
  role,
  depth,
  startDate,
  endDate,
  lastConfirmedOn,
});

export const FIXTURE_ENGAGEMENTS: EngagementFact[] = [
  engagement("FX-E1", "FX-P1", "FX-C1", "FX-T1", "EDITOR", "LEAD", "2024-11-01", null),
  engagement("FX-E2", "FX-P2", "FX-C1", null, "MEMBER", "ATTEND", "2023-05-01", null),
  engagement("FX-E3", "FX-P3", "FX-C1", null, "EXPERT", "CONTRIBUTE", "2022-01-01", "2025-03-01"),
  engagement("FX-E4", "FX-P1", "FX-C2", null, "MEMBER", "ATTEND", "2023-01-10", null),
  engagement("FX-E5", "FX-P2", "FX-C3", null, "CHAIR", "LEAD", "2024-12-01", null),
  engagement("FX-E6", "FX-P1", "FX-C3", null, "OBSERVER", "OBSERVE", "2025-02-01", null),
  engagement("FX-E7", "FX-P3", "FX-C4", null, "DELEGATE", "CONTRIBUTE", "2024-10-15", "2024-12-31"),
  engagement("FX-E8", "FX-P3", "FX-C5", null, "MEMBER", "ATTEND", "2019-01-01", "2023-06-30"),
  engagement("FX-E9", "FX-P1", "FX-C2", null, "DELEGATE", "ATTEND", "2025-10-15", null),
  engagement("FX-E10", "FX-P3", "FX-C7", null, "CONVENOR", "LEAD", "2024-10-01", null),
  engagement("FX-E11", "FX-P1", "FX-C6", null, "EXPERT", "LEAD", "2025-01-10", null),
  engagement("FX-E12", "FX-P2", null, "FX-T5", "EDITOR", "LEAD", "2024-06-01", null, "2025-06-15"),
  engagement("FX-E13", "FX-P1", "FX-C3", null, "SECRETARY", "ATTEND", "2025-05-01", null),
];

/** Fixture engagements whose leadership role and depth contradict (listed for admins). */
export const EXPECTED_CONTRADICTING = ["FX-E13"];

export interface ExpectedGap {
  code: GapCode;
  kind: SubjectKind;
  id: string;
}

const gap = (kind: SubjectKind, id: string, ...codes: GapCode[]): ExpectedGap[] => codes.map((code) => ({ code, kind, id }));

/** Every flag the fixture raises, and no other. */
export const EXPECTED_GAPS: ExpectedGap[] = [
  ...gap("coreArea", "FX-CA-B", "NO_LEADERSHIP", "SINGLE_PARTICIPANT", "STALE"),
  ...gap("coreArea", "FX-CA-C", "SINGLE_AGENCY"),
  ...gap("coreArea", "FX-CA-E", "NO_ENGAGEMENT"),
  ...gap("keyApplication", "FX-KA-Y", "SINGLE_AGENCY"),
  ...gap("sdo", "FX-S3", "NO_ENGAGEMENT"),
  ...gap("committee", "FX-C2", "NO_LEADERSHIP", "SINGLE_PARTICIPANT", "STALE"),
  ...gap("committee", "FX-C3", "SINGLE_AGENCY"),
  ...gap("committee", "FX-C4", "NO_LEADERSHIP", "SINGLE_PARTICIPANT"),
  ...gap("committee", "FX-C5", "NO_ENGAGEMENT"),
  // C6 has a seat of its own and its working group's: judged with it, no flag. C7: one person.
  ...gap("committee", "FX-C7", "SINGLE_PARTICIPANT"),
  ...gap("coreArea", "FX-CA-F", "NO_LEADERSHIP", "SINGLE_PARTICIPANT"),
  ...gap("coreArea", "FX-CA-G", "SINGLE_PARTICIPANT"),
  ...gap("sdo", "FX-S4", "SINGLE_PARTICIPANT"),
  ...gap("coreAreaSdo", "FX-CA-F|FX-S2", "NO_LEADERSHIP", "SINGLE_PARTICIPANT"),
  ...gap("coreAreaSdo", "FX-CA-G|FX-S4", "SINGLE_PARTICIPANT"),
  ...gap("coreAreaKeyApplication", "FX-CA-C|FX-KA-X", "NEEDED_CELL_UNCOVERED"),
  ...gap("coreAreaKeyApplication", "FX-CA-C|FX-KA-Y", "SINGLE_AGENCY"),
  // E10 (a convenor in C7) gives A at S2 a leader; P3 is still its only person.
  ...gap("coreAreaSdo", "FX-CA-A|FX-S2", "SINGLE_PARTICIPANT"),
  ...gap("coreAreaSdo", "FX-CA-B|FX-S1", "NO_LEADERSHIP", "SINGLE_PARTICIPANT", "STALE"),
  ...gap("coreAreaSdo", "FX-CA-C|FX-S2", "SINGLE_AGENCY"),
  ...gap("coreAreaSdo", "FX-CA-E|FX-S3", "NO_ENGAGEMENT"),
  ...gap("standard", "FX-T2", "DEVELOPMENT_STANDARD_UNCOVERED"),
  ...gap("standard", "FX-T4", "DEVELOPMENT_STANDARD_UNCOVERED"),
];

/** A few hand-computed aggregates (FY2025, all agencies). */
export const EXPECTED_CORE_AREA_A = {
  engagements: 5,
  participants: 3,
  agencies: 2,
  soleAgencyId: null,
  leadership: 2,
  depth: { OBSERVE: 0, ATTEND: 1, CONTRIBUTE: 2, LEAD: 2 },
  lastActivity: "2025-03-01",
};

/** FY2025 totals, all agencies: E1-E7 and E10-E13 (E8 ended before, E9 starts after). */
export const EXPECTED_TOTALS = { engagements: 11, participants: 3, agencies: 2, leadership: 5 };

/** Committee C6: direct (its own seat) and including its working group C7. */
export const EXPECTED_C6 = {
  direct: { engagements: 1, participants: 1, leadership: 0 },
  includingSubgroups: { engagements: 2, participants: 2, agencies: 2, leadership: 1 },
};
