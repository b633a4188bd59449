// Reads a CSV inventory as a stream (csv-parse): the header is checked before any row
// is read; every row is validated with the shared field schemas and turned into an
// InventoryItem, or into errors with its line, column and reason.
import { Readable } from "node:stream";
import { parse, type Options } from "csv-parse";
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
  sdo_name: sdoNameField.optional(),
  sdo_type: sdoTypeField.optional(),
  committee: committeeField.optional(),
  committee_title: committeeTitleField.optional(),
  standard_designation: optionalText("Standard designation", LIMITS.designation).optional(),
  provenance: provenanceField,
  source: sourceField.optional(),
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
export function csvRecordToItem(line: number, cells: Cells, rowNumber = line): { item: InventoryItem } | { errors: RowError[] } {
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
        row: rowNumber,
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
        row: rowNumber,
        line,
        sdo: { acronym: r.sdo_acronym, name: r.sdo_name, type: r.sdo_type },
        committee: { designation: r.committee, title, provenance: r.provenance, sourceRefs: r.source },
      },
    };
  }
  return {
    item: {
      kind: "sdo",
      row: rowNumber,
      line,
      sdo: { acronym: r.sdo_acronym, name: r.sdo_name, type: r.sdo_type, provenance: r.provenance, sourceRefs: r.source },
    },
  };
}


function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** Line breaks inside the record's quoted fields. */
function innerLineBreaks(record: string[]): number {
  let inner = 0;
  for (const cell of record) for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) inner++;
  return inner;
}

function describeCsvError(error: unknown, line: number): { message: string; line?: number } {
  const e = error as { code?: string; message?: string };
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
  let nextLine = 1;
  const parserOptions: Options = {
    bom: true,
    relax_column_count: true,
    // Runs synchronously as each record is parsed, so the count is right even when a
    // later syntax error ends the stream before buffered records are consumed.
    on_record: ((record: string[]) => {
      const at = nextLine;
      nextLine += 1 + innerLineBreaks(record);
      return { record, line: at };
    }) as unknown as Options["on_record"],
    max_record_size: MAX_RECORD_CHARS,
  };
  const parser = parse(parserOptions);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const source = Readable.from(chunks(body, options.chunkSize ?? 64 * 1024));
  source.pipe(parser);
  source.on("error", (e) => parser.destroy(e));

  const items: InventoryItem[] = [];
  const errors: RowError[] = [];
  const warnings: string[] = [];
  let header: ReturnType<typeof mapHeader> | null = null;
  let headerWidth = 0;
  let rowsTotal = 0;
  let lastReport = 0;
  // Lines are counted here (blank lines arrive as empty records): csv-parse's own count
  // treats a CR LF inside a quoted field as two lines.
  let charsRead = 0;
  try {
    for await (const { record, line } of parser as AsyncIterable<{ record: string[]; line: number }>) {
      for (const cell of record) charsRead += cell.length + 1;
      if (record.every((cell) => !cell.trim())) continue;
      const rec = { record };
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
      const result = csvRecordToItem(line, cells, rowsTotal);
      if ("item" in result) items.push(result.item);
      else errors.push(...result.errors);
      if (options.onProgress && rowsTotal - lastReport >= 2000) {
        lastReport = rowsTotal;
        await options.onProgress(Math.min(1, charsRead / Math.max(1, text.length)));
      }
    }
  } catch (error) {
    source.destroy();
    return { ok: false, error: describeCsvError(error, nextLine) };
  }
  if (!header) return { ok: false, error: { message: "The file is empty." } };
  if (rowsTotal === 0) return { ok: false, error: { message: "The file has a header but no data rows." } };
  await options.onProgress?.(1);
  return { ok: true, inventory: { items, errors, warnings, rowsTotal, columns: CSV_COLUMN_NAMES } };
}
