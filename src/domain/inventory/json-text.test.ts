import { describe, expect, it } from "vitest";
import { JsonSyntaxError, parseJsonWithLines } from "./json-text";

describe("parseJsonWithLines", () => {
  it("parses like JSON.parse and records where objects start", () => {
    const text = '{\n  "a": [1, -2.5e3, true, null, "x\\n\\u00e9"],\n  "b": {\n    "c": {}\n  }\n}';
    const { value, lines } = parseJsonWithLines(text);
    expect(value).toEqual(JSON.parse(text));
    const v = value as { b: { c: object } };
    expect(lines.get(v.b)).toBe(3);
    expect(lines.get(v.b.c)).toBe(4);
  });
  it.each([
    ['{"a": 1 "b": 2}', 1, 9, 'expected "," or "}"'],
    ['{\n  "a": [1, 2,]\n}', 2, 14, "trailing comma before ]"],
    ['{"a": ', 1, 7, "ends where a value was expected"],
    ["{'a': 1}", 1, 2, "double quotes"],
    ['{"a": "x', 1, 7, "never closed"],
    ['{"a": 1, "a": 2}', 1, 16, 'appears twice'],
    ["[1] 2", 1, 5, "after the end"],
  ])("%j -> line %i column %i", (text, line, column, message) => {
    try {
      parseJsonWithLines(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      const e = error as JsonSyntaxError;
      expect([e.line, e.column]).toEqual([line, column]);
      expect(e.message).toContain(message);
    }
  });
});
