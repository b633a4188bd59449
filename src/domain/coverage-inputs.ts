// Admin inputs of the coverage engine (scoring settings, indicator edits): one zod schema
// each, shared by the browser form and the server action. Values arrive as form strings.
import { z } from "zod";
import { ACTIVITY_KINDS, DEPTHS, STAGES, type ActivityKindName, type DepthName, type StageName } from "./coverage-metrics";
import { INDICATOR_PARAMS, SHARE_KINDS, type IndicatorKind } from "./coverage-indicators";

const weight = (label: string) =>
  z.coerce
    .number({ error: `Enter a whole number for ${label}` })
    .int(`Enter a whole number for ${label}`)
    .min(0, `${label} must be 0 or more`)
    .max(100, `${label} must be 100 or less`);

const percent = (label: string) =>
  z.coerce
    .number({ error: `Enter a whole percentage for ${label}` })
    .int(`Enter a whole percentage for ${label}`)
    .min(1, `${label} must be 1% or more`)
    .max(100, `${label} must be 100% or less`);

export const coverageSettingsInput = z.object({
  weightObserve: weight("Observe"),
  weightAttend: weight("Attend"),
  weightContribute: weight("Contribute"),
  weightLead: weight("Lead"),
  staleMonths: z.coerce
    .number({ error: "Enter a number of months" })
    .int("Enter a whole number of months")
    .min(1, "Use at least 1 month")
    .max(120, "Use at most 120 months"),
  metPercent: percent("Met from"),
  partialPercent: percent("Partial from"),
  /** 0 while no settings row exists yet (the defaults are in use). */
  version: z.coerce.number().int().min(0),
}).superRefine((v, ctx) => {
  if (v.partialPercent > v.metPercent) {
    ctx.addIssue({ code: "custom", path: ["partialPercent"], message: "“Partial from” cannot be above “met from”" });
  }
});

export type CoverageSettingsInput = z.infer<typeof coverageSettingsInput>;

const list = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);
const text = (max: number, what: string) => z.string().trim().min(1, `Enter ${what}`).max(max, `Use at most ${max} characters`);

/**
 * An indicator edit. The kind stays as stored; `target` is a percentage for share kinds
 * (value and target are shares) and a plain number otherwise. Met / partial / gap follow
 * the thresholds of the scoring settings, the same for every indicator.
 */
export const indicatorUpdateInput = z.object({
  id: z.string().trim().min(1).max(100),
  version: z.coerce.number().int().min(1),
  name: text(200, "a name"),
  description: z.string().trim().max(1000, "Use at most 1,000 characters").default(""),
  unit: text(60, "a unit"),
  target: z.coerce.number({ error: "Enter a number" }).min(0, "The target cannot be negative").max(1_000_000, "That target is too large"),
  minDepth: z.enum(DEPTHS as [DepthName, ...DepthName[]]).optional().catch(undefined),
  activityKind: z.enum(ACTIVITY_KINDS as [ActivityKindName, ...ActivityKindName[]]).optional().catch(undefined),
  stages: z.preprocess(list, z.array(z.enum(STAGES as [StageName, ...StageName[]]))),
  coreAreaIds: z.preprocess(list, z.array(z.string().trim().min(1).max(100)).max(200)),
  committeeIds: z.preprocess(list, z.array(z.string().trim().min(1).max(100)).max(200)),
});

export type IndicatorUpdateInput = z.infer<typeof indicatorUpdateInput>;

/** What to say when a kind's parameters are missing or wrong, by form field. */
const PARAM_ERRORS: Record<IndicatorKind, Record<string, string[]>> = {
  CORE_AREA_COVERAGE: { minDepth: ["Choose the minimum depth"] },
  ACTIVITY_COUNT: { activityKind: ["Choose the kind of activity"] },
  ACTIVITY_PER_AGENCY: { activityKind: ["Choose the kind of activity"] },
  AGENCIES_WITH_ACTIVITY: { activityKind: ["Choose the kind of activity"] },
  STAGE_ENGAGEMENT: { stages: ["Pick at least one stage"] },
  AREA_ENGAGEMENT: { coreAreaIds: ["Pick at least one core area or committee"] },
};

export type IndicatorEditResult =
  | { ok: true; target: number; params: unknown }
  | { ok: false; fieldErrors: Record<string, string[]> };

/** Turns an edit into stored values for an indicator of `kind`, or field errors. */
export function indicatorEditValues(kind: IndicatorKind, input: IndicatorUpdateInput): IndicatorEditResult {
  const fieldErrors: Record<string, string[]> = {};
  const share = SHARE_KINDS.has(kind);
  if (share && input.target > 100) fieldErrors.target = ["A share cannot be more than 100%"];
  const raw =
    kind === "CORE_AREA_COVERAGE"
      ? { minDepth: input.minDepth }
      : kind === "STAGE_ENGAGEMENT"
        ? { stages: input.stages }
        : kind === "AREA_ENGAGEMENT"
          ? { coreAreaIds: input.coreAreaIds, committeeIds: input.committeeIds }
          : { activityKind: input.activityKind };
  const parsed = INDICATOR_PARAMS[kind].safeParse(raw);
  if (!parsed.success) Object.assign(fieldErrors, PARAM_ERRORS[kind]);
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) return { ok: false, fieldErrors };
  return { ok: true, target: share ? input.target / 100 : input.target, params: parsed.data };
}
