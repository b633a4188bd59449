import { describe, expect, it } from "vitest";
import { assembleDataCall } from "./assembly";
import { boardStatus, buildBoard, buildRollUp } from "./board";
import { FIXTURE_INPUT } from "./fixture";

describe("boardStatus with a fixed clock", () => {
  it.each([
    ["NOT_STARTED", "2026-11-30", "NOT_STARTED"],
    ["NOT_STARTED", "2026-12-01", "OVERDUE"],
    ["DRAFT", "2026-12-01", "OVERDUE"],
    ["RETURNED", "2026-12-01", "OVERDUE"],
    ["SUBMITTED", "2026-12-01", "SUBMITTED"],
    ["ACCEPTED", "2027-05-01", "ACCEPTED"],
    ["DRAFT", "2026-11-30", "DRAFT"],
  ] as const)("%s on %s (due 2026-11-30) -> %s", (status, today, expected) => {
    expect(boardStatus(status, "2026-11-30", today)).toBe(expected);
  });

  it("lists every agency, counts statuses, reminds the late first", () => {
    const agencies = [
      { id: "b", acronym: "BBB", name: "B" },
      { id: "a", acronym: "AAA", name: "A" },
      { id: "c", acronym: "CCC", name: "C" },
    ];
    const board = buildBoard(agencies, [{ agencyId: "b", status: "SUBMITTED", snapshotVersion: 1 }, { agencyId: "c", status: "DRAFT", snapshotVersion: 0 }], "2026-11-30", "2026-12-02");
    expect(board.rows.map((r) => [r.acronym, r.board])).toEqual([["AAA", "OVERDUE"], ["BBB", "SUBMITTED"], ["CCC", "OVERDUE"]]);
    expect(board.counts).toMatchObject({ OVERDUE: 2, SUBMITTED: 1, NOT_STARTED: 0 });
    expect(board.reminders.map((r) => r.acronym)).toEqual(["AAA", "CCC"]);
  });
});

describe("buildRollUp", () => {
  it("sums the accepted submissions and keeps each agency's contribution", () => {
    const a = assembleDataCall(FIXTURE_INPUT);
    const b = assembleDataCall({ ...FIXTURE_INPUT, agency: { id: "agB", acronym: "AGB", name: "B" }, engagements: FIXTURE_INPUT.engagements.slice(0, 1), activities: [] });
    const rollUp = buildRollUp(2026, [
      { agencyId: "agB", acronym: "AGB", snapshotVersion: 2, contentHash: "h2", figures: b },
      { agencyId: "agA", acronym: "AGA", snapshotVersion: 1, contentHash: "h1", figures: a },
    ]);
    expect(rollUp.agencies.map((x) => x.acronym)).toEqual(["AGA", "AGB"]);
    const total = rollUp.totals.find((l) => l.key === "participation.engagements")!;
    expect(total).toMatchObject({ total: 5, byAgency: [{ acronym: "AGA", value: 4 }, { acronym: "AGB", value: 1 }] });
    expect(rollUp.bySdo.map((l) => [l.label, l.total])).toEqual([["ISO", 4], ["IETF", 1]]);
    expect(rollUp.byCoreArea.find((l) => l.label === "Cryptography")?.total).toBe(3);
    expect(rollUp.activities.find((l) => l.key === "activity.ADOPTION")).toMatchObject({ total: 4, byAgency: [{ acronym: "AGA", value: 4 }] });
  });
});
