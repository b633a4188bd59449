import { describe, expect, it } from "vitest";
import { checkUploadMeta, decodeUpload, firstInvalidUtf8 } from "./file-check";

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
