// The shared zod schemas of an SDO inventory: one schema per field, used by the CSV
// reader, the JSON reader and any form that edits the same records. Values arrive as
// strings (CSV cells) or JSON values; blank text means "not given".
import { z } from "zod";

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
    const text = typeof raw === "string" ? raw : raw == null ? "" : String(raw);
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

export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
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
        .refine((v) => !CONTROL.test(v), `${label} contains control characters`),
    );
}

/** Optional text: blank or missing -> undefined ("not given"). */
export function optionalText(label: string, max: number) {
  return z
    .union([z.string({ error: `${label} must be text` }), z.null(), z.undefined()], { error: `${label} must be text` })
    .transform((v) => (v == null ? undefined : v.trim() || undefined))
    .pipe(
      z
        .string()
        .max(max, { error: (issue) => `${label} is too long (${String((issue.input as string).length)} characters; at most ${max})` })
        .refine((v) => !CONTROL.test(v), `${label} contains control characters`)
        .optional(),
    );
}

// Tabs and line breaks are allowed inside quoted fields; other C0 controls are not.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const provenanceField = enumField("Provenance", PROVENANCES, { CONFIRMED_SECONDARY_SOURCE: "CONFIRMED_SECONDARY" });
export const stageField = enumField("Stage", STAGES, STAGE_ALIASES);

/** Year: missing -> undefined (not managed); blank -> null (cleared); else a whole number 1900..2100. */
export const yearField = z.union([z.string(), z.number(), z.null(), z.undefined()], { error: "Year must be a number" }).transform((raw, ctx): number | null | undefined => {
  if (raw === undefined) return undefined;
  if (raw === null || (typeof raw === "string" && !raw.trim())) return null;
  const n = typeof raw === "number" ? raw : Number(raw.trim());
  if (!Number.isInteger(n) || n < 1900 || n > 2100) {
    ctx.addIssue({ code: "custom", message: `Year "${clip(String(raw))}" is not a year between 1900 and 2100` });
    return z.NEVER;
  }
  return n;
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
  if (CONTROL.test(value)) {
    ctx.addIssue({ code: "custom", message: "Note contains control characters" });
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

export const sdoAcronymField = requiredText("SDO acronym", LIMITS.acronym);
export const sdoNameField = optionalText("SDO name", LIMITS.name);
export const sdoTypeField = optionalText("SDO type", LIMITS.type);
export const committeeField = optionalText("Committee", LIMITS.committee).refine(
  (v) => v === undefined || !v.split("/").some((part) => !part.trim()),
  "Committee path has an empty part (check for // or a leading or trailing /)",
);
export const committeeTitleField = optionalText("Committee title", LIMITS.title);
export const designationField = requiredText("Standard designation", LIMITS.designation);
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
