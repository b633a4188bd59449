import { describe, expect, it } from "vitest";
import { DEFAULT_INDICATORS } from "./coverage-defaults";
import { INDICATOR_PARAMS, SHARE_KINDS } from "./coverage-indicators";

describe("default indicators", () => {
  it("measure every recommendation at least once, with unique codes", () => {
    const recs = new Set(DEFAULT_INDICATORS.map((i) => i.recommendationId));
    expect([...recs].sort()).toEqual(["REC-1", "REC-2", "REC-3", "REC-4", "REC-5", "REC-6", "REC-7", "REC-8"]);
    expect(new Set(DEFAULT_INDICATORS.map((i) => i.code)).size).toBe(DEFAULT_INDICATORS.length);
  });

  it.each(DEFAULT_INDICATORS.map((i) => [i.code, i] as const))("%s has valid params and a sensible target", (_, indicator) => {
    expect(INDICATOR_PARAMS[indicator.kind].safeParse(indicator.params).success).toBe(true);
    expect(indicator.target).toBeGreaterThan(0);
    if (SHARE_KINDS.has(indicator.kind)) expect(indicator.target).toBeLessThanOrEqual(1);
  });
});
