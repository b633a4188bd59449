import { describe, expect, it } from "vitest";
import { coverageSettingsInput, indicatorEditValues, indicatorUpdateInput } from "./coverage-inputs";

describe("coverageSettingsInput", () => {
  it("accepts form strings", () => {
    expect(coverageSettingsInput.parse({ weightObserve: "1", weightAttend: "2", weightContribute: "3", weightLead: "5", staleMonths: "18", metPercent: "90", partialPercent: "40", version: "0" })).toEqual({
      weightObserve: 1,
      weightAttend: 2,
      weightContribute: 3,
      weightLead: 5,
      staleMonths: 18,
      metPercent: 90,
      partialPercent: 40,
      version: 0,
    });
  });
  it.each([
    ["weightLead", "101", "Lead must be 100 or less"],
    ["weightObserve", "-1", "Observe must be 0 or more"],
    ["weightAttend", "1.5", "Enter a whole number for Attend"],
    ["staleMonths", "0", "Use at least 1 month"],
    ["staleMonths", "121", "Use at most 120 months"],
    ["metPercent", "101", "Met from must be 100% or less"],
    ["partialPercent", "0", "Partial from must be 1% or more"],
    ["partialPercent", "99.5", "Enter a whole percentage for Partial from"],
    ["metPercent", "40", "“Partial from” cannot be above “met from”"],
  ])("%s = %s: %s", (field, value, message) => {
    const result = coverageSettingsInput.safeParse({
      weightObserve: "1", weightAttend: "2", weightContribute: "3", weightLead: "4", staleMonths: "12", metPercent: "100", partialPercent: "50", version: "1",
      [field]: value,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });
});

describe("indicator edits", () => {
  const base = { id: "i", version: "3", name: "N", unit: "u", target: "40" };
  const parse = (extra: Record<string, unknown>) => indicatorUpdateInput.parse({ ...base, ...extra });

  it("stores a share target as a fraction", () => {
    expect(indicatorEditValues("CORE_AREA_COVERAGE", parse({ minDepth: "LEAD" }))).toEqual({ ok: true, target: 0.4, params: { minDepth: "LEAD" } });
    expect(indicatorEditValues("ACTIVITY_COUNT", parse({ activityKind: "TRAINING" }))).toEqual({ ok: true, target: 40, params: { activityKind: "TRAINING" } });
  });

  it("keeps checkbox lists, single or repeated", () => {
    expect(indicatorEditValues("STAGE_ENGAGEMENT", parse({ stages: "PROPOSED" }))).toMatchObject({ ok: true, params: { stages: ["PROPOSED"] } });
    expect(indicatorEditValues("AREA_ENGAGEMENT", parse({ committeeIds: ["C-1", "C-2"] }))).toMatchObject({ ok: true, params: { coreAreaIds: [], committeeIds: ["C-1", "C-2"] } });
  });

  it.each([
    ["CORE_AREA_COVERAGE", {}, { minDepth: ["Choose the minimum depth"] }],
    ["ACTIVITY_PER_AGENCY", { activityKind: "NOPE" }, { activityKind: ["Choose the kind of activity"] }],
    ["STAGE_ENGAGEMENT", {}, { stages: ["Pick at least one stage"] }],
    ["AREA_ENGAGEMENT", {}, { coreAreaIds: ["Pick at least one core area or committee"] }],
    ["CORE_AREA_COVERAGE", { minDepth: "LEAD", target: "120" }, { target: ["A share cannot be more than 100%"] }],
  ] as const)("%s with %j is refused", (kind, extra, fieldErrors) => {
    expect(indicatorEditValues(kind, parse(extra))).toEqual({ ok: false, fieldErrors });
  });
});
