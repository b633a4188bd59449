import { describe, expect, it } from "vitest";
import { FieldVerdicts, plainTextVerdict, readInventoryCsv } from "./csv-reader";
import { committeeField, committeeTitleField, optionalDesignationField, sdoNameField, titleField } from "./fields";

const HEADER = "sdo_acronym,sdo_name,sdo_type,committee,committee_title,standard_designation,title,stage,core_areas,key_applications,provenance,source";

async function read(text: string) {
  const result = await readInventoryCsv(text);
  if (!result.ok) throw new Error(`file error: ${result.error.message}`);
  return result.inventory;
}

describe("readInventoryCsv", () => {
  it("reads standard, committee-only and SDO-only rows with their lines", async () => {
    const inv = await read(
      [
        HEADER,
        'ISO/IEC JTC 1,,,ISO/IEC JTC 1/SC 27/WG 2,Crypto,ISO/IEC 18033,"Encryption, algorithms",published,CA-CRYPTO;Identity,,confirmed,S-1; S-2',
        "ISO/IEC JTC 1,,,ISO/IEC JTC 1/SC 27,Security,,,,,,CONFIRMED,",
        "NEWSDO,New body,consortium,,,,,,,,inferred,",
      ].join("\n"),
    );
    expect(inv.errors).toEqual([]);
    expect(inv.rowsTotal).toBe(3);
    expect(inv.items.map((i) => [i.kind, i.line])).toEqual([
      ["standard", 2],
      ["committee", 3],
      ["sdo", 4],
    ]);
    const std = inv.items[0]!;
    if (std.kind !== "standard") throw new Error();
    expect(std.standard).toMatchObject({ title: "Encryption, algorithms", stage: "PUBLISHED", provenance: "CONFIRMED", sourceRefs: ["S-1", "S-2"], coreAreas: ["CA-CRYPTO", "Identity"] });
    expect(std.standard.year).toBeUndefined();
  });

  it("handles BOM, CRLF, quoted newlines and quotes, blank lines; multi-line rows report their first line", async () => {
    const text = "\uFEFF" + [HEADER, "", 'X,,,,,"A ""1""","Line one\r\nline two",DEVELOPMENT,,,INFERRED,', ",,,,,,,,,,,", "", "X,,,,,B,Bee,PUBLISHED,,,INFERRED,"].join("\r\n") + "\r\n";
    const inv = await read(text);
    expect(inv.errors).toEqual([]);
    expect(inv.items.map((i) => i.line)).toEqual([3, 7]);
    const first = inv.items[0]!;
    expect(first.kind === "standard" && first.standard.designation).toBe('A "1"');
    expect(first.kind === "standard" && first.standard.title).toBe("Line one\r\nline two");
  });

  it.each([
    ["unknown stage", "X,,,,,A,T,finished,,,INFERRED,", "stage", /unknown stage "finished"/],
    ["unknown provenance", "X,,,,,A,T,PUBLISHED,,,rumour,", "provenance", /unknown provenance "rumour"/],
    ["missing title", "X,,,,,A,,PUBLISHED,,,INFERRED,", "title", /Title is required/],
    ["over-long title", `X,,,,,A,${"t".repeat(501)},PUBLISHED,,,INFERRED,`, "title", /too long \(501 characters; at most 500\)/],
    ["missing acronym", ",,,,,A,T,PUBLISHED,,,INFERRED,", "sdo_acronym", /SDO acronym is required/],
    ["empty committee path part", "X,,,A//B,,A,T,PUBLISHED,,,INFERRED,", "committee", /empty part/],
    ["too few fields", "X,,,,,A,T", null, /has 7 fields but the header has 12/],
  ])("%s -> an error on the row's line and column", async (_name, row, column, message) => {
    const inv = await read(`${HEADER}\n${row}\n`);
    expect(inv.items).toEqual([]);
    expect(inv.errors[0]).toMatchObject({ line: 2, column });
    expect(inv.errors[0]!.message).toMatch(message);
  });

  it("gives a repeated cell the same verdict on every row (field results are reused within a file)", async () => {
    const rows = ["A", "B", "C"].map((d) => `X,,,,,${d},T,finished,CA-CRYPTO;Identity,,INFERRED,S-1`);
    const bad = await read([HEADER, ...rows].join("\n"));
    expect(bad.errors.map((e) => [e.line, e.column, e.message])).toEqual(
      [2, 3, 4].map((line) => [line, "stage", expect.stringMatching(/^unknown stage "finished"/)]),
    );
    const good = await read([HEADER, ...rows.map((r) => r.replace("finished", "published"))].join("\n"));
    expect(good.errors).toEqual([]);
    const lists = good.items.map((i) => (i.kind === "standard" ? i.standard.coreAreas : null));
    expect(lists).toEqual([["CA-CRYPTO", "Identity"], ["CA-CRYPTO", "Identity"], ["CA-CRYPTO", "Identity"]]);
    // Shared between rows, so frozen: no row can change another's.
    expect(Object.isFrozen(lists[0])).toBe(true);
  });

  it("reports unknown columns and ignores them", async () => {
    const inv = await read(`${HEADER},colour\nX,,,,,A,T,PUBLISHED,,,INFERRED,,blue\n`);
    expect(inv.warnings).toEqual(["Unknown column ignored: colour."]);
    expect(inv.items).toHaveLength(1);
  });

  it.each([
    ["missing required columns", "sdo_acronym,title\nX,T\n", /Missing required columns: committee, standard_designation, stage, provenance/],
    ["header only", `${HEADER}\n`, /header but no data rows/],
    ["unclosed quote", `${HEADER}\nX,,,,,"A,T,PUBLISHED,,,INFERRED,\n`, /Line 2: a quoted field is never closed/],
    ["duplicate header", `${HEADER},title\n`, /Column named twice in the header: title/],
  ])("%s -> a file error", async (_name, text, message) => {
    const result = await readInventoryCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it("stops at the row cap", async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `X,,,,,A${i},T,PUBLISHED,,,INFERRED,`);
    const result = await readInventoryCsv([HEADER, ...rows].join("\n"), { maxRows: 3 });
    expect(result.ok || result.error.message).toMatch(/more than 3 rows/);
  });

  it("reports constructor and __proto__ columns as unknown like any other", async () => {
    const inv = await read([`${HEADER},constructor,__proto__,toString`, "ISO/IEC JTC 1,,,,,A 1,T,PUBLISHED,,,INFERRED,,x,y,z"].join("\n"));
    expect(inv.warnings).toEqual(["Unknown columns ignored: constructor, __proto__, toString."]);
    expect(inv.errors).toEqual([]);
  });

  it("says in words where an unquoted quote is", async () => {
    const result = await readInventoryCsv([HEADER, 'ISO/IEC JTC 1,,,,,A 1,A 19" rack,PUBLISHED,,,INFERRED,'].join("\n"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('Line 2, column 7 (title): a double quote (") appears inside a field that does not start with a quote (near "A 19""). Put the whole field in quotes and write the quote twice: "19"" rack".');
  });

  it("reads a CR LF file appended to with LF lines row by row", async () => {
    const row = (n: number) => `ISO/IEC JTC 1,,,,,A ${n},T,PUBLISHED,,,INFERRED,`;
    const inv = await read(`${HEADER}\r\n${row(1)}\r\n${row(2)}\n${row(3)}\n`);
    expect(inv.errors).toEqual([]);
    expect(inv.items.map((i) => i.line)).toEqual([2, 3, 4]);
  });

  it("the plain-text shortcut gives exactly the schema's verdict, or defers to it", () => {
    const columns = [
      ["title", titleField],
      ["committee_title", committeeTitleField.optional()],
      ["sdo_name", sdoNameField.optional()],
      ["standard_designation", optionalDesignationField.optional()],
      ["committee", committeeField.optional()],
    ] as const;
    const values = [undefined, "", "   ", "ISO/IEC 27001", "  padded  ", "two  spaces", "a/b", "a//b", "/a", "a/", "tab\there", "x".repeat(200), "x".repeat(201), "x".repeat(501), "ünïcode", "ISO\u00a027001", "I\u200bD", "bell\u0007"];
    for (const [column, schema] of columns) {
      for (const value of values) {
        const fast = plainTextVerdict(column, value);
        const parsed = schema.safeParse(value);
        const viaVerdicts = new FieldVerdicts().check(column, schema, value);
        const expected = parsed.success ? { ok: true, value: parsed.data } : { ok: false, messages: parsed.error.issues.map((i) => i.message) };
        if (fast) expect(fast, `${column} ${JSON.stringify(value)}`).toEqual(expected);
        expect(viaVerdicts, `${column} ${JSON.stringify(value)}`).toEqual(expected);
      }
    }
  });
});

