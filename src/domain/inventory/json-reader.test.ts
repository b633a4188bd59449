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
});
