import { describe, expect, it } from "vitest";
import { assembleDataCall } from "./assembly";
import { buildRollUp } from "./board";
import { rollUpCsv, submissionCsv } from "./export";
import { FIXTURE_INPUT } from "./fixture";

const narrative = { importance: "=cmd()", uses: "In procurement, mostly", examples: "TLS", gaps: "PQC" };

describe("data-call CSV", () => {
  it("one submission: meta, every figure with its record ids, narrative (formulas neutralised)", () => {
    const csv = submissionCsv({ fiscalYear: 2026, agency: "AGA", status: "SUBMITTED", version: 1, contentHash: "abc" }, assembleDataCall(FIXTURE_INPUT), narrative);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("section,key,label,value,record_count,record_ids");
    expect(lines).toContain("meta,content_hash,Content hash (sha256),abc,,");
    expect(lines).toContain("sdo,sdo.s1,ISO,3,3,e1 e2 e3");
    expect(lines).toContain("indicator,indicator.REC8-ADOPTIONS,Adoptions,4,,");
    expect(lines).toContain("narrative,narrative.importance,Importance of standards to the mission,'=cmd(),,");
    expect(lines).toContain('narrative,narrative.uses,How the agency uses standards,"In procurement, mostly",,');
    expect(lines.some((l) => l.startsWith("government_unique,government_unique.a3,"))).toBe(true);
  });
  it("the roll-up: a total row per line, then one row per agency", () => {
    const rollUp = buildRollUp(2026, [{ agencyId: "agA", acronym: "AGA", snapshotVersion: 1, contentHash: "h", figures: assembleDataCall(FIXTURE_INPUT) }]);
    const lines = rollUpCsv(rollUp).trim().split("\r\n");
    expect(lines[0]).toBe("section,key,label,total,agency,agency_value");
    expect(lines).toContain("totals,participation.engagements,Engagements active in the year,4,ALL,4");
    expect(lines).toContain("totals,participation.engagements,Engagements active in the year,4,AGA,4");
    expect(lines).toContain("sdo,sdo.s1,ISO,3,AGA,3");
  });
});
