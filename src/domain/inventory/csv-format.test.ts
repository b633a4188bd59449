import { describe, expect, it } from "vitest";
import { mapHeader } from "./csv-format";

describe("mapHeader", () => {
  it("maps names case- and space-insensitively, with aliases; reports unknown, missing and duplicate columns", () => {
    const map = mapHeader(["SDO Acronym", "Committee path", "Designation", "Title", "Lifecycle stage", "Provenance", "colour", "", "title"]);
    expect(map.missing).toEqual([]);
    expect(map.positions.slice(0, 6)).toEqual(["sdo_acronym", "committee", "standard_designation", "title", "stage", "provenance"]);
    expect(map.unknown).toEqual(["colour"]);
    expect(map.duplicates).toEqual(["title"]);
    expect(mapHeader(["sdo_acronym"]).missing).toEqual(["committee", "standard_designation", "title", "stage", "provenance"]);
  });
});
