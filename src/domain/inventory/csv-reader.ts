// Reads a CSV inventory as a stream (csv-parse): the header is checked before any row
// is read; every row is validated with the shared field schemas and turned into an
// InventoryItem, or into errors with its line, column and reason.
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { z } from "zod";
import { CSV_COLUMNS, mapHeader, type CsvColumnName } from "./csv-format";
import {
  clip,
  committeeField,
  committeeTitleField,
  coreAreasField,
  keyApplicationsField,
  LIMITS,
  noteField,
  optionalText,
  provenanceField,
  sdoAcronymField,
  sdoNameField,
  sdoTypeField,
  sourceField,
  standardInput,
  yearField,
} from "./fields";
import { MAX_ROWS } from "./file-check";
import type { ColumnNames, InventoryItem, OnProgress, ParseResult, RowError } from "./model";

export const CSV_COLUMN_NAMES: ColumnNames = {
  sdoName: "sdo_name",
  sdoType: "sdo_type",
  committee: "committee",
  committeeTitle: "committee_title",
  coreAreas: "core_areas",
  keyApplications: "key_applications",
  designation: "standard_designation",
};

const csvRow = z.object({
  sdo_acronym: sdoAcronymField,
  sdo_name: sdoNameField,
  sdo_type: sdoTypeField,
  committee: committeeField,
  committee_title: committeeTitleField,
  standard_designation: optionalText("Standard designation", LIMITS.designation),
  provenance: provenanceField,
  source: sourceField,
});

const STANDARD_KEY_TO_COLUMN: Record<string, CsvColumnName> = {
  designation: "standard_designation",
  coreAreas: "core_areas",
  keyApplications: "key_applications",
};

function issuesToErrors(line: number, error: z.ZodError, rename: (key: string) => string = (k) => k): RowError[] {
  return error.issues.map((issue) => ({
    line,
    column: issue.path.length ? rename(String(issue.path[0])) : null,
    message: issue.message,
  }));
}

type Cells = Partial<Record<CsvColumnName, string>>;

/** One data row -> an item, or its errors. Absent columns stay undefined ("not given"). */
export function csvRecordToItem(line: number, cells: Cells): { item: InventoryItem } | { errors: RowError[] } {
  const row = csvRow.safeParse(cells);
  const designation = cells.standard_designation?.trim();
  const errors: RowError[] = row.success ? [] : issuesToErrors(line, row.error);
  if (designation) {
    const std = standardInput.safeParse({
      designation: cells.standard_designation,
      title: cells.title ?? "",
      stage: cells.stage ?? "",
      year: cells.year,
      note: cells.note,
      provenance: cells.provenance ?? "",
      source: cells.source,
      coreAreas: cells.core_areas,
      keyApplications: cells.key_applications,
    });
    if (!std.success) {
      for (const e of issuesToErrors(line, std.error, (k) => STANDARD_KEY_TO_COLUMN[k] ?? k)) {
        if (!errors.some((x) => x.column === e.column)) errors.push(e);
      }
    }
    if (errors.length || !row.success || !std.success) return { errors };
    const r = row.data;
    const s = std.data;
    return {
      item: {
        kind: "standard",
        line,
        sdo: { acronym: r.sdo_acronym, name: r.sdo_name, type: r.sdo_type },
        committee: r.committee ? { designation: r.committee, title: r.committee_title } : null,
        standard: {
          designation: s.designation,
          title: s.title,
          stage: s.stage,
          year: s.year,
          note: s.note,
          provenance: s.provenance,
          sourceRefs: s.source,
          coreAreas: s.coreAreas,
          keyApplications: s.keyApplications,
        },
      },
    };
  }
  // Committee-only and SDO-only rows: the standard's columns must be empty or are ignored.
  for (const [column, schema] of [
    ["year", yearField],
    ["note", noteField],
    ["core_areas", coreAreasField],
    ["key_applications", keyApplicationsField],
  ] as const) {
    const parsed = schema.safeParse(cells[column]);
    if (!parsed.success) errors.push(...issuesToErrors(line, parsed.error, () => column));
  }
  if (errors.length || !row.success) return { errors };
  const r = row.data;
  if (r.committee) {
    const title = r.committee_title ?? optionalText("Title", LIMITS.title).safeParse(cells.title).data;
    return {
      item: {
        kind: "committee",
        line,
        sdo: { acronym: r.sdo_acronym, name: r.sdo_name, type: r.sdo_type },
        committee: { designation: r.committee, title, provenance: r.provenance, sourceRefs: r.source },
      },
    };
  }
  return {
    item: {
      kind: "sdo",
      line,
      sdo: { acronym: r.sdo_acronym, name: r.sdo_name, type: r.sdo_type, provenance: r.provenance, sourceRefs: r.source },
    },
  };
}

interface CsvInfoRecord {
  record: string[];
  raw: string;
  info: { lines: number; bytes: number };
}

function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function startLine(rec: CsvInfoRecord): number {
  const body = rec.raw.replace(/\r?\n$|\r$/, "");
  let inner = 0;
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) inner++;
  return rec.info.lines - inner;
}

function describeCsvError(error: unknown): { message: string; line?: number } {
  const e = error as { code?: string; lines?: number; message?: string };
  const line = typeof e.lines === "number" ? e.lines : undefined;
  const at = line ? `Line ${line}: ` : "";
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return { line, message: `${at}a quoted field is never closed (a " is missing). Nothing after it could be read.` };
    case "CSV_INVALID_CLOSING_QUOTE":
      return { line, message: `${at}a quote closes a field but is followed by more text. Write a quote inside a quoted field as "" (two quotes).` };
    case "CSV_MAX_RECORD_SIZE":
      return { line, message: `${at}the row is too long (over ${MAX_RECORD_CHARS.toLocaleString("en-US")} characters); a quote is probably missing.` };
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return { line, message: `${at}unexpected text after a closing quote.` };
    default:
      return { line, message: `${at}the file is not valid CSV (${e.code ?? "parse error"}).` };
  }
}

const MAX_RECORD_CHARS = 100_000;

/**
 * Parses the whole CSV text through csv-parse's streaming API, in chunks, reporting
 * progress by characters read. Stops at the first structural problem (header, quoting,
 * size); collects every row-level problem.
 */
export async function readInventoryCsv(text: string, options: { onProgress?: OnProgress; maxRows?: number; chunkSize?: number } = {}): Promise<ParseResult> {
  const maxRows = options.maxRows ?? MAX_ROWS;
  const parser = parse({
    raw: true,
    info: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const source = Readable.from(chunks(text, options.chunkSize ?? 64 * 1024));
  source.pipe(parser);
  source.on("error", (e) => parser.destroy(e));

  const items: InventoryItem[] = [];
  const errors: RowError[] = [];
  const warnings: string[] = [];
  let header: ReturnType<typeof mapHeader> | null = null;
  let headerWidth = 0;
  let rowsTotal = 0;
  let lastReport = 0;
  try {
    for await (const rec of parser as AsyncIterable<CsvInfoRecord>) {
      const line = startLine(rec);
      if (!header) {
        header = mapHeader(rec.record);
        headerWidth = rec.record.length;
        if (header.missing.length) {
          source.destroy();
          parser.destroy();
          const found = rec.record.map((h) => h.trim()).filter(Boolean);
          return {
            ok: false,
            error: {
              line,
              message:
                `Missing required column${header.missing.length > 1 ? "s" : ""}: ${header.missing.join(", ")}. ` +
                `The first line must name the columns (found: ${found.length ? found.map((f) => clip(f, 30)).join(", ") : "nothing"}). ` +
                `Required: ${CSV_COLUMNS.filter((c) => c.required).map((c) => c.name).join(", ")}. Nothing was read.`,
            },
          };
        }
        if (header.duplicates.length) {
          source.destroy();
          parser.destroy();
          return { ok: false, error: { line, message: `Column named twice in the header: ${header.duplicates.join(", ")}. Nothing was read.` } };
        }
        if (header.unknown.length) warnings.push(`Unknown column${header.unknown.length > 1 ? "s" : ""} ignored: ${header.unknown.map((u) => clip(u, 40)).join(", ")}.`);
        continue;
      }
      rowsTotal++;
      if (rowsTotal > maxRows) {
        source.destroy();
        parser.destroy();
        return { ok: false, error: { line, message: `The file has more than ${maxRows.toLocaleString("en-US")} rows. Split it into smaller files.` } };
      }
      if (rec.record.length !== headerWidth) {
        const extra = rec.record.slice(headerWidth).some((c) => c.trim());
        if (rec.record.length < headerWidth || extra) {
          errors.push({ line, column: null, message: `This row has ${rec.record.length} fields but the header has ${headerWidth}; check for a missing or extra comma or quote.` });
          continue;
        }
      }
      const cells: Cells = {};
      header.positions.forEach((name, i) => {
        if (name) cells[name] = rec.record[i] ?? "";
      });
      const result = csvRecordToItem(line, cells);
      if ("item" in result) items.push(result.item);
      else errors.push(...result.errors);
      if (options.onProgress && rowsTotal - lastReport >= 2000) {
        lastReport = rowsTotal;
        await options.onProgress(Math.min(1, rec.info.bytes / Math.max(1, text.length)));
      }
    }
  } catch (error) {
    source.destroy();
    return { ok: false, error: describeCsvError(error) };
  }
  if (!header) return { ok: false, error: { message: "The file is empty." } };
  if (rowsTotal === 0) return { ok: false, error: { message: "The file has a header but no data rows." } };
  await options.onProgress?.(1);
  return { ok: true, inventory: { items, errors, warnings, rowsTotal, columns: CSV_COLUMN_NAMES } };
}
