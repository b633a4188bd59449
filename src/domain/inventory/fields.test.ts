import { describe, expect, it } from "vitest";
import { coreAreasField, enumKey, noteField, provenanceField, stageField, yearField } from "./fields";

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
});
