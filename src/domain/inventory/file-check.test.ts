import { describe, expect, it } from "vitest";
import { checkUploadMeta, decodeUpload, firstInvalidUtf8, guessUtf16WithoutBom } from "./file-check";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("checkUploadMeta", () => {
  it.each([
    [{ fileName: "a.csv", contentType: "text/csv", size: 10 }, { ok: true, format: "CSV" }],
    [{ fileName: "A.JSON", contentType: "application/json", size: 10 }, { ok: true, format: "JSON" }],
    [{ fileName: "a.csv", contentType: "application/vnd.ms-excel", size: 10 }, { ok: true, format: "CSV" }],
    [{ fileName: "a.xlsx", contentType: "", size: 10 }, { ok: false, status: 415 }],
    [{ fileName: "a.csv", contentType: "image/png", size: 10 }, { ok: false, status: 415 }],
    [{ fileName: "a.csv", contentType: "text/csv", size: 21 * 1024 * 1024 }, { ok: false, status: 413 }],
    [{ fileName: "a.csv", contentType: "text/csv", size: 0 }, { ok: false, status: 400 }],
    [{ fileName: "", contentType: "text/csv", size: 3 }, { ok: false, status: 400 }],
  ])("%j", (meta, expected) => {
    expect(checkUploadMeta(meta)).toMatchObject(expected);
  });
});

describe("decodeUpload", () => {
  it("strips a UTF-8 BOM", () => {
    expect(decodeUpload(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ ok: true, text: "a", hadBom: true });
  });
  it.each([
    [bytes(), /empty/],
    [bytes(0x20, 0x0a), /only blank lines/],
    [bytes(0xff, 0xfe, 0x61, 0), /UTF-16/],
    [bytes(0x50, 0x4b, 0x03, 0x04), /ZIP archive/],
    [bytes(0x61, 0x0a, 0x62, 0x00), /NUL byte at line 2, column 2/],
    [bytes(0x61, 0x0a, 0x62, 0xc3, 0x28), /first bad byte 0xC3 at line 2, column 2/],
  ])("%j -> %s", (input, message) => {
    const result = decodeUpload(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });
  it("finds the first invalid sequence (overlong, surrogate, truncated)", () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xc3, 0xa9))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0xc0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xe2, 0x82))).toBe(2);
  });
});

describe("UTF-16 without a byte-order mark", () => {
  const header = "sdo_acronym,committee,standard_designation\n";
  it.each([
    ["utf-16le", "little-endian"],
    ["utf-16be", "big-endian"],
  ] as const)("%s is named as such, with how to save as UTF-8", (encoding, kind) => {
    const le = Buffer.from(header, "utf16le");
    const bytes = encoding === "utf-16le" ? le : Buffer.from(le).swap16();
    expect(guessUtf16WithoutBom(bytes)).toBe(kind);
    const result = decodeUpload(new Uint8Array(bytes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(`encoded as UTF-16 (${kind}, without a byte-order mark), not UTF-8. Save it as UTF-8`);
  });
  it("plain UTF-8 and a stray NUL are not UTF-16", () => {
    expect(guessUtf16WithoutBom(new TextEncoder().encode(header))).toBeNull();
    expect(guessUtf16WithoutBom(new TextEncoder().encode(`${header}a,b\u0000,c\n`))).toBeNull();
  });
});
