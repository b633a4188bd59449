// URL search params of the participation lists, parsed into filters. The URL carries the
// whole view (filters, sort, page) so a view can be shared; anything malformed is dropped
// rather than failing the page. Exports are stricter: filterProblems() names every value
// that was dropped, and the export answers 400 with those reasons instead of exporting a
// different set of rows than asked for.
import { z } from "zod";
import { isIsoDate } from "@/domain/fiscal-year";
import { ACTIVITY_KINDS, DEPTHS, ENGAGEMENT_ROLES } from "./inputs";

export const PAGE_SIZE = 25;

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const clean = (v: unknown) => {
  const s = typeof v === "string" ? v.trim() : undefined;
  return s ? s : undefined;
};
/** Filter dates: real calendar days (no 2025-13-45) within these years. */
export const FILTER_YEARS = { min: 1900, max: 2100 } as const;
export const MAX_SEARCH_LENGTH = 100;
export const MAX_ID_LENGTH = 64;
export const MAX_PAGE = 100_000;

export function isFilterDay(text: string): boolean {
  if (!isIsoDate(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= FILTER_YEARS.min && year <= FILTER_YEARS.max;
}

const idParam = z.preprocess(clean, z.string().max(MAX_ID_LENGTH).optional()).catch(undefined);
export const dayParam = z.preprocess(clean, z.string().refine(isFilterDay).optional()).catch(undefined);
const textParam = z.preprocess(clean, z.string().max(MAX_SEARCH_LENGTH).optional()).catch(undefined);
const pageParam = z.preprocess(clean, z.coerce.number().int().min(1).max(MAX_PAGE).optional()).catch(undefined);
const dirParam = z.enum(["asc", "desc"]).catch("desc");

function pick(params: Params, keys: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, first(params[k])]));
}

export const ENGAGEMENT_SORTS = ["startDate", "endDate", "participant", "committee", "role", "depth", "agency"] as const;
const engagementFilterSchema = z.object({
  q: textParam,
  agency: idParam,
  participant: idParam,
  sdo: idParam,
  committee: idParam,
  standard: idParam,
  coreArea: idParam,
  keyApplication: idParam,
  depth: z.enum(DEPTHS).optional().catch(undefined),
  role: z.enum(ENGAGEMENT_ROLES).optional().catch(undefined),
  status: z.enum(["active", "ended", "all"]).catch("all"),
  leadership: z.preprocess((v) => v === "1" || v === "true", z.boolean()).catch(false),
  from: dayParam,
  to: dayParam,
  sort: z.enum(ENGAGEMENT_SORTS).catch("startDate"),
  dir: dirParam,
  page: pageParam,
});
export type EngagementFilters = z.infer<typeof engagementFilterSchema>;

export function parseEngagementFilters(params: Params): EngagementFilters {
  return engagementFilterSchema.parse(pick(params, Object.keys(engagementFilterSchema.shape)));
}

export const PARTICIPANT_SORTS = ["name", "agency", "engagements", "updatedAt"] as const;
const participantFilterSchema = z.object({
  q: textParam,
  agency: idParam,
  status: z.enum(["active", "inactive", "all"]).catch("active"),
  sort: z.enum(PARTICIPANT_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: pageParam,
});
export type ParticipantFilters = z.infer<typeof participantFilterSchema>;

export function parseParticipantFilters(params: Params): ParticipantFilters {
  return participantFilterSchema.parse(pick(params, Object.keys(participantFilterSchema.shape)));
}

export const ACTIVITY_SORTS = ["startDate", "kind", "title", "agency"] as const;
const activityFilterSchema = z.object({
  q: textParam,
  agency: idParam,
  kind: z.enum(ACTIVITY_KINDS).optional().catch(undefined),
  participant: idParam,
  sdo: idParam,
  committee: idParam,
  standard: idParam,
  from: dayParam,
  to: dayParam,
  sort: z.enum(ACTIVITY_SORTS).catch("startDate"),
  dir: dirParam,
  page: pageParam,
});
export type ActivityFilters = z.infer<typeof activityFilterSchema>;

export function parseActivityFilters(params: Params): ActivityFilters {
  return activityFilterSchema.parse(pick(params, Object.keys(activityFilterSchema.shape)));
}

const REASONS: Record<string, string> = {
  q: `use at most ${MAX_SEARCH_LENGTH} characters`,
  from: `use a real date from ${FILTER_YEARS.min} to ${FILTER_YEARS.max}, like 2025-03-31`,
  to: `use a real date from ${FILTER_YEARS.min} to ${FILTER_YEARS.max}, like 2025-03-31`,
  page: `use a whole number from 1 to ${MAX_PAGE}`,
};

export type FilterProblems = Record<string, string>;

/**
 * The params the parsed filters had to drop or replace, each with the reason: the caller
 * sent something, and the filters do not say the same thing. Empty when all were read.
 */
function filterProblems(params: Params, keys: readonly string[], parsed: Record<string, unknown>): FilterProblems {
  const problems: FilterProblems = {};
  for (const key of keys) {
    const raw = first(params[key])?.trim();
    const value = parsed[key];
    if (!raw || typeof value === "boolean") continue;
    if (value === undefined || String(value) !== raw) {
      problems[key] = REASONS[key] ?? (raw.length > MAX_ID_LENGTH ? `use at most ${MAX_ID_LENGTH} characters` : "not one of the allowed values");
    }
  }
  const { from, to } = parsed;
  if (typeof from === "string" && typeof to === "string" && from > to) problems.to = "must not be before the from date";
  return problems;
}

export function engagementFilterProblems(params: Params): FilterProblems {
  return filterProblems(params, Object.keys(engagementFilterSchema.shape), parseEngagementFilters(params));
}

export function activityFilterProblems(params: Params): FilterProblems {
  return filterProblems(params, Object.keys(activityFilterSchema.shape), parseActivityFilters(params));
}

/** The query string for a view (empty values and page 1 left out); `patch` overrides, undefined removes. */
export function toQueryString(filters: Record<string, unknown>, patch: Record<string, unknown> = {}): string {
  const merged = { ...filters, ...patch };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (key === "page" && value === 1) continue;
    search.set(key, value === true ? "1" : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
