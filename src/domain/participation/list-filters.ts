// URL search params of the participation lists, parsed into filters. The URL carries the
// whole view (filters, sort, page) so a view can be shared; anything malformed is dropped
// rather than failing the page.
import { z } from "zod";
import { ACTIVITY_KINDS, DEPTHS, ENGAGEMENT_ROLES } from "./inputs";

export const PAGE_SIZE = 25;

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const clean = (v: unknown) => {
  const s = typeof v === "string" ? v.trim() : undefined;
  return s ? s : undefined;
};
const idParam = z.preprocess(clean, z.string().max(64).optional()).catch(undefined);
const dayParam = z.preprocess(clean, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()).catch(undefined);
const textParam = z.preprocess(clean, z.string().max(100).optional()).catch(undefined);
const pageParam = z.preprocess(clean, z.coerce.number().int().min(1).max(100000).optional()).catch(undefined);
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
