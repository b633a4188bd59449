import { describe, expect, it } from "vitest";
import { identifierProblem, identifierSkeleton, normaliseIdentifier } from "./identifiers";

describe("normaliseIdentifier", () => {
  it.each([
    ["ISO/IEC 27001", "ISO/IEC 27001"],
    ["ISO/IEC\u00a027001", "ISO/IEC 27001"], // non-breaking space
    ["ISO/IEC  27001", "ISO/IEC 27001"], // double space
    ["ISO/IEC ２７００１", "ISO/IEC 27001"], // full-width digits
    ["ISO/IEC\u3000 27001", "ISO/IEC 27001"], // ideographic space
  ])("%j -> %j", (raw, expected) => {
    expect(identifierProblem("Id", raw)).toBeNull();
    expect(normaliseIdentifier(raw)).toBe(expected);
  });
});

describe("identifierProblem", () => {
  it.each([
    ["ISO/IEC\u200b 27001", "invisible character (U+200B zero-width space) at character 8"],
    ["ISO/IEC \u202e10072", "invisible character (U+202E right-to-left override)"],
    ["ISO/IEC \ufeff27001", "invisible character (U+FEFF byte-order mark)"],
    ["ISO/IEC\u2028 27001", "invisible character (U+2028 line separator)"],
    ["ISO\u0000", "a control character (U+0000 NUL)"],
    ["ISO \ud800", "an unpaired surrogate"],
  ])("%j", (raw, expected) => {
    expect(identifierProblem("Standard designation", raw)).toContain(expected);
  });
});

describe("identifierSkeleton", () => {
  it("makes lookalikes collide, and different ids not", () => {
    expect(identifierSkeleton("ISO/IEC 27001")).toBe(identifierSkeleton("ISO/I\u0415C 27001")); // Cyrillic Е
    expect(identifierSkeleton("ISO/IEC 27001")).toBe(identifierSkeleton("iso/iec 27001"));
    expect(identifierSkeleton("ISO/IEC 27001-1")).toBe(identifierSkeleton("ISO/IEC 27001\u20131"));
    expect(identifierSkeleton("ISO/IEC 27001")).not.toBe(identifierSkeleton("ISO/IEC 27002"));
  });
});
