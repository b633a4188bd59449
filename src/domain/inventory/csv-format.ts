// The CSV inventory format: one row per standard (or per committee, or per SDO), its
// columns, and how a header row maps onto them. Documented on the import page.
export interface CsvColumn {
  name: CsvColumnName;
  required: boolean;
  description: string;
}

export const CSV_COLUMNS = [
  { name: "sdo_acronym", required: true, description: "The SDO's acronym, e.g. ISO/IEC JTC 1. Matches an existing SDO exactly, or creates one." },
  { name: "sdo_name", required: false, description: "The SDO's full name. Needed when the SDO is new; changes an existing SDO when given." },
  { name: "sdo_type", required: false, description: "The kind of SDO, e.g. formal-international, consortium. Needed when the SDO is new." },
  { name: "committee", required: true, description: "Full committee path, e.g. ISO/IEC JTC 1/SC 27/WG 2. Blank for a standard held by the SDO itself. The parent is the longest existing path before a “/” in the same SDO." },
  { name: "committee_title", required: false, description: "The committee's title. Needed when the committee is new." },
  { name: "standard_designation", required: true, description: "The standard's designation, unique within its SDO, e.g. ISO/IEC 27001. Blank for a committee-only row." },
  { name: "title", required: true, description: "The standard's title (required on standard rows)." },
  { name: "stage", required: true, description: "Lifecycle stage: PROPOSED, DEVELOPMENT, PUBLISHED, REVISION or WITHDRAWN (case does not matter)." },
  { name: "year", required: false, description: "Year of publication (1900–2100), blank for none." },
  { name: "core_areas", required: false, description: "Core areas, by id (CA-CRYPTO) or name, separated by “;”. Replaces the standard's core areas; blank clears them." },
  { name: "key_applications", required: false, description: "Key applications, by id (APP-CLOUD) or name, separated by “;”. Replaces the standard's key applications." },
  { name: "provenance", required: true, description: "CONFIRMED, CONFIRMED_SECONDARY, INFERRED or GENERAL_KNOWLEDGE: how sure we are of the row." },
  { name: "source", required: false, description: "Source ids or citations, separated by “;”." },
  { name: "note", required: false, description: "Free-text note on the standard, blank for none." },
] as const satisfies readonly { name: string; required: boolean; description: string }[];

export type CsvColumnName = (typeof CSV_COLUMNS)[number]["name"];

const ALIASES: Record<string, CsvColumnName> = {
  sdo: "sdo_acronym",
  acronym: "sdo_acronym",
  committee_path: "committee",
  committee_designation: "committee",
  standard: "standard_designation",
  designation: "standard_designation",
  lifecycle_stage: "stage",
  sources: "source",
  source_refs: "source",
  core_area: "core_areas",
  key_application: "key_applications",
};

const KNOWN = new Set<string>(CSV_COLUMNS.map((c) => c.name));

export function normaliseHeader(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, "_");
}

export interface HeaderMap {
  /** For each position in the file, the column it feeds (null = ignored). */
  positions: (CsvColumnName | null)[];
  /** Columns present (by canonical name) -> position. */
  present: Map<CsvColumnName, number>;
  unknown: string[];
  missing: CsvColumnName[];
  duplicates: string[];
  blank: number[];
}

export function mapHeader(header: string[]): HeaderMap {
  const positions: (CsvColumnName | null)[] = [];
  const present = new Map<CsvColumnName, number>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const blank: number[] = [];
  header.forEach((raw, index) => {
    const key = normaliseHeader(raw);
    if (!key) {
      blank.push(index + 1);
      positions.push(null);
      return;
    }
    // Own keys only: "constructor" or "__proto__" must not find Object's properties.
    const name = (KNOWN.has(key) ? key : Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined) as CsvColumnName | undefined;
    if (!name) {
      unknown.push(raw.trim());
      positions.push(null);
      return;
    }
    if (present.has(name)) {
      duplicates.push(raw.trim());
      positions.push(null);
      return;
    }
    present.set(name, index);
    positions.push(name);
  });
  const missing = CSV_COLUMNS.filter((c) => c.required && !present.has(c.name)).map((c) => c.name);
  return { positions, present, unknown, missing, duplicates, blank };
}
