import { describe, expect, it } from "vitest";
import { parseActivityFilters, parseEngagementFilters, parseParticipantFilters, toQueryString } from "./list-filters";

describe("parseEngagementFilters", () => {
  it("defaults", () => {
    expect(parseEngagementFilters({})).toEqual({ status: "all", leadership: false, sort: "startDate", dir: "desc" });
  });

  it("reads every filter", () => {
    const f = parseEngagementFilters({
      q: " smith ", agency: "AG-NIST", participant: "p1", sdo: "s1", committee: "c1", standard: "st1",
      coreArea: "CA-CRYPTO", keyApplication: "APP-CLOUD", depth: "LEAD", role: "CHAIR", status: "active",
      leadership: "1", from: "2024-10-01", to: "2025-09-30", sort: "participant", dir: "asc", page: "3",
    });
    expect(f).toEqual({
      q: "smith", agency: "AG-NIST", participant: "p1", sdo: "s1", committee: "c1", standard: "st1",
      coreArea: "CA-CRYPTO", keyApplication: "APP-CLOUD", depth: "LEAD", role: "CHAIR", status: "active",
      leadership: true, from: "2024-10-01", to: "2025-09-30", sort: "participant", dir: "asc", page: 3,
    });
  });

  it("drops malformed values instead of failing", () => {
    const f = parseEngagementFilters({ depth: "DEEP", role: "KING", status: "x", from: "yesterday", sort: "drop table", dir: "up", page: "-1", agency: "x".repeat(65) });
    expect(f).toEqual({ status: "all", leadership: false, sort: "startDate", dir: "desc" });
  });

  it("takes the first of repeated params", () => {
    expect(parseEngagementFilters({ depth: ["LEAD", "OBSERVE"] }).depth).toBe("LEAD");
  });
});

describe("other lists", () => {
  it("participants default to active, by name", () => {
    expect(parseParticipantFilters({})).toEqual({ status: "active", sort: "name", dir: "asc" });
    expect(parseParticipantFilters({ status: "all", q: "ann" })).toMatchObject({ status: "all", q: "ann" });
  });
  it("activities filter by kind", () => {
    expect(parseActivityFilters({ kind: "TRAINING" }).kind).toBe("TRAINING");
    expect(parseActivityFilters({ kind: "PARTY" }).kind).toBeUndefined();
  });
});

describe("toQueryString", () => {
  it("writes the view back, skipping empty values and page 1, and applies patches", () => {
    const f = parseEngagementFilters({ depth: "LEAD", page: "2" });
    expect(toQueryString(f)).toBe("?depth=LEAD&status=all&sort=startDate&dir=desc&page=2");
    expect(toQueryString(f, { page: 1, depth: undefined })).toBe("?status=all&sort=startDate&dir=desc");
    expect(toQueryString({ leadership: true })).toBe("?leadership=1");
  });
});
