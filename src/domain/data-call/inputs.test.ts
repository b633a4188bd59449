import { describe, expect, it } from "vitest";
import { z } from "zod";
import { narrativeGaps, narrativeInput, openDataCallInput, reviewInput } from "./inputs";

const errors = (schema: z.ZodType, value: unknown): Record<string, string[] | undefined> => {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
};

describe("data-call inputs", () => {
  it("open: fiscal year range, a real due date, instructions", () => {
    expect(openDataCallInput.parse({ fiscalYear: "2026", dueDate: "2026-11-30", instructions: "  Report FY2026 activity.  " })).toEqual({
      fiscalYear: 2026, dueDate: "2026-11-30", instructions: "Report FY2026 activity.",
    });
    expect(errors(openDataCallInput, { fiscalYear: "1999", dueDate: "2026-02-30", instructions: "short" })).toEqual({
      fiscalYear: ["The fiscal year must be 2000 or later"],
      dueDate: ["Enter the due date as a real date (YYYY-MM-DD)"],
      instructions: ["Write at least 10 characters for the instructions"],
    });
  });
  it("narrative text refuses NUL bytes and lone surrogates with a clear message", () => {
    const base = { dataCallId: "d", agencyId: "a", revision: 1, importance: "", uses: "", examples: "", gaps: "" };
    expect(narrativeInput.safeParse(base).success).toBe(true);
    expect(errors(narrativeInput, { ...base, importance: "a\u0000b" }).importance?.[0]).toMatch(/^The importance of standards contains control characters \(U\+0000 NUL at character 2\)/);
    expect(errors(narrativeInput, { ...base, gaps: "x\ud800" }).gaps?.[0]).toMatch(/unpaired surrogate/);
    expect(errors(narrativeInput, { ...base, uses: "x".repeat(10_001) }).uses).toEqual(["How the agency uses standards must be at most 10,000 characters"]);
  });
  it("every narrative field must be written before submitting", () => {
    expect(narrativeGaps({ importance: "a", uses: " ", examples: "b", gaps: "" })).toEqual({
      uses: ["Write “How the agency uses standards” before submitting"],
      gaps: ["Write “Gaps and priorities” before submitting"],
    });
  });
  it("a return needs a reason; an acceptance does not", () => {
    expect(errors(reviewInput, { submissionId: "s", snapshotVersion: 1, decision: "RETURNED", reason: "no" })).toEqual({
      reason: ["Write at least 10 characters saying why it is returned"],
    });
    expect(reviewInput.safeParse({ submissionId: "s", snapshotVersion: 1, decision: "ACCEPTED" }).success).toBe(true);
  });
});
