import { describe, expect, it } from "vitest";
import { activityFilterProblems, engagementFilterProblems, isFilterDay, parseActivityFilters, parseEngagementFilters, parseParticipantFilters, toQueryString } from "./list-filters";

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

describe("dates and filter problems", () => {
  it.each(["2025-13-45", "2025-02-30", "2023-02-29", "1899-12-31", "2101-01-01", "0000-01-01", "2025-1-1"])("drops the impossible date %s", (day) => {
    expect(parseEngagementFilters({ to: day }).to).toBeUndefined();
    expect(parseActivityFilters({ from: day }).from).toBeUndefined();
    expect(isFilterDay(day)).toBe(false);
  });

  it("keeps real dates, leap days included", () => {
    expect(parseEngagementFilters({ from: "2024-02-29", to: "2100-12-31" })).toMatchObject({ from: "2024-02-29", to: "2100-12-31" });
  });

  it("names every value an export would silently drop, with the reason", () => {
    expect(engagementFilterProblems({ to: "2025-13-45", q: "x".repeat(101), agency: "a".repeat(65), depth: "DEEP", sort: "drop table", leadership: "maybe" })).toEqual({
      to: "use a real date from 1900 to 2100, like 2025-03-31",
      q: "use at most 100 characters",
      agency: "use at most 64 characters",
      depth: "not one of the allowed values",
      sort: "not one of the allowed values",
    });
    expect(activityFilterProblems({ from: "2025-06-01", to: "2025-01-01" })).toEqual({ to: "must not be before the from date" });
  });

  it("has no problems with a valid view, blanks and repeated params", () => {
    expect(engagementFilterProblems({ q: " smith ", from: "2024-10-01", to: "2025-09-30", sort: "participant", dir: "asc", page: "3", role: "", depth: ["LEAD", "OBSERVE"] })).toEqual({});
    expect(activityFilterProblems({})).toEqual({});
  });
});
