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
  optionalDesignationField,
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
  standard_designation: optionalDesignationField.optional(),
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
const STANDARD_ROW_FIELDS = Object.entries(csvStandardRow.shape) as [keyof typeof csvStandardRow.shape, z.ZodType][];

type FieldResult = { ok: true; value: unknown } | { ok: false; messages: string[] };

/**
 * Results of the field schemas per column and cell value, for one file. A file repeats
 * most values (its SDOs, committees, stages, provenance, sources, core areas) thousands
 * of times; the schemas are pure, so a value already checked by a column's schema gets
 * that schema's verdict again without re-running it. Designations and titles are nearly
 * unique and always run. Bounded: a column stops caching after CACHE_LIMIT values.
 */
export class FieldVerdicts {
  private readonly byColumn = new Map<string, Map<string | undefined, FieldResult>>();
  check(column: string, schema: z.ZodType, value: string | undefined): FieldResult {
    const cacheable = column !== "title" && column !== "standard_designation";
    let cache = cacheable ? this.byColumn.get(column) : undefined;
    const hit = cache?.get(value);
    if (hit) return hit;
    const fast = plainTextVerdict(column, value);
    if (fast) return fast;
    const parsed = schema.safeParse(value);
    // Lists are shared by every row with the same cell: frozen, so none can change another's.
    const result: FieldResult = parsed.success
      ? { ok: true, value: Array.isArray(parsed.data) ? Object.freeze(parsed.data) : parsed.data }
      : { ok: false, messages: parsed.error.issues.map((i) => i.message) };
    if (cacheable) {
      if (!cache) this.byColumn.set(column, (cache = new Map()));
      if (cache.size < CACHE_LIMIT) cache.set(value, result);
    }
    return result;
  }
}
const CACHE_LIMIT = 2000;

/**
 * The verdict of a text or identifier column's schema for a plain value, without running
 * it: printable ASCII (no control, invisible or non-ASCII character: nothing to refuse
 * or normalise), single spaces, within the length limit. Any other value (and every
 * value of other columns) goes to the schema. Nearly unique columns (designations,
 * titles, a committee per row) are most of the checking work of a large file.
 */
const PLAIN_TEXT = /^[\x20-\x7e]*$/;
const PLAIN_IDENTIFIER = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
const FAST_COLUMNS: Record<string, { max: number; required: boolean; identifier: boolean; path?: boolean }> = {
  title: { max: LIMITS.title, required: true, identifier: false },
  committee_title: { max: LIMITS.title, required: false, identifier: false },
  sdo_name: { max: LIMITS.name, required: false, identifier: false },
  sdo_type: { max: LIMITS.type, required: false, identifier: false },
  standard_designation: { max: LIMITS.designation, required: false, identifier: true },
  committee: { max: LIMITS.committee, required: false, identifier: true, path: true },
};
export function plainTextVerdict(column: string, value: string | undefined): FieldResult | null {
  const rule = FAST_COLUMNS[column];
  if (!rule || typeof value !== "string" || !PLAIN_TEXT.test(value)) return null;
  const text = value.trim();
  if (!text) return rule.required ? null : { ok: true, value: undefined };
  if (text.length > rule.max) return null;
  if (rule.identifier && !PLAIN_IDENTIFIER.test(text)) return null;
  if (rule.path && text.split("/").some((part) => !part.trim())) return null;
  return { ok: true, value: text };
}

function issuesToErrors(line: number, error: z.ZodError, rename: (key: string) => string = (k) => k): RowError[] {
  return error.issues.map((issue) => ({
    line,
    column: issue.path.length ? rename(String(issue.path[0])) : null,
    message: issue.message,
  }));
}

type Cells = Partial<Record<CsvColumnName, string>>;

/** One data row -> an item, or its errors. Absent columns stay undefined ("not given"). */
export function csvRecordToItem(
  line: number,
  cells: Cells,
  rowNumber = line,
  verdicts: FieldVerdicts = new FieldVerdicts(),
): { item: InventoryItem } | { errors: RowError[] } {
  const designation = cells.standard_designation?.trim();
  if (designation) {
    // csvStandardRow field by field, in its key order: what safeParse of the object does
    // (it has no object-level checks), with each field's verdict looked up in `verdicts`.
    const r: Record<string, unknown> = {};
    let errors: RowError[] | null = null;
    for (const [column, schema] of STANDARD_ROW_FIELDS) {
      const cell = cells[column];
      // Required by the standard's schema: a missing column reads as blank.
      const value = cell === undefined && (column === "provenance" || column === "title" || column === "stage") ? "" : cell;
      const result = verdicts.check(column, schema, value);
      if (result.ok) {
        r[column] = result.value;
        continue;
      }
      errors ??= [];
      for (const message of result.messages) {
        if (STANDARD_ONLY_COLUMNS.has(column) && errors.some((x) => x.column === column)) continue;
        errors.push({ line, column, message });
      }
    }
    if (errors) return { errors };
    const row = r as z.output<typeof csvStandardRow>;
    return {
      item: {
        kind: "standard",
        row: rowNumber,
        line,
        sdo: { acronym: row.sdo_acronym, name: row.sdo_name, type: row.sdo_type },
        committee: row.committee ? { designation: row.committee, title: row.committee_title } : null,
        standard: {
          designation: row.standard_designation!,
          title: row.title,
          stage: row.stage,
          year: row.year,
          note: row.note,
          provenance: row.provenance,
          sourceRefs: row.source,
          coreAreas: row.core_areas,
          keyApplications: row.key_applications,
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



function describeCsvError(error: CsvSyntaxError, headerCells: string[] | null): { message: string; line?: number } {
  const line = error.line;
  const name = headerCells?.[error.field]?.trim();
  const field = name ? `column ${error.field + 1} (${clip(name, 40)})` : `field ${error.field + 1}`;
  const at = `Line ${line}, ${field}: `;
  switch (error.code) {
    case "QUOTE_NOT_CLOSED":
      return { line, message: `Line ${line}: a quoted field is never closed (a " is missing) in ${field}. Nothing after it could be read.` };
    case "INVALID_CLOSING_QUOTE":
      return { line, message: `${at}a quote closes a field but is followed by more text (near "${clip(error.near)}"). Write a quote inside a quoted field as "" (two quotes).` };
    case "INVALID_OPENING_QUOTE":
      return {
        line,
        message: `${at}a double quote (") appears inside a field that does not start with a quote (near "${clip(error.near)}"). Put the whole field in quotes and write the quote twice: "19"" rack".`,
      };
    case "MAX_RECORD_SIZE":
      return { line, message: `Line ${line}: the row is too long (over ${MAX_RECORD_CHARS.toLocaleString("en-US")} characters); a quote is probably missing.` };
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
  const verdicts = new FieldVerdicts();
  const items: InventoryItem[] = [];
  const errors: RowError[] = [];
  const warnings: string[] = [];
  let header: ReturnType<typeof mapHeader> | null = null;
  let headerCells: string[] | null = null;
  let headerWidth = 0;
  let rowsTotal = 0;
  let lastReport = 0;
  try {
    for (let record = records.next(); record; record = records.next()) {
      const line = records.line;
      if (record.every((cell) => !cell.trim())) continue;
      if (!header) {
        header = mapHeader(record);
        headerCells = record;
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
      const result = csvRecordToItem(line, cells, rowsTotal, verdicts);
      if ("item" in result) items.push(result.item);
      else errors.push(...result.errors);
      if (options.onProgress && rowsTotal - lastReport >= 2000) {
        lastReport = rowsTotal;
        await options.onProgress(Math.min(1, records.position / Math.max(1, text.length)));
      }
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, error: describeCsvError(error, headerCells) };
    throw error;
  }
  if (!header) return { ok: false, error: { message: "The file is empty." } };
  if (rowsTotal === 0) return { ok: false, error: { message: "The file has a header but no data rows." } };
  await options.onProgress?.(1);
  return { ok: true, inventory: { items, errors, warnings, rowsTotal, columns: CSV_COLUMN_NAMES } };
}
