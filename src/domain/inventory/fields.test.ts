import { describe, expect, it } from "vitest";
import { coreAreasField, designationField, enumKey, noteField, provenanceField, sdoAcronymField, sourceField, stageField, titleField, yearField } from "./fields";

describe("inventory fields", () => {
  it.each([
    ["confirmed (secondary)", "CONFIRMED_SECONDARY"],
    ["General knowledge", "GENERAL_KNOWLEDGE"],
    ["INFERRED", "INFERRED"],
  ])("provenance %s -> %s", (input, out) => expect(provenanceField.parse(input)).toBe(out));
  it.each([
    ["published", "PUBLISHED"],
    ["In development", "DEVELOPMENT"],
    ["under-revision", "REVISION"],
  ])("stage %s -> %s", (input, out) => expect(stageField.parse(input)).toBe(out));
  it("year: missing is not given, blank clears, text is refused", () => {
    expect(yearField.parse(undefined)).toBeUndefined();
    expect(yearField.parse("")).toBeNull();
    expect(yearField.parse(" 2015 ")).toBe(2015);
    expect(yearField.safeParse("1850").success).toBe(false);
  });
  it("note and lists: blank clears, missing is not given", () => {
    expect(noteField.parse(undefined)).toBeUndefined();
    expect(noteField.parse("  ")).toBeNull();
    expect(coreAreasField.parse(undefined)).toBeUndefined();
    expect(coreAreasField.parse("")).toEqual([]);
    expect(coreAreasField.parse("a; b;a\nc")).toEqual(["a", "b", "c"]);
  });
  it("normalises enum spellings", () => expect(enumKey(" confirmed - secondary ")).toBe("CONFIRMED_SECONDARY"));

  it.each(["0x7E9", "2e3", "0b11111010001", "0o3721", "2015.0", "+2015", "-2015", " 20 15 "])("year %j: decimal digits only", (text) => {
    const r = yearField.safeParse(text);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain("is not a year: write it in decimal digits only");
  });
  it.each([
    [1.2345678901234568e60, "Year 1.2345678901234568e+60 is out of range"],
    [Infinity, "Year is out of range (the number is too large to read)"],
    [2015.5, "Year 2015.5 is not a whole number"],
    ["2101", 'Year "2101" is out of range'],
  ])("year %j", (value, message) => {
    expect(yearField.safeParse(value).error?.issues[0]?.message).toContain(message);
  });
  it("enums take text only: a JSON list or number is not coerced", () => {
    expect(stageField.safeParse(["PUBLISHED"]).error?.issues[0]?.message).toBe("Stage must be text (one of PROPOSED, DEVELOPMENT, PUBLISHED, REVISION, WITHDRAWN), not a list");
    expect(provenanceField.safeParse(1).error?.issues[0]?.message).toContain("Provenance must be text");
  });
  it("one text rule for every field: control characters and unpaired surrogates refused in lists too", () => {
    expect(sourceField.safeParse("S-1; S-\u001b").error?.issues[0]?.message).toContain('Source: entry "S-\\u001b" contains control characters (U+001B ESC');
    expect(sourceField.safeParse(["S-\u0007"]).success).toBe(false);
    expect(titleField.safeParse("T\ud800").error?.issues[0]?.message).toContain("unpaired surrogate");
    expect(noteField.safeParse("n\u0000").error?.issues[0]?.message).toContain("Note contains control characters (U+0000 NUL");
    expect(stageField.safeParse("PUB\u0000").error?.issues[0]?.message).toBe('unknown stage "PUB\\u0000"; use one of PROPOSED, DEVELOPMENT, PUBLISHED, REVISION, WITHDRAWN');
  });
  it("identifiers are normalised and refuse invisible characters", () => {
    expect(designationField.parse(" ISO/IEC\u00a0 ２７００１ ")).toBe("ISO/IEC 27001");
    expect(sdoAcronymField.safeParse("ISO\u200b").error?.issues[0]?.message).toContain("SDO acronym contains an invisible character (U+200B zero-width space)");
  });
});
