import { describe, expect, it } from "vitest";
import { assembleDataCall, type DataCallActivityRow } from "./assembly";
import { FIXTURE_INPUT } from "./fixture";
import type { Narrative } from "./inputs";
import { canonicalJson, changedFigures, compareFigures, snapshotHash } from "./snapshot";

const narrative: Narrative = { importance: "Mission", uses: "Procurement", examples: "TLS", gaps: "PQC" };

describe("canonicalJson and snapshotHash", () => {
  it("ignores key order, keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it("is a sha256 of the content: same content same hash, any change another hash", () => {
    const figures = assembleDataCall(FIXTURE_INPUT);
    const hash = snapshotHash(figures, narrative);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotHash(JSON.parse(JSON.stringify(figures)), { gaps: "PQC", examples: "TLS", uses: "Procurement", importance: "Mission" })).toBe(hash);
    expect(snapshotHash(figures, { ...narrative, gaps: "PQC." })).not.toBe(hash);
    expect(snapshotHash(assembleDataCall({ ...FIXTURE_INPUT, engagements: FIXTURE_INPUT.engagements.slice(1) }), narrative)).not.toBe(hash);
  });
});

describe("snapshot immutability", () => {
  it("a frozen snapshot does not change when the records change afterwards", () => {
    const rows = structuredClone(FIXTURE_INPUT);
    const frozen = JSON.parse(JSON.stringify(assembleDataCall(rows)));
    const frozenHash = snapshotHash(frozen, narrative);
    // Later edits: e1 ends before the year, a new adoption is logged, an activity is re-categorised.
    rows.engagements[0]!.endDate = "2025-06-30";
    (rows.activities as DataCallActivityRow[]).push({ id: "a9", kind: "ADOPTION", title: "Late entry", startDate: "2026-04-01", standardId: "st2", standardUse: "VOLUNTARY_NEW", governmentUniqueReason: null });
    rows.activities[3]!.standardUse = "VOLUNTARY_NEW";
    const live = assembleDataCall(rows);
    expect(snapshotHash(frozen, narrative)).toBe(frozenHash);
    expect(frozen.participation.summary[0].value).toBe(4);
    // What the page shows as "records changed since submission".
    const changes = changedFigures(frozen, live);
    const byKey = Object.fromEntries(changes.map((c) => [c.key, c]));
    expect(byKey["participation.engagements"]).toMatchObject({ before: 4, after: 3, change: -1, added: [], removed: ["e1"] });
    expect(byKey["participation.leadership"]).toMatchObject({ before: 2, after: 1, removed: ["e1"] });
    expect(byKey["use.VOLUNTARY_NEW"]).toMatchObject({ before: 1, after: 3, change: 2, added: ["a4", "a9"] });
    // The uncategorised line disappears from the live report: shown as gone.
    expect(byKey["use.UNCATEGORISED"]).toMatchObject({ before: 1, after: null, change: -1, removed: ["a4"] });
    expect(byKey["participation.started"]).toBeUndefined();
    expect(changedFigures(frozen, assembleDataCall(FIXTURE_INPUT))).toEqual([]);
  });
});

describe("year-over-year comparison", () => {
  it("gives each figure its change against the previous accepted submission", () => {
    const previous = assembleDataCall({ ...FIXTURE_INPUT, fiscalYear: 2025 });
    const current = assembleDataCall(FIXTURE_INPUT);
    const rows = Object.fromEntries(compareFigures(previous, current).map((r) => [r.key, r]));
    // FY2025 (2024-10-01 .. 2025-09-30): e1, e3 (from 2025-09-01) and e6 (until 2025-09-30) were active.
    expect(rows["participation.engagements"]).toMatchObject({ before: 3, after: 4, change: 1 });
    expect(rows["participation.leadership"]).toMatchObject({ before: 2, after: 2, change: 0 });
    // IETF is new this year: no line last year, +1.
    expect(rows["sdo.s2"]).toMatchObject({ before: null, after: 1, change: 1 });
    // FY2025 adoptions: only a5 (2025-09-30).
    expect(rows["activity.ADOPTION"]).toMatchObject({ before: 1, after: 4, change: 3 });
    expect(rows["use.UNCATEGORISED"]).toMatchObject({ before: null, after: 1, change: 1 });
  });
  it("without a previous accepted submission every change is null", () => {
    const rows = compareFigures(null, assembleDataCall(FIXTURE_INPUT));
    expect(rows.every((r) => r.change === null && r.before === null)).toBe(true);
  });
});
