// Indicators measure the recommendations. They are data (kind + params + target, editable by
// admins); this file evaluates them against the aggregates, says met / partial / gap with
// the numbers behind, and rolls recommendations up into the objectives they serve.
import { z } from "zod";
import {
  ACTIVITY_KINDS,
  DEPTHS,
  STAGES,
  STAGE_PHRASE,
  engagementsAtLeast,
  inventoryOf,
  metricsOf,
  type ActivityCounts,
  type ActivityKindName,
  type CoverageAggregates,
  type CoverageInventory,
  type DepthName,
  type StageName,
} from "./coverage-metrics";
import { DEPTH_LABELS } from "./participation/inputs";
import type { RecordsQuery } from "./records-query";

export const INDICATOR_KINDS = [
  "CORE_AREA_COVERAGE",
  "ACTIVITY_COUNT",
  "ACTIVITY_PER_AGENCY",
  "AGENCIES_WITH_ACTIVITY",
  "STAGE_ENGAGEMENT",
  "AREA_ENGAGEMENT",
] as const;

export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_KIND_LABEL: Record<IndicatorKind, string> = {
  CORE_AREA_COVERAGE: "Share of core areas engaged at a minimum depth (at “lead”: a leadership role)",
  ACTIVITY_COUNT: "Activities of a kind logged in the period",
  ACTIVITY_PER_AGENCY: "Activities of a kind per agency in view",
  AGENCIES_WITH_ACTIVITY: "Agencies logging an activity of a kind",
  STAGE_ENGAGEMENT: "Share of standards at given stages with a federal participant",
  AREA_ENGAGEMENT: "Active engagements in given committees or core areas",
};

const activityParams = z.object({ activityKind: z.enum(ACTIVITY_KINDS as [ActivityKindName, ...ActivityKindName[]]) });
const idList = z.array(z.string().trim().min(1).max(100)).max(200);

/** The params each kind needs; the admin form, the action and the engine share these. */
export const INDICATOR_PARAMS = {
  CORE_AREA_COVERAGE: z.object({ minDepth: z.enum(DEPTHS as [DepthName, ...DepthName[]]) }),
  ACTIVITY_COUNT: activityParams,
  ACTIVITY_PER_AGENCY: activityParams,
  AGENCIES_WITH_ACTIVITY: activityParams,
  STAGE_ENGAGEMENT: z.object({ stages: z.array(z.enum(STAGES as [StageName, ...StageName[]])).min(1, "Pick at least one stage") }),
  AREA_ENGAGEMENT: z
    .object({ coreAreaIds: idList.default([]), committeeIds: idList.default([]) })
    .refine((p) => p.coreAreaIds.length + p.committeeIds.length > 0, { message: "Name at least one core area or committee" }),
} satisfies Record<IndicatorKind, z.ZodType>;

export type IndicatorParams = { [K in IndicatorKind]: z.infer<(typeof INDICATOR_PARAMS)[K]> };

/** Kinds whose value is a share (0..1) and whose target is a share too. */
export const SHARE_KINDS: ReadonlySet<IndicatorKind> = new Set(["CORE_AREA_COVERAGE", "STAGE_ENGAGEMENT"]);

/** Kinds that count events over time: their yearly target scales with the period's length. */
export const FLOW_KINDS: ReadonlySet<IndicatorKind> = new Set(["ACTIVITY_COUNT", "ACTIVITY_PER_AGENCY"]);

export type AreaParams = IndicatorParams["AREA_ENGAGEMENT"];

/** AREA_ENGAGEMENT params of an indicator, or null when they do not parse. */
export function areaParamsOf(kind: IndicatorKind, params: unknown): AreaParams | null {
  if (kind !== "AREA_ENGAGEMENT") return null;
  const parsed = INDICATOR_PARAMS.AREA_ENGAGEMENT.safeParse(params);
  return parsed.success ? parsed.data : null;
}

export interface IndicatorDefinition {
  id: string;
  code: string;
  recommendationId: string;
  name: string;
  description: string;
  kind: IndicatorKind;
  params: unknown;
  target: number;
  unit: string;
  sortOrder: number;
}

export type Status = "met" | "partial" | "gap";
export type RollUpStatus = Status | "unmeasured";

export const STATUS_LABEL: Record<RollUpStatus, string> = { met: "Met", partial: "Partial", gap: "Gap", unmeasured: "Not measured" };

/** Attainment thresholds set by admins, as shares (0..1): met from `met`, partial from `partial`. */
export interface StatusThresholds {
  met: number;
  partial: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { met: 1, partial: 0.5 };

/**
 * The status of an attainment (0..1), the same rule for indicators, recommendations and
 * objectives: met at or above `met`, partial at or above `partial`, gap below.
 */
export function statusOf(attainment: number, thresholds: StatusThresholds): Status {
  // Rounded to a tenth of a percent, so 0.3 / 0.6 reads as the 50 % it is shown as.
  const a = Math.round(attainment * 1000) / 1000;
  if (a >= thresholds.met) return "met";
  return a >= thresholds.partial ? "partial" : "gap";
}

/** How far along the target is, 0..1. */
export function attainmentOf(value: number, target: number): number {
  if (target <= 0) return 1;
  return Math.max(0, Math.min(1, value / target));
}

export interface IndicatorBreakdownItem {
  label: string;
  value: string;
  drill?: RecordsQuery;
}

export interface IndicatorResult {
  id: string;
  code: string;
  recommendationId: string;
  name: string;
  description: string;
  kind: IndicatorKind;
  unit: string;
  /** "percent" for shares (value and target are 0..1). */
  format: "percent" | "number";
  value: number;
  /** The target this period is judged against (yearly targets of flows scaled to the period). */
  target: number;
  baseTarget: number;
  status: Status;
  attainment: number;
  /** One sentence with the numbers behind the value. */
  summary: string;
  breakdown: IndicatorBreakdownItem[];
  /** The records counted. */
  drill: RecordsQuery | null;
  /** Set when the stored params are unusable; the indicator then reads 0. */
  error: string | null;
}

export interface IndicatorInputs {
  aggregates: CoverageAggregates;
  inventory: CoverageInventory;
  coreAreas: readonly { id: string; name: string }[];
  committees: readonly { id: string; designation: string }[];
  activities: ActivityCounts;
  /** AREA_ENGAGEMENT values, by indicator id (counted in the database). */
  areaEngagements: Readonly<Record<string, number>>;
  /** Years of the period elapsed by the as-of day (1 for a past fiscal year). */
  periodYears: number;
  /** Agencies the view covers: every agency tracked, or 1 under an agency filter. */
  agenciesInView: number;
  thresholds: StatusThresholds;
}

export const ACTIVITY_LABEL: Record<ActivityKindName, { one: string; many: string }> = {
  TRAINING: { one: "training activity", many: "training activities" },
  ADOPTION: { one: "adoption of a standard", many: "adoptions of standards" },
  INTERNATIONAL_EXCHANGE: { one: "international exchange", many: "international exchanges" },
  PUBLIC_PRIVATE_COLLABORATION: { one: "public–private collaboration", many: "public–private collaborations" },
  INTERAGENCY_COORDINATION: { one: "interagency coordination activity", many: "interagency coordination activities" },
};

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const fmt = (n: number) => NUMBER.format(n);
const pct = (n: number) => `${PERCENT.format(n * 100)}%`;
const activityPhrase = (kind: ActivityKindName, n: number) => `${fmt(n)} ${n === 1 ? ACTIVITY_LABEL[kind].one : ACTIVITY_LABEL[kind].many}`;

interface Measured {
  value: number;
  summary: string;
  breakdown: IndicatorBreakdownItem[];
  drill: RecordsQuery | null;
}

/** `def.params` has been parsed with INDICATOR_PARAMS[def.kind] already. */
function measure(def: IndicatorDefinition, inputs: IndicatorInputs): Measured {
  const { aggregates } = inputs;
  switch (def.kind) {
    case "CORE_AREA_COVERAGE": {
      const { minDepth } = def.params as IndicatorParams["CORE_AREA_COVERAGE"];
      // Only core areas with committees or standards in scope can be covered.
      const areas = inputs.coreAreas.filter((c) => {
        const inv = inventoryOf(inputs.inventory.coreArea, c.id);
        return inv.committees + inv.standards > 0;
      });
      // "Lead" means a leadership role held in the period: the one meaning of leadership
      // (the NO_LEADERSHIP flag and the leadership counts use the same), never depth alone.
      const leads = minDepth === "LEAD";
      const countOf = (id: string) => {
        const m = metricsOf(aggregates.coreArea, id);
        return leads ? m.leadership : engagementsAtLeast(m.depth, minDepth);
      };
      const rows = areas.map((c) => ({ area: c, n: countOf(c.id) }));
      const covered = rows.filter((r) => r.n > 0).length;
      const depth = DEPTH_LABELS[minDepth].toLowerCase();
      const filter: Pick<RecordsQuery, "minDepth" | "leadership"> = leads ? { leadership: true } : { minDepth };
      const what = leads ? "leadership positions" : "engagements";
      return {
        value: areas.length ? covered / areas.length : 0,
        summary: leads
          ? `${covered} of ${areas.length} core areas have a federal participant in a leadership role (chair, convenor, editor or similar) in the period.`
          : `${covered} of ${areas.length} core areas have at least one engagement at “${depth}” depth or deeper.`,
        breakdown: rows.map((r) => ({
          label: r.area.name,
          value: r.n > 0 ? `${fmt(r.n)} ${what}` : "none",
          drill: { kind: "engagements", coreArea: [r.area.id], ...filter },
        })),
        drill: { kind: "engagements", coreArea: areas.map((a) => a.id), ...filter },
      };
    }
    case "ACTIVITY_COUNT": {
      const { activityKind } = def.params as IndicatorParams["ACTIVITY_COUNT"];
      const n = inputs.activities[activityKind].count;
      return {
        value: n,
        summary: `${capitalise(activityPhrase(activityKind, n))} logged in the period.`,
        breakdown: [],
        drill: { kind: "activities", activityKind },
      };
    }
    case "ACTIVITY_PER_AGENCY": {
      const { activityKind } = def.params as IndicatorParams["ACTIVITY_PER_AGENCY"];
      // One population on both sides: the activities of every agency in view, divided by
      // the number of agencies in view (all agencies tracked; one under an agency filter).
      const n = inputs.activities[activityKind].count;
      const agencies = inputs.agenciesInView;
      return {
        value: agencies ? n / agencies : 0,
        summary: `${capitalise(activityPhrase(activityKind, n))} logged by the ${fmt(agencies)} ${agencies === 1 ? "agency" : "agencies"} in view (${fmt(inputs.activities[activityKind].agencies)} of them logged any).`,
        breakdown: [
          { label: capitalise(ACTIVITY_LABEL[activityKind].many), value: fmt(n), drill: { kind: "activities", activityKind } },
          { label: "Agencies in view", value: fmt(agencies) },
        ],
        drill: { kind: "activities", activityKind },
      };
    }
    case "AGENCIES_WITH_ACTIVITY": {
      const { activityKind } = def.params as IndicatorParams["AGENCIES_WITH_ACTIVITY"];
      const { agencies, count } = inputs.activities[activityKind];
      return {
        value: agencies,
        summary: `${fmt(agencies)} ${agencies === 1 ? "agency" : "agencies"} logged ${activityPhrase(activityKind, count)} in the period.`,
        breakdown: [],
        drill: { kind: "activities", activityKind },
      };
    }
    case "STAGE_ENGAGEMENT": {
      const { stages } = def.params as IndicatorParams["STAGE_ENGAGEMENT"];
      let total = 0;
      let engaged = 0;
      for (const stage of stages) {
        total += aggregates.standardsByStage[stage].total;
        engaged += aggregates.standardsByStage[stage].engaged;
      }
      return {
        value: total ? engaged / total : 0,
        summary: `${fmt(engaged)} of ${fmt(total)} standards that are ${orList(stages.map((s) => STAGE_PHRASE[s]))} have a federal participant.`,
        breakdown: stages.flatMap((stage) => {
          const row = aggregates.standardsByStage[stage];
          return [
            { label: `${capitalise(STAGE_PHRASE[stage])}: with a federal participant`, value: fmt(row.engaged), drill: { kind: "standards" as const, stage: [stage], coverage: "with" as const } },
            { label: `${capitalise(STAGE_PHRASE[stage])}: without`, value: fmt(row.total - row.engaged), drill: { kind: "standards" as const, stage: [stage], coverage: "without" as const } },
          ];
        }),
        drill: { kind: "standards", stage: [...stages], coverage: "with" },
      };
    }
    case "AREA_ENGAGEMENT": {
      const params = def.params as AreaParams;
      const n = inputs.areaEngagements[def.id] ?? 0;
      const areaName = new Map(inputs.coreAreas.map((c) => [c.id, c.name]));
      const committeeName = new Map(inputs.committees.map((c) => [c.id, c.designation]));
      const names = [
        ...params.committeeIds.map((id) => committeeName.get(id) ?? id),
        ...params.coreAreaIds.map((id) => areaName.get(id) ?? id),
      ];
      return {
        value: n,
        summary: `${fmt(n)} active ${n === 1 ? "engagement" : "engagements"} in ${names.join(", ")}.`,
        breakdown: [
          ...params.committeeIds.map((id) => ({
            label: committeeName.get(id) ?? `${id} (unknown committee)`,
            value: fmt(metricsOf(aggregates.committee, id).engagements),
            drill: { kind: "engagements" as const, committee: [id] },
          })),
          ...params.coreAreaIds.map((id) => ({
            label: areaName.get(id) ?? `${id} (unknown core area)`,
            value: fmt(metricsOf(aggregates.coreArea, id).engagements),
            drill: { kind: "engagements" as const, coreArea: [id] },
          })),
        ],
        drill: { kind: "engagements", committee: params.committeeIds, coreArea: params.coreAreaIds },
      };
    }
  }
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function evaluateIndicator(def: IndicatorDefinition, inputs: IndicatorInputs): IndicatorResult {
  const scale = FLOW_KINDS.has(def.kind) ? inputs.periodYears : 1;
  const target = def.target * scale;
  const base = {
    id: def.id,
    code: def.code,
    recommendationId: def.recommendationId,
    name: def.name,
    description: def.description,
    kind: def.kind,
    unit: def.unit,
    format: SHARE_KINDS.has(def.kind) ? ("percent" as const) : ("number" as const),
    target,
    baseTarget: def.target,
  };
  const parsed = INDICATOR_PARAMS[def.kind].safeParse(def.params);
  if (!parsed.success) {
    return {
      ...base,
      value: 0,
      status: "gap",
      attainment: 0,
      summary: "This indicator's settings are invalid, so it cannot be measured; an admin can correct them.",
      breakdown: [],
      drill: null,
      error: parsed.error.issues.map((i) => i.message).join("; "),
    };
  }
  const m = measure({ ...def, params: parsed.data }, inputs);
  const scaled =
    scale !== 1 ? ` The yearly target of ${formatValue(def.target, base.format)} is scaled to the ${fmt(scale)} years the period covers so far.` : "";
  return {
    ...base,
    value: m.value,
    status: statusOf(attainmentOf(m.value, target), inputs.thresholds),
    attainment: attainmentOf(m.value, target),
    summary: m.summary + scaled,
    breakdown: m.breakdown,
    drill: m.drill,
    error: null,
  };
}

export function formatValue(value: number, format: "percent" | "number"): string {
  return format === "percent" ? pct(value) : fmt(value);
}

// ---------------------------------------------------------------- roll-ups

export interface RecommendationResult {
  id: string;
  number: number;
  title: string;
  indicatorIds: string[];
  /** Mean attainment of its indicators; null when nothing measures it. */
  attainment: number | null;
  status: RollUpStatus;
}

export interface ObjectiveResult {
  id: string;
  number: number;
  title: string;
  recommendationIds: string[];
  attainment: number | null;
  status: RollUpStatus;
}

/** The status of a mean attainment by the same thresholds as an indicator's; unmeasured when null. */
export function rollUpStatus(attainment: number | null, thresholds: StatusThresholds): RollUpStatus {
  return attainment === null ? "unmeasured" : statusOf(attainment, thresholds);
}

function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function rollUpRecommendations(
  recommendations: readonly { id: string; number: number; title: string }[],
  indicators: readonly IndicatorResult[],
  thresholds: StatusThresholds,
): RecommendationResult[] {
  return [...recommendations]
    .sort((a, b) => a.number - b.number)
    .map((r) => {
      const own = indicators.filter((i) => i.recommendationId === r.id);
      const attainment = mean(own.map((i) => i.attainment));
      return {
        id: r.id,
        number: r.number,
        title: r.title,
        indicatorIds: own.map((i) => i.id),
        attainment,
        status: rollUpStatus(attainment, thresholds),
      };
    });
}

export function rollUpObjectives(
  objectives: readonly { id: string; number: number; title: string; recommendationIds: readonly string[] }[],
  recommendations: readonly RecommendationResult[],
  thresholds: StatusThresholds,
): ObjectiveResult[] {
  return [...objectives]
    .sort((a, b) => a.number - b.number)
    .map((o) => {
      const serving = recommendations.filter((r) => o.recommendationIds.includes(r.id));
      const attainment = mean(serving.flatMap((r) => (r.attainment === null ? [] : [r.attainment])));
      return {
        id: o.id,
        number: o.number,
        title: o.title,
        recommendationIds: serving.map((r) => r.id),
        attainment,
        status: rollUpStatus(attainment, thresholds),
      };
    });
}
