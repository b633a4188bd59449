import { describe, expect, it } from "vitest";
import type { InventoryItem, ParsedInventory } from "./model";
import { CSV_COLUMN_NAMES } from "./csv-reader";
import { pathPrefixes, planHasChanges, planImport, type Snapshot } from "./plan";

const base: Snapshot = {
  sdos: [{ id: "s1", acronym: "ISO/IEC JTC 1", name: "JTC 1", type: "formal", provenance: "CONFIRMED", sourceRefs: [] }],
  committees: [
    { id: "c1", sdoId: "s1", parentId: null, designation: "ISO/IEC JTC 1", title: "IT", provenance: "CONFIRMED", sourceRefs: [] },
    { id: "c2", sdoId: "s1", parentId: "c1", designation: "ISO/IEC JTC 1/SC 27", title: "Security", provenance: "CONFIRMED", sourceRefs: [] },
    { id: "c3", sdoId: "s1", parentId: "c2", designation: "ISO/IEC JTC 1/SC 27/WG 9", title: "Old", provenance: "INFERRED", sourceRefs: [] },
  ],
  standards: [
    {
      id: "t1",
      sdoId: "s1",
      committeeId: "c2",
      designation: "ISO/IEC 27001",
      title: "ISMS",
      stage: "PUBLISHED",
      year: 2013,
      note: null,
      provenance: "CONFIRMED",
      sourceRefs: [],
      coreAreaIds: ["CA-ISMS"],
      keyApplicationIds: [],
    },
    { id: "t2", sdoId: "s1", committeeId: "c3", designation: "ISO/IEC 99", title: "Gone", stage: "PUBLISHED", year: null, note: null, provenance: "INFERRED", sourceRefs: [], coreAreaIds: [], keyApplicationIds: [] },
  ],
  coreAreas: [
    { id: "CA-ISMS", name: "Information Security Management Systems" },
    { id: "CA-CRYPTO", name: "Cryptographic Techniques" },
  ],
  keyApplications: [{ id: "APP-CLOUD", name: "Cloud Computing" }],
  inUse: { standards: new Map(), committees: new Map() },
};

let row = 0;
const std = (line: number, designation: string, over: Partial<Extract<InventoryItem, { kind: "standard" }>["standard"]> = {}, committee: string | null = "ISO/IEC JTC 1/SC 27", sdo = "ISO/IEC JTC 1"): InventoryItem => ({
  kind: "standard",
  row: ++row,
  line,
  sdo: { acronym: sdo },
  committee: committee ? { designation: committee } : null,
  standard: { designation, title: "ISMS", stage: "PUBLISHED", provenance: "CONFIRMED", ...over },
});
const parsed = (items: InventoryItem[]): ParsedInventory => ({ items, errors: [], warnings: [], rowsTotal: items.length, columns: CSV_COLUMN_NAMES });
let n = 0;
const newId = () => `new${++n}`;

describe("planImport", () => {
  it("unchanged when the file says what the database has (fields not given are kept)", () => {
    const plan = planImport(parsed([std(2, "ISO/IEC 27001")]), base, "MERGE", newId);
    expect(plan.rows).toEqual({ total: 1, new: 0, updated: 0, unchanged: 1, invalid: 0 });
    expect(planHasChanges(plan)).toBe(false);
  });

  it("lists the fields that change, with committee designations rather than ids", () => {
    const plan = planImport(parsed([std(2, "ISO/IEC 27001", { title: "ISMS — requirements", coreAreas: ["cryptographic techniques", "CA-ISMS"] }, "ISO/IEC JTC 1/SC 27/WG 9")]), base, "MERGE", newId);
    expect(plan.standards[0]!.changes).toEqual([
      { field: "committeeId", from: "ISO/IEC JTC 1/SC 27", to: "ISO/IEC JTC 1/SC 27/WG 9" },
      { field: "title", from: "ISMS", to: "ISMS — requirements" },
      { field: "coreAreaIds", from: ["CA-ISMS"], to: ["CA-CRYPTO", "CA-ISMS"] },
    ]);
    expect(plan.rows.updated).toBe(1);
  });

  it("creates committees with the parent inferred from the longest known path", () => {
    const items: InventoryItem[] = [
      { kind: "committee", row: ++row, line: 2, sdo: { acronym: "ISO/IEC JTC 1" }, committee: { designation: "ISO/IEC JTC 1/SC 27/WG 2", title: "Crypto" } },
      { kind: "committee", row: ++row, line: 3, sdo: { acronym: "ISO/IEC JTC 1" }, committee: { designation: "ISO/IEC JTC 1/SC 27/WG 2/TF 1", title: "Task force" } },
      { kind: "committee", row: ++row, line: 4, sdo: { acronym: "ISO/IEC JTC 1" }, committee: { designation: "ISO/IEC JTC 1/SC 99/WG 1", title: "Orphan" } },
    ];
    const plan = planImport(parsed(items), base, "MERGE", newId);
    const [wg2, tf, orphan] = plan.committees;
    expect(wg2!.after.parentId).toBe("c2");
    expect(tf!.after.parentId).toBe(wg2!.id);
    expect(orphan!.after.parentId).toBe("c1");
    expect(plan.rows.new).toBe(3);
  });

  it.each([
    ["unknown core area", [std(2, "X 1", { coreAreas: ["CA-NOPE"] })], { line: 2, column: "core_areas", message: 'Unknown core area: "CA-NOPE"; use an id such as CA-CRYPTO or an exact name' }],
    ["duplicate", [std(2, "X 1"), std(3, "X 1")], { line: 3, column: "standard_designation", message: 'Duplicate: standard "X 1" of ISO/IEC JTC 1 is already on line 2' }],
    ["new SDO without name", [std(2, "X 1", {}, null, "NEW")], { line: 2, column: "sdo_name", message: 'SDO "NEW" is new: give its sdo_name and sdo_type (on this row or any row of the SDO)' }],
    ["new committee without title", [std(2, "X 1", {}, "ISO/IEC JTC 1/SC 27/WG 7")], { line: 2, column: "committee_title", message: 'Committee "ISO/IEC JTC 1/SC 27/WG 7" is new: give its title (committee_title)' }],
  ])("%s -> error on its line and column", (_name, items, error) => {
    const plan = planImport(parsed(items as InventoryItem[]), base, "MERGE", newId);
    expect(plan.errors).toContainEqual(error);
    expect(plan.rows.invalid).toBeGreaterThan(0);
  });

  it("merge never removes; sync removes what the file's SDOs hold and the file does not list, keeping what is in use", () => {
    const items = [std(2, "ISO/IEC 27001")];
    expect(planImport(parsed(items), base, "MERGE", newId).removals).toEqual([]);
    const sync = planImport(parsed(items), base, "SYNC", newId);
    expect(sync.removals.map((r) => r.key)).toEqual(["ISO/IEC 99 (ISO/IEC JTC 1)", "ISO/IEC JTC 1/SC 27/WG 9"]);
    const inUse = { ...base, inUse: { standards: new Map([["t2", "used by 1 engagement"]]), committees: new Map() } };
    const kept = planImport(parsed(items), inUse, "SYNC", newId);
    expect(kept.removals).toEqual([]);
    expect(kept.keptInUse.map((r) => [r.key, r.keptBecause])).toEqual([
      ["ISO/IEC 99 (ISO/IEC JTC 1)", "used by 1 engagement"],
      ["ISO/IEC JTC 1/SC 27/WG 9", "standard ISO/IEC 99 is kept"],
    ]);
  });

  it("splits paths at slashes, longest first", () => {
    expect(pathPrefixes("ISO/IEC JTC 1/SC 27/WG 2")).toEqual(["ISO/IEC JTC 1/SC 27", "ISO/IEC JTC 1", "ISO"]);
  });

  it("a new committee without its own provenance takes its first standard's", () => {
    const withTitle = planImport(
      parsed([
        { kind: "committee", row: ++row, line: 2, sdo: { acronym: "ISO/IEC JTC 1" }, committee: { designation: "ISO/IEC JTC 1/SC 27/WG 77", title: "New WG" } },
        std(3, "ISO/IEC 77", { provenance: "CONFIRMED_SECONDARY" }, "ISO/IEC JTC 1/SC 27/WG 77"),
      ]),
      base,
      "MERGE",
      newId,
    );
    expect(withTitle.committees.find((c) => c.key === "ISO/IEC JTC 1/SC 27/WG 77")?.after.provenance).toBe("CONFIRMED_SECONDARY");
  });

  // Its speed (linear, was quadratic) is a benchmark target, not a test: bench/import-load-bench.ts.
  it("plans every standard in its own new committee, each committee taking its standard's provenance", () => {
    const items: InventoryItem[] = [];
    for (let i = 0; i < 5000; i++) {
      items.push({ kind: "standard", row: i + 1, line: i + 2, sdo: { acronym: "ISO/IEC JTC 1" }, committee: { designation: `ISO/IEC JTC 1/W ${i}`, title: `W ${i}` }, standard: { designation: `W-${i}`, title: "T", stage: "PUBLISHED", provenance: "INFERRED" } });
    }
    const plan = planImport(parsed(items), base, "MERGE", newId);
    expect(plan.errors).toEqual([]);
    expect(plan.standards.filter((s) => s.op === "create")).toHaveLength(5000);
    const committees = plan.committees.filter((c) => c.op === "create");
    expect(committees).toHaveLength(5000);
    expect(new Set(committees.map((c) => c.after.provenance))).toEqual(new Set(["INFERRED"]));
  });

  it("warns when a new identifier only looks like an existing one", () => {
    const plan = planImport(parsed([std(2, "ISO/I\u0415C 27001"), std(3, "iso/iec 27002")]), base, "MERGE", newId);
    expect(plan.standards.filter((s) => s.op === "create")).toHaveLength(2);
    expect(plan.warnings).toEqual([
      'Line 2: the new standard "ISO/I\u0415C 27001" looks like the existing "ISO/IEC 27001" but is a different identifier (character 6 is U+0415, not "E"). If they are the same, correct the file; otherwise a second standard will be created.',
    ]);
  });
});

