import { describe, expect, it } from "vitest";
import { CsvRecords, CsvSyntaxError, type CsvErrorCode } from "./csv-parser";

function readAll(text: string, maxRecordChars?: number): { cells: string[]; line: number }[] {
  const records = new CsvRecords(text, maxRecordChars);
  const out: { cells: string[]; line: number }[] = [];
  for (let cells = records.next(); cells; cells = records.next()) out.push({ cells, line: records.line });
  return out;
}

function errorOf(text: string, maxRecordChars?: number): { code: CsvErrorCode; line: number } | null {
  try {
    readAll(text, maxRecordChars);
    return null;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { code: error.code, line: error.line };
  }
}

describe("CsvRecords", () => {
  it.each<[string, string, [string[], number][]]>([
    ["plain rows", "a,b\nc,d\n", [[["a", "b"], 1], [["c", "d"], 2]]],
    ["no line break at the end", "a,b\nc,d", [[["a", "b"], 1], [["c", "d"], 2]]],
    ["CR LF", "a,b\r\nc,d\r\n", [[["a", "b"], 1], [["c", "d"], 2]]],
    ["CR only (old Mac)", "a,b\rc,d\r", [[["a", "b"], 1], [["c", "d"], 2]]],
    ["UTF-8 BOM is skipped", "\uFEFFa,b\n", [[["a", "b"], 1]]],
    ["quoted comma", 'a,"b, c"\n', [[["a", "b, c"], 1]]],
    ["doubled quote inside quotes", 'a,"say ""hi"""\n', [[["a", 'say "hi"'], 1]]],
    ["empty quoted field", 'a,"",b\n', [[["a", "", "b"], 1]]],
    ["quoted LF: the next record's line counts it", 'a,"x\ny"\nb,c\n', [[["a", "x\ny"], 1], [["b", "c"], 3]]],
    ["quoted CR LF in a CR LF file", 'a,"x\r\ny"\r\nb,c\r\n', [[["a", "x\r\ny"], 1], [["b", "c"], 3]]],
    ["blank lines are records with one empty field", "a\n\n\nb\n", [[["a"], 1], [[""], 2], [[""], 3], [["b"], 4]]],
    ["blank CR LF lines", "a\r\n\r\nb\r\n", [[["a"], 1], [[""], 2], [["b"], 3]]],
    ["trailing comma gives an empty last field", "a,b,\nc,d,", [[["a", "b", ""], 1], [["c", "d", ""], 2]]],
    ["mixed line ends: a CR LF file appended to with LF lines", "a,b\r\nc,d\r\ne,f\ng,h\n", [[["a", "b"], 1], [["c", "d"], 2], [["e", "f"], 3], [["g", "h"], 4]]],
    ["LF, CR LF and CR in one file", "a\nb\r\nc\rd", [[["a"], 1], [["b"], 2], [["c"], 3], [["d"], 4]]],
    ["a closing quote before CR LF in a file that started with LF", 'h\n"a"\r\nb\n', [[["h"], 1], [["a"], 2], [["b"], 3]]],
    ["spaces are kept", " a , b \n", [[[" a ", " b "], 1]]],
    ["quote closing at the very end", 'a,"b"', [[["a", "b"], 1]]],
  ])("%s", (_name, text, expected) => {
    expect(readAll(text).map((r) => [r.cells, r.line])).toEqual(expected);
  });

  it("returns nothing for an empty text or a lone BOM", () => {
    expect(readAll("")).toEqual([]);
    expect(readAll("\uFEFF")).toEqual([]);
  });

  it.each<[string, string, number | undefined, CsvErrorCode, number]>([
    ["unclosed quote reports the line where its record starts", 'h\nok\n"never closed\nmore\n', undefined, "QUOTE_NOT_CLOSED", 3],
    ["text after a closing quote", 'h\n"a"b,c\n', undefined, "INVALID_CLOSING_QUOTE", 2],
    ["a space after a closing quote", 'h\n"a" ,c\n', undefined, "INVALID_CLOSING_QUOTE", 2],
    ["a quote inside an unquoted field", 'h\nab"c,d\n', undefined, "INVALID_OPENING_QUOTE", 2],
    ["a record over the size limit", `h\n${"x".repeat(30)}\n`, 10, "MAX_RECORD_SIZE", 2],
    ["a record over the limit across fields", `h\n${"x".repeat(6)},${"y".repeat(6)}\n`, 10, "MAX_RECORD_SIZE", 2],
    ["a runaway quote hits the size limit before the end", `h\n"${"x".repeat(30)}`, 10, "MAX_RECORD_SIZE", 2],
    ["line numbers count line breaks inside earlier quoted fields", 'h\n"a\nb\nc"\n"x', undefined, "QUOTE_NOT_CLOSED", 5],
  ])("%s", (_name, text, max, code, line) => {
    expect(errorOf(text, max)).toEqual({ code, line });
  });

  it("says which field of the record has the problem, and its text up to it", () => {
    try {
      readAll('h1,h2,h3\nx,19" rack,z\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "INVALID_OPENING_QUOTE", line: 2, field: 1, near: '19"' });
    }
  });

  it("accepts a record exactly at the size limit", () => {
    expect(errorOf(`${"x".repeat(10)}\n`, 10)).toBeNull();
  });

  it("reports how far it has read", () => {
    const records = new CsvRecords("ab,c\nde\n");
    records.next();
    expect(records.position).toBe(5);
    records.next();
    expect(records.position).toBe(8);
    expect(records.next()).toBeNull();
  });
});
