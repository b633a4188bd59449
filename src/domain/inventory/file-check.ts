// Checks on an uploaded file before and while it is read: name/type/size (before any
// byte is read), then the bytes themselves (binary formats, UTF-16, invalid UTF-8).
import type { FileError } from "./model";
import { printable, textProblem } from "./text-rules";

export type ImportFileFormat = "CSV" | "JSON";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;

const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "text/x-csv", "application/octet-stream", ""]);
const JSON_TYPES = new Set(["application/json", "text/json", "text/plain", "application/octet-stream", ""]);

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/** Name, declared type and declared size: decided before the body is read. */
export function checkUploadMeta(meta: { fileName: string; contentType: string; size: number | null }, maxBytes = MAX_UPLOAD_BYTES):
  | { ok: true; format: ImportFileFormat }
  | { ok: false; error: FileError; status: 413 | 415 | 400 } {
  const name = meta.fileName.trim();
  if (!name) return { ok: false, status: 400, error: { message: "Choose a file to import." } };
  const nameProblem = textProblem("The file name", name);
  if (nameProblem) return { ok: false, status: 400, error: { message: `${nameProblem}. Rename the file and upload it again.` } };
  const ext = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  const type = meta.contentType.split(";")[0]!.trim().toLowerCase();
  let format: ImportFileFormat;
  if (ext === "csv") format = "CSV";
  else if (ext === "json") format = "JSON";
  else {
    const hint = ext === "xlsx" || ext === "xls" || ext === "ods" ? " Save the spreadsheet as CSV (UTF-8) first." : "";
    return {
      ok: false,
      status: 415,
      error: { message: `"${printable(name)}" is not a CSV or JSON file: only .csv and .json files can be imported.${hint}` },
    };
  }
  if (!(format === "CSV" ? CSV_TYPES : JSON_TYPES).has(type)) {
    return { ok: false, status: 415, error: { message: `"${printable(name)}" was sent as ${printable(type)}, which is not a ${format} file.` } };
  }
  if (meta.size !== null && meta.size > maxBytes) return { ok: false, status: 413, error: tooLarge(meta.size, maxBytes) };
  if (meta.size === 0) return { ok: false, status: 400, error: { message: "The file is empty." } };
  return { ok: true, format };
}

export function tooLarge(size: number | null, maxBytes = MAX_UPLOAD_BYTES): FileError {
  const actual = size === null ? "larger than" : `${formatMegabytes(size)}, over`;
  return { message: `The file is ${actual} the ${formatMegabytes(maxBytes)} limit. Split it into smaller files.` };
}

/** Line (1-based) and column (1-based, in characters) of a byte offset in UTF-8 bytes. */
export function lineAndColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

/** Offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * UTF-16 without a BOM: text that is mostly ASCII has a zero byte in every other
 * position (odd positions little-endian, even ones big-endian). Looks at the first 4 KB.
 */
export function guessUtf16WithoutBom(bytes: Uint8Array): "little-endian" | "big-endian" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return null; // too little to tell
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const half = n / 2;
  if (zeroOdd >= half * 0.3 && zeroEven <= half * 0.02) return "little-endian";
  if (zeroEven >= half * 0.3 && zeroOdd <= half * 0.02) return "big-endian";
  return null;
}

/**
 * Recognises what the bytes are before decoding: binary formats, UTF-16, NUL bytes,
 * invalid UTF-8, empty content. Returns the text (BOM removed) or the reason.
 */
export function decodeUpload(bytes: Uint8Array): { ok: true; text: string; hadBom: boolean } | { ok: false; error: FileError } {
  if (bytes.length === 0) return { ok: false, error: { message: "The file is empty." } };
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return { ok: false, error: { message: "This is a ZIP archive (for example an Excel .xlsx workbook), not a text file. Save it as CSV (UTF-8) and upload that." } };
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return { ok: false, error: { message: "This is an old Excel (.xls) workbook, not a text file. Save it as CSV (UTF-8) and upload that." } };
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return { ok: false, error: { message: "This is a PDF document, not a CSV or JSON file." } };
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) {
    return { ok: false, error: { message: "This is an image, not a CSV or JSON file." } };
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return { ok: false, error: { message: "The file is encoded as UTF-16. Save it as UTF-8 (\"CSV UTF-8\" in Excel) and upload it again." } };
  }
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) {
    return {
      ok: false,
      error: {
        message: `The file is encoded as UTF-16 (${utf16}, without a byte-order mark), not UTF-8. Save it as UTF-8 ("CSV UTF-8 (Comma delimited)" in Excel, or UTF-8 in your editor's Save As / Encoding menu) and upload it again.`,
      },
    };
  }
  const hadBom = starts(0xef, 0xbb, 0xbf);
  const body = hadBom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    const at = lineAndColumnOfByte(body, nul);
    return { ok: false, error: { message: `The file contains binary data (a NUL byte at line ${at.line}, column ${at.column}); it is not a text file.`, ...at } };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(body));
    const at = lineAndColumnOfByte(body, bad);
    return {
      ok: false,
      error: {
        message: `The file is not valid UTF-8 (first bad byte 0x${body[bad]!.toString(16).toUpperCase().padStart(2, "0")} at line ${at.line}, column ${at.column}). Save it as UTF-8 and upload it again.`,
        ...at,
      },
    };
  }
  if (!text.trim()) return { ok: false, error: { message: "The file is empty (it contains only blank lines or spaces)." } };
  return { ok: true, text, hadBom };
}
