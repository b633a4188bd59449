import { describe, expect, it } from "vitest";
import { readInventoryJson } from "./json-reader";
import { jsonTemplate } from "./templates";

describe("readInventoryJson", () => {
  it("reads the template: SDOs, nested committees with explicit parents, standards with their own SDO", async () => {
    const result = await readInventoryJson(jsonTemplate());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { items, errors, warnings } = result.inventory;
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(items.map((i) => i.kind)).toEqual(["sdo", "committee", "committee", "standard", "sdo", "committee", "standard"]);
    const wg2 = items[2]!;
    expect(wg2.kind === "committee" && wg2.committee.parent).toBe("ISO/IEC JTC 1/SC 27");
    const sc27 = items[1]!;
    expect(sc27.kind === "committee" && sc27.committee.parent).toBeUndefined();
    const tpm = items[6]!;
    expect(tpm.kind === "standard" && tpm.sdo.acronym).toBe("ISO/IEC JTC 1");
  });

  it("reports field problems with the object's line, and unknown fields as warnings", async () => {
    const text = JSON.stringify({ sdos: [{ acronym: "X", colour: 1, standards: [{ designation: "A", title: "", stage: "PUBLISHED", provenance: "INFERRED" }] }] }, null, 2);
    const result = await readInventoryJson(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.inventory.errors).toEqual([{ line: 7, column: "title", message: "Title is required" }]);
    expect(result.inventory.warnings).toEqual(["Unknown field ignored: colour."]);
    expect(result.inventory.rowsTotal).toBe(2);
  });

  it("gives every object its own row even on one line", async () => {
    const text = JSON.stringify({ sdos: [{ acronym: "X", standards: [{ designation: "A", title: "T", stage: "PUBLISHED", provenance: "INFERRED" }, { designation: "B", title: "T", stage: "PUBLISHED", provenance: "INFERRED" }] }] });
    const result = await readInventoryJson(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.inventory.items.map((i) => [i.row, i.line])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  const std = (over: Record<string, unknown>) => ({ designation: "A", title: "T", stage: "PUBLISHED", provenance: "INFERRED", ...over });
  const errorsOf = async (sdo: Record<string, unknown>) => {
    const result = await readInventoryJson(JSON.stringify({ sdos: [{ acronym: "X", ...sdo }] }, null, 2));
    if (!result.ok) throw new Error(result.error.message);
    return result.inventory;
  };

  it("never coerces JSON types: lists must be lists, years numbers, enums text", async () => {
    const inv = await errorsOf({ standards: [std({ stage: ["PUBLISHED"] }), std({ designation: "B", source: "S-1" }), std({ designation: "C", year: "2015" })] });
    expect(inv.errors.map((e) => [e.column, e.message])).toEqual([
      ["stage", "Stage must be text (one of PROPOSED, DEVELOPMENT, PUBLISHED, REVISION, WITHDRAWN), not a list"],
      ["source", '"source" must be a list of text, e.g. ["first", "second"], not string'],
      ["year", "Year must be a number, not string (write 2015 without quotes)"],
    ]);
    expect(inv.items.filter((i) => i.kind === "standard")).toEqual([]);
  });

  it("a field name no text can hold is an error with its line; other unknown names are warnings", async () => {
    const inv = await errorsOf({ standards: [std({ ["col\u0000our"]: 1, size: 2 })] });
    expect(inv.errors).toEqual([{ line: 6, column: "col\\u0000our", message: expect.stringContaining('The field name "col\\u0000our" contains control characters (U+0000 NUL at character 4)') }]);
    expect(inv.warnings).toEqual(["Unknown field ignored: size."]);
  });

  it("committees nested too deep: that committee is an invalid row and nothing under it is read", async () => {
    let committee: Record<string, unknown> = { designation: "C 25", title: "T" };
    for (let level = 24; level >= 1; level--) committee = { designation: `C ${level}`, title: "T", committees: [committee] };
    const inv = await errorsOf({ name: "X", type: "t", committees: [committee] });
    expect(inv.items.filter((i) => i.kind === "committee")).toHaveLength(20);
    expect(inv.errors).toHaveLength(1);
    expect(inv.errors[0]!.message).toContain("nested more than 20 levels deep");
    expect(inv.rowsTotal).toBe(22); // the SDO, 20 committees read, the one refused
  });

  it("a year is written in decimal digits in JSON too: 2e3 and 2015.0 are refused, 61 digits are out of range", async () => {
    const text = `{"sdos": [{"acronym": "X", "standards": [
      {"designation": "A", "title": "T", "stage": "PUBLISHED", "provenance": "INFERRED", "year": 2e3},
      {"designation": "B", "title": "T", "stage": "PUBLISHED", "provenance": "INFERRED", "year": 2015.0},
      {"designation": "C", "title": "T", "stage": "PUBLISHED", "provenance": "INFERRED", "year": ${"1".repeat(61)}},
      {"designation": "D", "title": "T", "stage": "PUBLISHED", "provenance": "INFERRED", "year": 2015}]}]}`;
    const result = await readInventoryJson(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.inventory.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "year", "Year 2e3 is not a year: write it in decimal digits only, e.g. 2015"],
      [3, "year", "Year 2015.0 is not a year: write it in decimal digits only, e.g. 2015"],
      [4, "year", `Year ${"1".repeat(20)}… (61 digits) is out of range: a year is a whole number between 1900 and 2100`],
    ]);
    expect(result.inventory.items.filter((i) => i.kind === "standard").map((i) => i.kind === "standard" && i.standard.year)).toEqual([2015]);
  });
});

