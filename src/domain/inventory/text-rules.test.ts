import { describe, expect, it } from "vitest";
import { printable, storableJson, textProblem } from "./text-rules";

describe("textProblem", () => {
  it.each([
    ["plain", null],
    ["tab\tand\nline\r\nbreaks", null],
    ["emoji 😀 (a surrogate pair)", null],
    ["nul\u0000", "Title contains control characters (U+0000 NUL at character 4)"],
    ["bell\u0007", "Title contains control characters (U+0007 BEL at character 5)"],
    ["\u001b[31m", "Title contains control characters (U+001B ESC at character 1)"],
    ["c1 \u0085", "Title contains control characters (U+0085 at character 4)"],
    ["lone \ud800 high", "Title contains an unpaired surrogate (U+D800 at character 6)"],
    ["lone \udc00 low", "Title contains an unpaired surrogate (U+DC00 at character 6)"],
  ])("%j", (value, expected) => {
    const problem = textProblem("Title", value);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

describe("printable and storableJson", () => {
  it("writes unprintable characters as \\uXXXX", () => {
    expect(printable("a\u0000b\u200bc\ud800d\u2028")).toBe("a\\u0000b\\u200bc\\ud800d\\u2028");
    expect(printable("ISO/IEC 27001 😀")).toBe("ISO/IEC 27001 😀");
  });
  it("leaves nothing PostgreSQL refuses, keys included", () => {
    const out = storableJson({ errors: [{ message: "x\u0000" }], ["k\ud800"]: "fine\ttab" });
    expect(out).toEqual({ errors: [{ message: "x\\u0000" }], ["k\\ud800"]: "fine\ttab" });
  });
});
