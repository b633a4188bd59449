// Reads a JSON inventory: SDO -> committees (nested to any depth) -> standards, with the
// same fields (and the same zod schemas) as the CSV. Each SDO, committee and standard
// object is one "row": its errors carry the line where the object starts.
import { z } from "zod";
import {
  clip,
  committeeField,
  jsonKind,
  committeeTitleField,
  provenanceField,
  sdoAcronymField,
  sdoNameField,
  sdoTypeField,
  sourceField,
  standardInput,
} from "./fields";
import { MAX_ROWS } from "./file-check";
import { JsonSyntaxError, parseJsonWithLines, type JsonValue } from "./json-text";
import type { ColumnNames, CommitteeDecl, InventoryItem, OnProgress, ParseResult, RowError, SdoDecl } from "./model";
import { textProblem } from "./text-rules";

/** JSON types are not coerced: lists must be lists, a year a number. Errors for `node`'s fields. */
function typeErrors(node: JsonObject, line: number, numberText?: Map<string, string>): RowError[] {
  const errors: RowError[] = [];
  for (const key of LIST_KEYS) {
    const v = node[key];
    if (v !== undefined && v !== null && !Array.isArray(v)) {
      errors.push({ line, column: key, message: `"${key}" must be a list of text, e.g. ["first", "second"], not ${jsonKind(v)}` });
    }
  }
  const year = node.year;
  if (year !== undefined && year !== null && typeof year !== "number") {
    const example = typeof year === "string" && /^\d+$/.test(year.trim()) ? ` (write ${year.trim()} without quotes)` : "";
    errors.push({ line, column: "year", message: `Year must be a number, not ${jsonKind(year)}${example}` });
  }
  // A number written otherwise than in plain decimal digits (2e3, 2015.0, 61 digits).
  const written = numberText?.get("year");
  if (typeof year === "number" && written !== undefined) {
    const message = /^-?\d+$/.test(written)
      ? `Year ${clip(written, 20)} (${written.replace("-", "").length} digits) is out of range: a year is a whole number between 1900 and 2100`
      : `Year ${clip(written, 20)} is not a year: write it in decimal digits only, e.g. 2015`;
    errors.push({ line, column: "year", message });
  }
  return errors;
}
const LIST_KEYS = ["source", "coreAreas", "keyApplications"] as const;
const MAX_COMMITTEE_DEPTH = 20;

export const JSON_COLUMN_NAMES: ColumnNames = {
  sdoName: "name",
  sdoType: "type",
  committee: "designation",
  committeeTitle: "title",
  coreAreas: "coreAreas",
  keyApplications: "keyApplications",
  designation: "designation",
};

/** Missing -> undefined; otherwise the inner schema's result or its issues. */
function optionalOf<T>(schema: z.ZodType<T>) {
  return z.unknown().transform((value, ctx): T | undefined => {
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });
}

const sdoNode = z.object({
  acronym: sdoAcronymField,
  name: sdoNameField.optional(),
  type: sdoTypeField.optional(),
  provenance: optionalOf(provenanceField).optional(),
  source: sourceField.optional(),
});

const committeeNode = z.object({
  designation: committeeField.refine((v) => v !== undefined, "Committee designation is required"),
  title: committeeTitleField.optional(),
  provenance: optionalOf(provenanceField).optional(),
  source: sourceField.optional(),
});

const SDO_KEYS = new Set(["acronym", "name", "type", "provenance", "source", "committees", "standards"]);
const COMMITTEE_KEYS = new Set(["designation", "title", "provenance", "source", "committees", "standards"]);
const STANDARD_KEYS = new Set(["sdo", "designation", "title", "stage", "year", "note", "provenance", "source", "coreAreas", "keyApplications"]);
const TOP_KEYS = new Set(["format", "version", "sdos"]);

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

export async function readInventoryJson(text: string, options: { onProgress?: OnProgress; maxRows?: number } = {}): Promise<ParseResult> {
  const maxRows = options.maxRows ?? MAX_ROWS;
  let parsed;
  try {
    parsed = parseJsonWithLines(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, error: { message: error.message, line: error.line, column: error.column } };
    throw error;
  }
  await options.onProgress?.(0.5);
  const { value, lines, numberText } = parsed;
  const lineOf = (v: object) => lines.get(v) ?? 1;

  let sdos: JsonValue[];
  const warnings: string[] = [];
  const unknownKeys = new Map<string, number>();
  const items: InventoryItem[] = [];
  const errors: RowError[] = [];
  const note = (node: JsonObject, allowed: Set<string>, line: number): boolean => {
    let ok = true;
    for (const key of Object.keys(node)) {
      if (allowed.has(key)) continue;
      // A field name no text could hold (NUL, an unpaired surrogate...) is an error, not a warning.
      const problem = textProblem(`The field name "${clip(key)}"`, key);
      if (problem) {
        errors.push({ line, column: clip(key), message: problem });
        ok = false;
      } else unknownKeys.set(key, (unknownKeys.get(key) ?? 0) + 1);
    }
    return ok;
  };
  if (Array.isArray(value)) sdos = value;
  else if (isObject(value) && Array.isArray(value.sdos)) {
    sdos = value.sdos;
    note(value, TOP_KEYS, lineOf(value));
  } else {
    return {
      ok: false,
      error: { line: 1, message: 'The JSON must be an object with an "sdos" list (or a list of SDO objects). See the JSON template.' },
    };
  }
  if (sdos.length === 0) return { ok: false, error: { line: 1, message: 'The "sdos" list is empty: there is nothing to import.' } };

  let rowsTotal = 0;
  let tooMany = false;

  const addIssues = (line: number, error: z.ZodError, prefix = "") => {
    for (const issue of error.issues) {
      errors.push({ line, column: issue.path.length ? prefix + String(issue.path[0]) : prefix || null, message: issue.message });
    }
  };
  const listOf = (node: JsonObject, key: string, line: number): JsonValue[] => {
    const v = node[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      errors.push({ line, column: key, message: `"${key}" must be a list` });
      return [];
    }
    return v;
  };
  const count = () => {
    rowsTotal++;
    if (rowsTotal > maxRows) tooMany = true;
    return !tooMany;
  };

  const visitStandards = (list: JsonValue[], sdo: SdoDecl, committee: CommitteeDecl | null, parentLine: number) => {
    for (const node of list) {
      if (!count()) return;
      if (!isObject(node)) {
        errors.push({ line: parentLine, column: "standards", message: "Each entry of \"standards\" must be an object" });
        continue;
      }
      const line = lineOf(node);
      const types = typeErrors(node, line, numberText.get(node));
      if (!note(node, STANDARD_KEYS, line) || types.length) {
        errors.push(...types);
        continue;
      }
      const std = standardInput.safeParse({
        designation: node.designation ?? "",
        title: node.title ?? "",
        stage: node.stage ?? "",
        year: node.year,
        note: node.note,
        provenance: node.provenance ?? "",
        source: node.source,
        coreAreas: node.coreAreas,
        keyApplications: node.keyApplications,
      });
      if (!std.success) {
        addIssues(line, std.error);
        continue;
      }
      // A standard developed in another SDO's committee names its own SDO.
      let acronym = sdo.acronym;
      if (node.sdo !== undefined) {
        const own = sdoAcronymField.safeParse(node.sdo);
        if (!own.success) {
          addIssues(line, own.error, "sdo");
          continue;
        }
        acronym = own.data;
      }
      const s = std.data;
      items.push({
        kind: "standard",
        row: rowsTotal,
        line,
        sdo: { acronym },
        committee: committee ? { designation: committee.designation } : null,
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
      });
    }
  };

  const visitCommittees = (list: JsonValue[], sdo: SdoDecl, parent: string | undefined, parentLine: number, depth: number) => {
    for (const node of list) {
      if (!count()) return;
      if (!isObject(node)) {
        errors.push({ line: parentLine, column: "committees", message: "Each entry of \"committees\" must be an object" });
        continue;
      }
      const line = lineOf(node);
      if (depth >= MAX_COMMITTEE_DEPTH) {
        errors.push({ line, column: "committees", message: `Committees are nested more than ${MAX_COMMITTEE_DEPTH} levels deep here; this committee and everything under it were not read` });
        continue;
      }
      const types = typeErrors(node, line, numberText.get(node));
      const c = committeeNode.safeParse(node);
      if (!note(node, COMMITTEE_KEYS, line) || types.length || !c.success || c.data.designation === undefined) {
        errors.push(...types);
        if (!c.success) addIssues(line, c.error);
        continue;
      }
      const decl: CommitteeDecl = {
        designation: c.data.designation,
        title: c.data.title,
        parent,
        provenance: c.data.provenance,
        sourceRefs: c.data.source,
      };
      items.push({ kind: "committee", row: rowsTotal, line, sdo: { acronym: sdo.acronym }, committee: decl });
      visitCommittees(listOf(node, "committees", line), sdo, decl.designation, line, depth + 1);
      visitStandards(listOf(node, "standards", line), sdo, decl, line);
    }
  };

  for (const node of sdos) {
    if (!count()) break;
    if (!isObject(node)) {
      errors.push({ line: Array.isArray(value) ? 1 : lineOf(value as object), column: "sdos", message: "Each entry of \"sdos\" must be an object" });
      continue;
    }
    const line = lineOf(node);
    const types = typeErrors(node, line, numberText.get(node));
    const s = sdoNode.safeParse(node);
    if (!note(node, SDO_KEYS, line) || types.length || !s.success) {
      errors.push(...types);
      if (!s.success) addIssues(line, s.error);
      continue;
    }
    const sdo: SdoDecl = { acronym: s.data.acronym, name: s.data.name, type: s.data.type, provenance: s.data.provenance, sourceRefs: s.data.source };
    items.push({ kind: "sdo", row: rowsTotal, line, sdo });
    // Top-level committees carry no explicit parent: it is inferred from the path.
    visitCommittees(listOf(node, "committees", line), sdo, undefined, line, 0);
    visitStandards(listOf(node, "standards", line), sdo, null, line);
  }
  if (tooMany) return { ok: false, error: { message: `The file has more than ${maxRows.toLocaleString("en-US")} SDOs, committees and standards. Split it into smaller files.` } };
  if (unknownKeys.size) {
    warnings.push(`Unknown field${unknownKeys.size > 1 ? "s" : ""} ignored: ${[...unknownKeys].map(([k, n]) => (n > 1 ? `${clip(k)} (${n}×)` : clip(k))).join(", ")}.`);
  }
  await options.onProgress?.(1);
  return { ok: true, inventory: { items, errors, warnings, rowsTotal, columns: JSON_COLUMN_NAMES } };
}
