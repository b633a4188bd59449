import { describe, expect, it } from "vitest";
import { readInventoryCsv } from "./csv-reader";
import { csvTemplate } from "./templates";

describe("csvTemplate", () => {
  it("lists every column and reads back without problems", async () => {
    const text = csvTemplate();
    expect(text.split("\r\n")[0]).toBe("sdo_acronym,sdo_name,sdo_type,committee,committee_title,standard_designation,title,stage,year,core_areas,key_applications,provenance,source,note");
    const result = await readInventoryCsv(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.inventory.errors).toEqual([]);
    expect(result.inventory.items.map((i) => i.kind)).toEqual(["standard", "committee", "standard"]);
  });
});
