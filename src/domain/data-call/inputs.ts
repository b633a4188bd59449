// The zod schemas of data-call inputs, one per input, shared by the forms and the actions.
import { z } from "zod";
import { isIsoDate } from "@/domain/fiscal-year";
import { textProblem } from "@/domain/inventory/text-rules";

export const MIN_FISCAL_YEAR = 2000;
export const MAX_FISCAL_YEAR = 2100;

const blankToEmpty = (v: unknown) => (v === undefined || v === null ? "" : v);

/** Text a person writes: trimmed, bounded, no control characters or unpaired surrogates. */
const text = (label: string, max: number, required: boolean, min = 1) =>
  z
    .preprocess(blankToEmpty, z.string({ error: `Enter ${label}` }))
    .transform((v) => v.trim())
    .superRefine((v, ctx) => {
      const problem = textProblem(label[0]!.toUpperCase() + label.slice(1), v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      else if (required && v.length < min) ctx.addIssue({ code: "custom", message: min > 1 ? `Write at least ${min} characters for ${label}` : `Enter ${label}` });
      else if (v.length > max) ctx.addIssue({ code: "custom", message: `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max.toLocaleString("en-US")} characters` });
    });

const id = (label: string) => z.string({ error: `Missing ${label}` }).trim().min(1, `Missing ${label}`).max(64);
const fiscalYear = z.coerce
  .number({ error: "Enter a fiscal year like 2026" })
  .int("Enter a fiscal year like 2026")
  .min(MIN_FISCAL_YEAR, `The fiscal year must be ${MIN_FISCAL_YEAR} or later`)
  .max(MAX_FISCAL_YEAR, `The fiscal year must be ${MAX_FISCAL_YEAR} or earlier`);

export const openDataCallInput = z.object({
  fiscalYear,
  dueDate: z
    .string({ error: "Enter the due date" })
    .trim()
    .refine((v) => v !== "", "Enter the due date")
    .refine((v) => v === "" || isIsoDate(v), "Enter the due date as a real date (YYYY-MM-DD)"),
  instructions: text("the instructions", 10_000, true, 10),
});
export type OpenDataCallInput = z.infer<typeof openDataCallInput>;

export const NARRATIVE_FIELDS = ["importance", "uses", "examples", "gaps"] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
export const NARRATIVE_LABELS: Record<NarrativeField, { label: string; hint: string }> = {
  importance: { label: "Importance of standards to the mission", hint: "Why standards matter to what the agency does." },
  uses: { label: "How the agency uses standards", hint: "In regulation, procurement, programs and operations." },
  examples: { label: "Examples", hint: "Notable standards work or adoptions this year." },
  gaps: { label: "Gaps and priorities", hint: "Where standards are missing and what the agency will do next." },
};
export type Narrative = Record<NarrativeField, string>;

const narrativeFields = {
  importance: text("the importance of standards", 10_000, false),
  uses: text("how the agency uses standards", 10_000, false),
  examples: text("the examples", 10_000, false),
  gaps: text("the gaps and priorities", 10_000, false),
};

/** Saving the narrative of a draft (fields may be empty until submission). */
export const narrativeInput = z.object({
  dataCallId: id("data call"),
  agencyId: id("agency"),
  revision: z.coerce.number({ error: "Missing revision" }).int().min(1),
  ...narrativeFields,
});
export type NarrativeInput = z.infer<typeof narrativeInput>;

/** The narrative problems that block a submission: every field written. */
export function narrativeGaps(n: Narrative): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const field of NARRATIVE_FIELDS) {
    if (!n[field].trim()) errors[field] = [`Write “${NARRATIVE_LABELS[field].label}” before submitting`];
  }
  return errors;
}

export const submitInput = z.object({ dataCallId: id("data call"), agencyId: id("agency") });
export type SubmitInput = z.infer<typeof submitInput>;

export const reviewInput = z
  .object({
    submissionId: id("submission"),
    /** The snapshot the admin looked at: a newer one means someone resubmitted meanwhile. */
    snapshotVersion: z.coerce.number({ error: "Missing version" }).int().min(1),
    decision: z.enum(["ACCEPTED", "RETURNED"], { error: "Choose accept or return" }),
    reason: text("the reason", 4000, false),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "RETURNED" && v.reason.length < 10) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Write at least 10 characters saying why it is returned" });
    }
  });
export type ReviewInput = z.infer<typeof reviewInput>;

export const correctionInput = z.object({
  dataCallId: id("data call"),
  agencyId: id("agency"),
  reason: text("the reason for the correction", 4000, true, 10),
});
export type CorrectionInput = z.infer<typeof correctionInput>;
