import { describe, expect, it } from "vitest";
import { csvCell, csvLine, neutraliseCell } from "./csv";

describe("neutraliseCell", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", "'\rCR"],
    ["plain", "plain"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j -> %j", (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });
});

describe("csvCell / csvLine", () => {
  it("quotes commas, quotes and newlines", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
  });

  it("neutralises before quoting", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("\rCR")).toBe(`"'\rCR"`);
  });

  it("formats dates as ISO days, numbers as-is and nulls as empty", () => {
    expect(csvLine([new Date("2025-10-01T00:00:00Z"), 3, -4, null, undefined, true])).toBe("2025-10-01,3,-4,,,true\r\n");
  });
});
