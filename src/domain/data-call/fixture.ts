// A hand-computed data-call fixture (FY2026 = 2025-10-01 .. 2026-09-30), shared by the
// unit tests of the assembly, the snapshot and the board. The expected figures are written
// out in assembly.test.ts, each with the reasoning behind it.
import type { AssemblyInput } from "./assembly";

export const FIXTURE_INPUT: AssemblyInput = {
  fiscalYear: 2026,
  agency: { id: "agA", acronym: "AGA", name: "Agency A" },
  reference: {
    sdos: [
      { id: "s1", acronym: "ISO" },
      { id: "s2", acronym: "IETF" },
    ],
    committees: [
      { id: "c1", designation: "ISO/SC 27", sdoId: "s1", coreAreaIds: ["ca1"], keyApplicationIds: ["ka1"] },
      { id: "c2", designation: "ISO/SC 37", sdoId: "s1", coreAreaIds: ["ca2"], keyApplicationIds: [] },
      { id: "c3", designation: "IETF/TLS", sdoId: "s2", coreAreaIds: ["ca1"], keyApplicationIds: ["ka2"] },
    ],
    standards: [
      { id: "st1", designation: "ISO/IEC 27001", sdoId: "s1", committeeId: "c1", coreAreaIds: ["ca3"], keyApplicationIds: [] },
      { id: "st2", designation: "RFC 8446", sdoId: "s2", committeeId: "c3", coreAreaIds: [], keyApplicationIds: ["ka2"] },
    ],
    coreAreas: [
      { id: "ca1", name: "Cryptography" },
      { id: "ca2", name: "Identity" },
      { id: "ca3", name: "IT security management" },
    ],
    keyApplications: [
      { id: "ka1", name: "Cloud" },
      { id: "ka2", name: "IoT" },
    ],
  },
  engagements: [
    // Active all year, a leadership seat started long ago.
    { id: "e1", participantId: "p1", committeeId: "c1", standardId: null, role: "CHAIR", depth: "LEAD", startDate: "2024-01-01", endDate: null },
    // Started and ended inside the year; its standard adds core area ca3.
    { id: "e2", participantId: "p1", committeeId: "c1", standardId: "st1", role: "EDITOR", depth: "CONTRIBUTE", startDate: "2025-11-01", endDate: "2026-03-01" },
    // Ends on the first day of the year: active, and ended in the year.
    { id: "e3", participantId: "p2", committeeId: "c2", standardId: null, role: "MEMBER", depth: "ATTEND", startDate: "2025-09-01", endDate: "2025-10-01" },
    // No committee of its own: counts under its standard's committee c3 / SDO s2; core areas
    // come from its own committee (none) and its standard (none); key application ka2.
    { id: "e4", participantId: "p3", committeeId: null, standardId: "st2", role: "EXPERT", depth: "CONTRIBUTE", startDate: "2026-09-30", endDate: null },
    // Starts the day after the year: not counted.
    { id: "e5", participantId: "p2", committeeId: "c3", standardId: null, role: "OBSERVER", depth: "OBSERVE", startDate: "2026-10-01", endDate: null },
    // Ended the day before the year: not counted.
    { id: "e6", participantId: "p4", committeeId: "c1", standardId: null, role: "SECRETARY", depth: "LEAD", startDate: "2020-01-01", endDate: "2025-09-30" },
  ],
  activities: [
    { id: "a1", kind: "ADOPTION", title: "Adopt ISO/IEC 27001", startDate: "2025-12-01", standardId: "st1", standardUse: "VOLUNTARY_NEW", governmentUniqueReason: null },
    { id: "a2", kind: "ADOPTION", title: "TLS 1.3 replaces the agency profile", startDate: "2026-02-01", standardId: "st2", standardUse: "VOLUNTARY_REPLACING_GOVERNMENT_UNIQUE", governmentUniqueReason: null },
    { id: "a3", kind: "ADOPTION", title: "Keep the agency key-wrap spec", startDate: "2026-05-01", standardId: "st1", standardUse: "GOVERNMENT_UNIQUE", governmentUniqueReason: "No consensus standard covers classified key wrapping." },
    { id: "a4", kind: "ADOPTION", title: "Logged before categories", startDate: "2026-01-10", standardId: "st2", standardUse: null, governmentUniqueReason: null },
    { id: "a5", kind: "ADOPTION", title: "Last year's adoption", startDate: "2025-09-30", standardId: "st1", standardUse: "VOLUNTARY_NEW", governmentUniqueReason: null },
    { id: "a6", kind: "TRAINING", title: "SC 27 onboarding", startDate: "2025-10-01", standardId: null, standardUse: null, governmentUniqueReason: null },
    { id: "a7", kind: "INTERNATIONAL_EXCHANGE", title: "Exchange with BSI", startDate: "2026-09-30", standardId: null, standardUse: null, governmentUniqueReason: null },
    { id: "a8", kind: "INTERAGENCY_COORDINATION", title: "Next year's meeting", startDate: "2026-10-01", standardId: null, standardUse: null, governmentUniqueReason: null },
  ],
  indicators: [
    { code: "REC8-ADOPTIONS", recommendationNumber: 8, recommendationTitle: "Adopt", name: "Adoptions", unit: "adoptions", format: "number", value: 4, target: 3, status: "met", drill: { kind: "activities", activityKind: "ADOPTION" } },
    { code: "REC1-CORE", recommendationNumber: 1, recommendationTitle: "Participate", name: "Core areas covered", unit: "share", format: "percent", value: 0.5, target: 0.8, status: "partial", drill: null },
  ],
};
