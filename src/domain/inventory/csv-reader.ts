// Reads a CSV inventory record by record (csv-parser): the header is checked before any
// row is read; every row is validated with the shared field schemas and turned into an
// InventoryItem, or into errors with its line, column and reason.
import { z } from "zod";
import { CsvRecords, CsvSyntaxError } from "./csv-parser";
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
  standardShape,
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

/**
 * A standard row in one pass: the row's own columns (csvRow) plus the shared standard
 * fields (standardShape) under their CSV column names. Same schemas and messages as
 * validating the two separately; the shared fields csvRow already has (designation,
 * provenance, source) are not checked twice.
 */
const csvStandardRow = csvRow.extend({
  title: standardShape.title,
  stage: standardShape.stage,
  year: standardShape.year,
  note: standardShape.note,
  core_areas: standardShape.coreAreas,
  key_applications: standardShape.keyApplications,
});
/** Columns whose schema comes from standardShape: one message each (the first). */
const STANDARD_ONLY_COLUMNS = new Set(["title", "stage", "year", "note", "core_areas", "key_applications"]);

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
  const designation = cells.standard_designation?.trim();
  if (designation) {
    const parsed = csvStandardRow.safeParse({
      sdo_acronym: cells.sdo_acronym,
      sdo_name: cells.sdo_name,
      sdo_type: cells.sdo_type,
      committee: cells.committee,
      committee_title: cells.committee_title,
      standard_designation: cells.standard_designation,
      provenance: cells.provenance ?? "",
      source: cells.source,
      title: cells.title ?? "",
      stage: cells.stage ?? "",
      year: cells.year,
      note: cells.note,
      core_areas: cells.core_areas,
      key_applications: cells.key_applications,
    });
    if (!parsed.success) {
      const errors: RowError[] = [];
      for (const e of issuesToErrors(line, parsed.error)) {
        if (e.column && STANDARD_ONLY_COLUMNS.has(e.column) && errors.some((x) => x.column === e.column)) continue;
        errors.push(e);
      }
      return { errors };
    }
    const r = parsed.data;
    return {
      item: {
        kind: "standard",
        row: rowNumber,
        line,
        sdo: { acronym: r.sdo_acronym, name: r.sdo_name, type: r.sdo_type },
        committee: r.committee ? { designation: r.committee, title: r.committee_title } : null,
        standard: {
          designation: r.standard_designation!,
          title: r.title,
          stage: r.stage,
          year: r.year,
          note: r.note,
          provenance: r.provenance,
          sourceRefs: r.source,
          coreAreas: r.core_areas,
          keyApplications: r.key_applications,
        },
      },
    };
  }
  const row = csvRow.safeParse(cells);
  const errors: RowError[] = row.success ? [] : issuesToErrors(line, row.error);
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



function describeCsvError(error: CsvSyntaxError): { message: string; line?: number } {
  const line = error.line;
  const at = `Line ${line}: `;
  switch (error.code) {
    case "QUOTE_NOT_CLOSED":
      return { line, message: `${at}a quoted field is never closed (a " is missing). Nothing after it could be read.` };
    case "INVALID_CLOSING_QUOTE":
      return { line, message: `${at}a quote closes a field but is followed by more text. Write a quote inside a quoted field as "" (two quotes).` };
    case "MAX_RECORD_SIZE":
      return { line, message: `${at}the row is too long (over ${MAX_RECORD_CHARS.toLocaleString("en-US")} characters); a quote is probably missing.` };
    default:
      return { line, message: `${at}the file is not valid CSV (${error.code}).` };
  }
}

const MAX_RECORD_CHARS = 100_000;

/**
 * Reads the CSV text one record at a time (CsvRecords), reporting progress by characters
 * read. Stops at the first structural problem (header, quoting, size); collects every
 * row-level problem.
 */
export async function readInventoryCsv(text: string, options: { onProgress?: OnProgress; maxRows?: number } = {}): Promise<ParseResult> {
  const maxRows = options.maxRows ?? MAX_ROWS;
  const records = new CsvRecords(text, MAX_RECORD_CHARS);
  const items: InventoryItem[] = [];
  const errors: RowError[] = [];
  const warnings: string[] = [];
  let header: ReturnType<typeof mapHeader> | null = null;
  let headerWidth = 0;
  let rowsTotal = 0;
  let lastReport = 0;
  try {
    for (let record = records.next(); record; record = records.next()) {
      const line = records.line;
      if (record.every((cell) => !cell.trim())) continue;
      if (!header) {
        header = mapHeader(record);
        headerWidth = record.length;
        if (header.missing.length) {
          const found = record.map((h) => h.trim()).filter(Boolean);
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
          return { ok: false, error: { line, message: `Column named twice in the header: ${header.duplicates.join(", ")}. Nothing was read.` } };
        }
        if (header.unknown.length) warnings.push(`Unknown column${header.unknown.length > 1 ? "s" : ""} ignored: ${header.unknown.map((u) => clip(u, 40)).join(", ")}.`);
        continue;
      }
      rowsTotal++;
      if (rowsTotal > maxRows) {
        return { ok: false, error: { line, message: `The file has more than ${maxRows.toLocaleString("en-US")} rows. Split it into smaller files.` } };
      }
      if (record.length !== headerWidth) {
        const extra = record.slice(headerWidth).some((c) => c.trim());
        if (record.length < headerWidth || extra) {
          errors.push({ line, column: null, message: `This row has ${record.length} fields but the header has ${headerWidth}; check for a missing or extra comma or quote.` });
          continue;
        }
      }
      const cells: Cells = {};
      const positions = header.positions;
      for (let i = 0; i < positions.length; i++) {
        const name = positions[i];
        if (name) cells[name] = record[i] ?? "";
      }
      const result = csvRecordToItem(line, cells, rowsTotal);
      if ("item" in result) items.push(result.item);
      else errors.push(...result.errors);
      if (options.onProgress && rowsTotal - lastReport >= 2000) {
        lastReport = rowsTotal;
        await options.onProgress(Math.min(1, records.position / Math.max(1, text.length)));
      }
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, error: describeCsvError(error) };
    throw error;
  }
  if (!header) return { ok: false, error: { message: "The file is empty." } };
  if (rowsTotal === 0) return { ok: false, error: { message: "The file has a header but no data rows." } };
  await options.onProgress?.(1);
  return { ok: true, inventory: { items, errors, warnings, rowsTotal, columns: CSV_COLUMN_NAMES } };
}
