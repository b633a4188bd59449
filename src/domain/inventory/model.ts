// What both readers (CSV, JSON) produce: declarations of SDOs, committees and standards,
// each with the line it came from, plus every problem found with line, column and reason.
// A field left undefined is "not given": an existing value is kept, a new record gets
// the default (or is refused when the field is required for new records).
import type { ProvenanceValue, StageValue } from "./fields";

export interface RowError {
  /** 1-based line in the file (the first line of a multi-line CSV record). */
  line: number;
  /** CSV column name or JSON field path; null for a problem with the whole row. */
  column: string | null;
  message: string;
}

/** A problem with the whole file: nothing is read past it. */
export interface FileError {
  message: string;
  line?: number;
  column?: number;
}

export interface SdoDecl {
  acronym: string;
  name?: string;
  type?: string;
  provenance?: ProvenanceValue;
  sourceRefs?: string[];
}

export interface CommitteeDecl {
  designation: string;
  title?: string;
  /** A designation (set), null (no parent), undefined (inferred from the path, else kept). */
  parent?: string | null;
  provenance?: ProvenanceValue;
  sourceRefs?: string[];
}

export interface StandardDecl {
  designation: string;
  title: string;
  stage: StageValue;
  year?: number | null;
  note?: string | null;
  provenance: ProvenanceValue;
  sourceRefs?: string[];
  /** Ids or names as written; resolved against the reference lists when planning. */
  coreAreas?: string[];
  keyApplications?: string[];
}

/** One row of the file (a CSV record, or a JSON SDO / committee / standard object). */
/** `row` numbers the file's rows from 1 (several JSON objects can share a line). */
export type InventoryItem =
  | { kind: "sdo"; row: number; line: number; sdo: SdoDecl }
  | { kind: "committee"; row: number; line: number; sdo: SdoDecl; committee: CommitteeDecl }
  | { kind: "standard"; row: number; line: number; sdo: SdoDecl; committee: CommitteeDecl | null; standard: StandardDecl };

/** Where each field of an item came from, to point at the right column in messages. */
export interface ColumnNames {
  sdoName: string;
  sdoType: string;
  committee: string;
  committeeTitle: string;
  coreAreas: string;
  keyApplications: string;
  designation: string;
}

export interface ParsedInventory {
  items: InventoryItem[];
  errors: RowError[];
  warnings: string[];
  /** Data rows read (valid or not). */
  rowsTotal: number;
  columns: ColumnNames;
}

export type ParseResult = { ok: true; inventory: ParsedInventory } | { ok: false; error: FileError };

/** Progress callback: fraction 0..1 of the phase. */
export type OnProgress = (fraction: number) => void | Promise<void>;
