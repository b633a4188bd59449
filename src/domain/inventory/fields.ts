// The shared zod schemas of an SDO inventory: one schema per field, used by the CSV
// reader, the JSON reader and any form that edits the same records. Values arrive as
// strings (CSV cells) or JSON values; blank text means "not given".
import { z } from "zod";
import { identifierProblem, normaliseIdentifier } from "./identifiers";
import { printable, textProblem } from "./text-rules";

export const PROVENANCES = ["CONFIRMED", "CONFIRMED_SECONDARY", "INFERRED", "GENERAL_KNOWLEDGE"] as const;
export const STAGES = ["PROPOSED", "DEVELOPMENT", "PUBLISHED", "REVISION", "WITHDRAWN"] as const;
export type ProvenanceValue = (typeof PROVENANCES)[number];
export type StageValue = (typeof STAGES)[number];

export const LIMITS = {
  acronym: 64,
  name: 300,
  type: 200,
  committee: 200,
  designation: 200,
  title: 500,
  note: 4000,
  sourceRef: 300,
  sourceRefs: 20,
  links: 30,
} as const;

/** "Confirmed (secondary)", "confirmed-secondary", "CONFIRMED_SECONDARY" -> CONFIRMED_SECONDARY. */
export function enumKey(value: string): string {
  return value
    .trim()
    .toUpperCase()
    .replace(/[()]/g, "")
    .replace(/[\s-]+/g, "_")
    .replace(/_+$/, "");
}

const STAGE_ALIASES: Record<string, StageValue> = { IN_DEVELOPMENT: "DEVELOPMENT", UNDER_REVISION: "REVISION", DRAFT: "DEVELOPMENT" };

function enumField<T extends string>(label: string, values: readonly T[], aliases: Record<string, T> = {}) {
  return z.unknown().transform((raw, ctx): T => {
    // Text only: a JSON list, number or object is not coerced (["PUBLISHED"] is refused).
    if (raw != null && typeof raw !== "string") {
      ctx.addIssue({ code: "custom", message: `${label} must be text (one of ${values.join(", ")}), not ${jsonKind(raw)}` });
      return z.NEVER;
    }
    const text = raw ?? "";
    if (!text.trim()) {
      ctx.addIssue({ code: "custom", message: `${label} is required (one of ${values.join(", ")})` });
      return z.NEVER;
    }
    const key = enumKey(text);
    const found = (values as readonly string[]).includes(key) ? (key as T) : aliases[key];
    if (!found) {
      ctx.addIssue({ code: "custom", message: `unknown ${label.toLowerCase()} "${clip(text)}"; use one of ${values.join(", ")}` });
      return z.NEVER;
    }
    return found;
  });
}

/** User text quoted in a message: shortened, and unprintable characters written as \uXXXX. */
export function clip(text: string, max = 40): string {
  return printable(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** "a list", "a number"... for messages about a JSON value of the wrong type. */
export function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return value ? "true" : "false";
  return typeof value;
}

/** The one text rule as a zod refinement (see text-rules). */
function refineText(label: string) {
  return (v: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(label, v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}

/** Required single-line-ish text: trimmed, non-empty, at most `max` characters, no control characters. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, `${label} is required`)
        .max(max, { error: (issue) => `${label} is too long (${String((issue.input as string).length)} characters; at most ${max})` })
        .superRefine(refineText(label)),
    );
}

/**
 * An identifier (SDO acronym, committee or standard designation): text with no invisible,
 * control or direction characters, normalised (NFKC, one space between words) so the
 * same id typed differently names the same record. Blank -> undefined when optional.
 */
function identifierText(label: string, max: number, required: boolean) {
  return z
    .union([z.string({ error: `${label} must be text` }), z.null(), z.undefined()], { error: `${label} must be text` })
    .transform((raw, ctx): string | undefined => {
      const value = raw?.trim() ?? "";
      if (!value) {
        if (required) ctx.addIssue({ code: "custom", message: `${label} is required` });
        return required ? z.NEVER : undefined;
      }
      const problem = identifierProblem(label, value);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      const id = normaliseIdentifier(value);
      if (id.length > max) {
        ctx.addIssue({ code: "custom", message: `${label} is too long (${id.length} characters; at most ${max})` });
        return z.NEVER;
      }
      return id;
    });
}
export const requiredIdentifier = (label: string, max: number) => identifierText(label, max, true).transform((v) => v!);
export const optionalIdentifier = (label: string, max: number) => identifierText(label, max, false);

/** Optional text: blank or missing -> undefined ("not given"). */
export function optionalText(label: string, max: number) {
  return z
    .union([z.string({ error: `${label} must be text` }), z.null(), z.undefined()], { error: `${label} must be text` })
    .transform((v) => (v == null ? undefined : v.trim() || undefined))
    .pipe(
      z
        .string()
        .max(max, { error: (issue) => `${label} is too long (${String((issue.input as string).length)} characters; at most ${max})` })
        .superRefine(refineText(label))
        .optional(),
    );
}

export const provenanceField = enumField("Provenance", PROVENANCES, { CONFIRMED_SECONDARY_SOURCE: "CONFIRMED_SECONDARY" });
export const stageField = enumField("Stage", STAGES, STAGE_ALIASES);

/**
 * Year: missing -> undefined (not managed); blank -> null (cleared); else a whole number
 * 1900..2100 written in decimal digits (no 0x7E9, 2e3, 0b..., 0o...; a JSON number must
 * be a whole number).
 */
export const yearField = z.unknown().transform((raw, ctx): number | null | undefined => {
  if (raw === undefined) return undefined;
  if (raw !== null && typeof raw !== "string" && typeof raw !== "number") {
    ctx.addIssue({ code: "custom", message: `Year must be a number, not ${jsonKind(raw)}` });
    return z.NEVER;
  }
  if (raw === null || (typeof raw === "string" && !raw.trim())) return null;
  const range = "a year is a whole number between 1900 and 2100";
  if (typeof raw === "string") {
    const text = raw.trim();
    if (!/^\d+$/.test(text)) {
      ctx.addIssue({ code: "custom", message: `Year "${clip(text)}" is not a year: write it in decimal digits only, e.g. 2015 (${range})` });
      return z.NEVER;
    }
    const n = Number(text);
    if (n < 1900 || n > 2100) {
      ctx.addIssue({ code: "custom", message: `Year "${clip(text)}" is out of range: ${range}` });
      return z.NEVER;
    }
    return n;
  }
  if (!Number.isInteger(raw) || raw < 1900 || raw > 2100) {
    const message = !Number.isFinite(raw)
      ? `Year is out of range (the number is too large to read): ${range}`
      : Math.abs(raw) < 1e6 && !Number.isInteger(raw)
        ? `Year ${raw} is not a whole number: ${range}`
        : `Year ${clip(String(raw))} is out of range: ${range}`;
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  }
  return raw;
});

/** Note: missing -> undefined (not managed); blank -> null (cleared). */
export const noteField = z.union([z.string(), z.null(), z.undefined()], { error: "Note must be text" }).transform((raw, ctx): string | null | undefined => {
  if (raw === undefined) return undefined;
  const value = (raw ?? "").trim();
  if (!value) return null;
  if (value.length > LIMITS.note) {
    ctx.addIssue({ code: "custom", message: `Note is too long (${value.length} characters; at most ${LIMITS.note})` });
    return z.NEVER;
  }
  const problem = textProblem("Note", value);
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }
  return value;
});

/**
 * A list given as "a; b" (CSV) or ["a", "b"] (JSON); blanks dropped, duplicates removed.
 * Missing -> undefined (not managed); blank -> [] (cleared).
 */
export function listField(label: string, maxItems: number, maxLength: number) {
  return z
    .union([z.string(), z.array(z.string({ error: `${label} must be a list of text` })), z.null(), z.undefined()], {
      error: `${label} must be a list of text`,
    })
    .transform((raw, ctx): string[] | undefined => {
      if (raw === undefined) return undefined;
      const parts = raw === null ? [] : Array.isArray(raw) ? raw : raw.split(/[;\n]/);
      const items = [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
      if (items.length > maxItems) {
        ctx.addIssue({ code: "custom", message: `${label}: too many entries (${items.length}; at most ${maxItems})` });
        return z.NEVER;
      }
      for (const item of items) {
        const problem = textProblem(`${label}: entry "${clip(item)}"`, item);
        if (problem) {
          ctx.addIssue({ code: "custom", message: problem });
          return z.NEVER;
        }
      }
      const long = items.find((i) => i.length > maxLength);
      if (long) {
        ctx.addIssue({ code: "custom", message: `${label}: entry "${clip(long)}" is too long (at most ${maxLength} characters)` });
        return z.NEVER;
      }
      return items;
    });
}

export const sourceField = listField("Source", LIMITS.sourceRefs, LIMITS.sourceRef);
export const coreAreasField = listField("Core areas", LIMITS.links, 200);
export const keyApplicationsField = listField("Key applications", LIMITS.links, 200);

export const sdoAcronymField = requiredIdentifier("SDO acronym", LIMITS.acronym);
export const sdoNameField = optionalText("SDO name", LIMITS.name);
export const sdoTypeField = optionalText("SDO type", LIMITS.type);
export const committeeField = optionalIdentifier("Committee", LIMITS.committee).refine(
  (v) => v === undefined || !v.split("/").some((part) => !part.trim()),
  "Committee path has an empty part (check for // or a leading or trailing /)",
);
export const committeeTitleField = optionalText("Committee title", LIMITS.title);
export const designationField = requiredIdentifier("Standard designation", LIMITS.designation);
export const optionalDesignationField = optionalIdentifier("Standard designation", LIMITS.designation);
export const titleField = requiredText("Title", LIMITS.title);

/** The standard fields shared by both formats (keys are the JSON names). */
export const standardShape = {
  designation: designationField,
  title: titleField,
  stage: stageField,
  year: yearField.optional(),
  note: noteField.optional(),
  provenance: provenanceField,
  source: sourceField.optional(),
  coreAreas: coreAreasField.optional(),
  keyApplications: keyApplicationsField.optional(),
};

export const standardInput = z.object(standardShape);
export type StandardInput = z.infer<typeof standardInput>;
