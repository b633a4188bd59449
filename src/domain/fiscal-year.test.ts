import { describe, expect, it } from "vitest";
import {
  addMonths,
  elapsedYears,
  fiscalYearOf,
  fiscalYearPeriod,
  fiscalYearsBetween,
  isIsoDate,
  periodAsOf,
  periodLabel,
  periodYears,
  rangePeriod,
} from "./fiscal-year";

describe("fiscal years run October to September", () => {
  it.each([
    ["2024-09-30", 2024],
    ["2024-10-01", 2025],
    ["2025-01-15", 2025],
    ["2025-09-30", 2025],
    ["2025-12-31", 2026],
  ])("%s is in FY%i", (day, fy) => {
    expect(fiscalYearOf(day)).toBe(fy);
  });

  it("gives the period's bounds and label", () => {
    expect(fiscalYearPeriod(2025)).toEqual({ kind: "fiscalYear", fiscalYear: 2025, start: "2024-10-01", end: "2025-09-30" });
    expect(periodLabel(fiscalYearPeriod(2025))).toBe("FY2025 (2024-10-01 to 2025-09-30)");
    expect(periodLabel(rangePeriod("2023-01-01", "2024-06-30"))).toBe("2023-01-01 to 2024-06-30");
    expect(fiscalYearsBetween(2022, 2025)).toEqual([2022, 2023, 2024, 2025]);
  });
});

describe("dates", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-13-01", false],
    ["2024-1-01", false],
    ["", false],
  ])("isIsoDate(%j) is %s", (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });

  it.each([
    ["2025-09-30", -12, "2024-09-30"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2023-03-31", -1, "2023-02-28"],
    ["2024-12-15", 2, "2025-02-15"],
    ["2025-01-31", -25, "2022-12-31"],
  ])("addMonths(%s, %i) = %s", (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it("refuses a range that ends before it starts", () => {
    expect(() => rangePeriod("2024-02-01", "2024-01-31")).toThrow(/ends before/);
    expect(() => rangePeriod("2024-02-30", "2024-03-31")).toThrow(/YYYY-MM-DD/);
  });
});

describe("as-of day and the period's length", () => {
  const fy = fiscalYearPeriod(2025);
  it("is the period's end once it has passed, else today", () => {
    expect(periodAsOf(fy, "2026-01-01")).toBe("2025-09-30");
    expect(periodAsOf(fy, "2025-03-01")).toBe("2025-03-01");
  });

  it("measures years, counting a fiscal year as one", () => {
    expect(periodYears(fy)).toBe(1);
    expect(periodYears(rangePeriod("2021-10-01", "2023-09-30"))).toBe(2);
    expect(periodYears(rangePeriod("2024-01-01", "2024-01-01"))).toBe(0.01);
  });

  it("scales by the part already elapsed", () => {
    expect(elapsedYears(fy, "2026-01-01")).toBe(1);
    expect(elapsedYears(fy, "2025-03-31")).toBe(0.5);
    expect(elapsedYears(fy, "2024-09-01")).toBe(0.01);
  });
});
