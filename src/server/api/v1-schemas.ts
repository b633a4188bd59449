// The read API's query and response schemas (zod), shared by the route handlers (which
// validate with them) and the OpenAPI document (generated from them with z.toJSONSchema).
import { z } from "zod";
import { isFilterDay, MAX_ID_LENGTH, MAX_SEARCH_LENGTH } from "@/domain/participation/list-filters";
import { ACTIVITY_KINDS, DEPTHS, ENGAGEMENT_ROLES, STANDARD_USES } from "@/domain/participation/inputs";

export const MAX_API_LIMIT = 1000;
export const DEFAULT_API_LIMIT = 100;

const id = (description: string) => z.string().min(1).max(MAX_ID_LENGTH).describe(description);
const DAY_MESSAGE = "use a real date from 1900 to 2100, like 2025-03-31";
const day = (description: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, DAY_MESSAGE).refine(isFilterDay, DAY_MESSAGE).describe(description);
const search = z.string().max(MAX_SEARCH_LENGTH).describe("Case-insensitive search, as on the list page");

/** Cursor and page size, common to every collection. */
const paging = {
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, "use the cursor from a previous response's next link")
    .optional()
    .describe("Opaque cursor from the previous page's `next` link"),
  limit: z.coerce
    .number()
    .int("use a whole number")
    .min(1, "use at least 1")
    .max(MAX_API_LIMIT, `use at most ${MAX_API_LIMIT}`)
    .default(DEFAULT_API_LIMIT)
    .describe(`Rows per page, 1 to ${MAX_API_LIMIT} (default ${DEFAULT_API_LIMIT})`),
  format: z
    .enum(["json", "csv"])
    .optional()
    .describe(
      "json (default): `{data, next}`. csv: the same rows as RFC 4180 CSV (text/csv), a header row of the item's field names, " +
        "cells a spreadsheet would run as formulas prefixed with ', arrays and objects as JSON text; the next page's URL is in the " +
        'Link header (rel="next")',
    ),
};

export const engagementQuery = z.strictObject({
  q: search.optional(),
  agency: id("Agency id (coordinators always see their own agency only)").optional(),
  participant: id("Participant id").optional(),
  sdo: id("SDO id").optional(),
  committee: id("Committee id").optional(),
  standard: id("Standard id").optional(),
  coreArea: id("Core area id").optional(),
  keyApplication: id("Key application id").optional(),
  depth: z.enum(DEPTHS).describe("How deep the participation is").optional(),
  role: z.enum(ENGAGEMENT_ROLES).describe("Role held").optional(),
  status: z.enum(["active", "ended", "all"]).describe("Still held, ended, or all (default)").optional(),
  leadership: z.enum(["true", "false", "1", "0"]).optional().describe("Only leadership roles"),
  from: day("Engaged on or after this day").optional(),
  to: day("Engaged on or before this day").optional(),
  ...paging,
});

export const activityQuery = z.strictObject({
  q: search.optional(),
  agency: id("Agency id (coordinators always see their own agency only)").optional(),
  kind: z.enum(ACTIVITY_KINDS).describe("Kind of activity").optional(),
  participant: id("Participant id").optional(),
  sdo: id("SDO id").optional(),
  committee: id("Committee id").optional(),
  standard: id("Standard id").optional(),
  from: day("Under way on or after this day").optional(),
  to: day("Started on or before this day").optional(),
  ...paging,
});

export const participantQuery = z.strictObject({
  q: search.optional(),
  agency: id("Agency id (coordinators always see their own agency only)").optional(),
  status: z.enum(["active", "inactive", "all"]).optional().describe("Default active, as on the list page"),
  ...paging,
});

export const sdoQuery = z.strictObject({ ...paging });
export const committeeQuery = z.strictObject({ sdo: id("SDO id").optional(), ...paging });
export const standardQuery = z.strictObject({ sdo: id("SDO id").optional(), committee: id("Committee id").optional(), ...paging });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const timestamp = z.iso.datetime();
const provenance = {
  provenance: z.enum(["CONFIRMED", "CONFIRMED_SECONDARY", "INFERRED", "GENERAL_KNOWLEDGE"]),
  sourceRefs: z.array(z.string()),
};

export const engagementItem = z.strictObject({
  id: z.string(),
  participantId: z.string(),
  participant: z.string(),
  agencyId: z.string(),
  agency: z.string(),
  sdoId: z.string().nullable(),
  sdo: z.string().nullable(),
  committeeId: z.string().nullable(),
  committee: z.string().nullable(),
  standardId: z.string().nullable(),
  standard: z.string().nullable(),
  role: z.enum(ENGAGEMENT_ROLES),
  depth: z.enum(DEPTHS),
  startDate: isoDay,
  endDate: isoDay.nullable(),
  lastConfirmedOn: isoDay.nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  updatedAt: timestamp,
});

export const activityItem = z.strictObject({
  id: z.string(),
  agencyId: z.string(),
  agency: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  counterpart: z.string().nullable(),
  startDate: isoDay,
  endDate: isoDay.nullable(),
  participantId: z.string().nullable(),
  participant: z.string().nullable(),
  sdoId: z.string().nullable(),
  sdo: z.string().nullable(),
  committeeId: z.string().nullable(),
  committee: z.string().nullable(),
  standardId: z.string().nullable(),
  standard: z.string().nullable(),
  attendees: z.number().int().nullable(),
  standardUse: z.enum(STANDARD_USES).nullable().describe("Adoptions: the OMB A-119 category"),
  governmentUniqueReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: timestamp,
});

export const participantItem = z.strictObject({
  id: z.string(),
  agencyId: z.string(),
  agency: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: timestamp,
});

export const sdoItem = z.strictObject({ id: z.string(), acronym: z.string(), name: z.string(), type: z.string(), ...provenance, updatedAt: timestamp });

export const committeeItem = z.strictObject({
  id: z.string(),
  sdoId: z.string(),
  parentId: z.string().nullable(),
  designation: z.string(),
  title: z.string(),
  usMirrorOrTag: z.string().nullable(),
  note: z.string().nullable(),
  ...provenance,
  updatedAt: timestamp,
});

export const standardItem = z.strictObject({
  id: z.string(),
  sdoId: z.string(),
  committeeId: z.string().nullable(),
  designation: z.string(),
  title: z.string(),
  stage: z.enum(["PROPOSED", "DEVELOPMENT", "PUBLISHED", "REVISION", "WITHDRAWN"]),
  year: z.number().int().nullable(),
  note: z.string().nullable(),
  ...provenance,
  updatedAt: timestamp,
});

export const objectiveQuery = z.strictObject({ ...paging });
export const recommendationQuery = z.strictObject({ objective: id("Objective id: only the recommendations serving it").optional(), ...paging });
export const coreAreaQuery = z.strictObject({ ...paging });
export const keyApplicationQuery = z.strictObject({ ...paging });
export const agencyQuery = z.strictObject({ ...paging });

export const objectiveItem = z.strictObject({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  gist: z.string(),
  recommendationIds: z.array(z.string()),
  ...provenance,
});

export const recommendationItem = z.strictObject({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  gist: z.string(),
  indicators: z.array(z.string()).describe("The indicators NISTIR 8074 names for it, as text"),
  objectiveIds: z.array(z.string()),
  ...provenance,
});

export const coreAreaItem = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  maturity: z.string().nullable(),
  committeeIds: z.array(z.string()),
  ...provenance,
});

export const keyApplicationItem = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  maturity: z.string().nullable(),
  committeeIds: z.array(z.string()),
  ...provenance,
});

export const agencyItem = z.strictObject({
  id: z.string(),
  acronym: z.string(),
  name: z.string(),
  parentId: z.string().nullable().describe("Parent department, for roll-ups"),
  iicswgMember: z.boolean(),
  ...provenance,
  updatedAt: timestamp,
});

export const auditQuery = z.strictObject({
  actor: id("User id of whoever made the change").optional(),
  entityType: z.string().min(1).max(40).describe("Record type, e.g. Engagement, Participant, Activity, User").optional(),
  entityId: id("One record's id").optional(),
  from: day("Changed on or after this day (UTC)").optional(),
  to: day("Changed on or before this day (UTC)").optional(),
  ...paging,
});

export const auditItem = z.strictObject({
  id: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorEmail: z.string(),
  agencyId: z.string().nullable(),
  before: z.unknown().describe("The record before the change (JSON), or null"),
  after: z.unknown().describe("The record after the change (JSON), or null"),
  createdAt: timestamp,
});

export const coverageQuery = z.strictObject({
  fy: z.coerce.number().int("use a whole number").min(2000, "use a fiscal year from 2000").max(2100, "use a fiscal year up to 2100")
    .describe("Fiscal year (October to September); default: the current one").optional(),
  from: day("Start of a date range (give `to` too); overrides `fy`").optional(),
  to: day("End of the date range (give `from` too; at most 20 years)").optional(),
  agency: id("Agency id (coordinators always get their own agency)").optional(),
  sdo: id("SDO id").optional(),
});

const depthCounts = z.strictObject({ OBSERVE: z.number().int(), ATTEND: z.number().int(), CONTRIBUTE: z.number().int(), LEAD: z.number().int() });
const metrics = {
  engagements: z.number().int().describe("Engagements active in the period"),
  participants: z.number().int(),
  agencies: z.number().int(),
  leadership: z.number().int(),
  depth: depthCounts,
  lastActivity: isoDay.nullable(),
  score: z.number().describe("Depth-weighted score"),
  level: z.number().int().describe("Deepest seat, 1 (observe) to 4 (lead); 0 when nothing is engaged"),
  deepShare: z.number().nullable().describe("Share of seats at contribute or deeper"),
};
const rollUpStatus = z.enum(["met", "partial", "gap", "unmeasured"]);
const coverageRow = z.strictObject({
  id: z.string(),
  label: z.string(),
  ...metrics,
  flags: z.array(z.strictObject({ code: z.string(), reason: z.string() })),
});
const named = z.strictObject({ id: z.string(), acronym: z.string(), name: z.string() }).nullable();

export const coverageReport = z.strictObject({
  generatedAt: timestamp,
  period: z.strictObject({ kind: z.enum(["fiscalYear", "range"]), fiscalYear: z.number().int().nullable(), start: isoDay, end: isoDay, label: z.string() }),
  asOf: isoDay,
  agency: named,
  sdo: named,
  totals: z.strictObject(metrics),
  objectives: z.array(z.strictObject({ id: z.string(), number: z.number().int(), title: z.string(), recommendationIds: z.array(z.string()), attainment: z.number().nullable(), status: rollUpStatus })),
  recommendations: z.array(z.strictObject({ id: z.string(), number: z.number().int(), title: z.string(), indicatorIds: z.array(z.string()), attainment: z.number().nullable(), status: rollUpStatus })),
  indicators: z.array(z.strictObject({
    id: z.string(), code: z.string(), recommendationId: z.string(), name: z.string(), unit: z.string(), format: z.enum(["percent", "number"]),
    value: z.number(), target: z.number(), status: z.enum(["met", "partial", "gap"]), attainment: z.number(), summary: z.string(),
  })),
  coreAreas: z.array(coverageRow),
  keyApplications: z.array(coverageRow),
  sdos: z.array(coverageRow),
  committees: z.array(coverageRow),
  gaps: z.array(z.strictObject({
    rank: z.number().int(), code: z.string(), subject: z.strictObject({ kind: z.string(), id: z.string(), label: z.string() }), reason: z.string(), severity: z.number(),
  })),
});

/** One page of a collection: rows in id order and the link to the next page (null at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    data: z.array(item),
    next: z.string().nullable().describe("Relative URL of the next page, or null after the last row"),
  });
}

export const API_ERROR_CODES = [
  "UNAUTHENTICATED", "FORBIDDEN", "UNKNOWN_PARAMETER", "INVALID_PARAMETER", "NOT_FOUND", "RATE_LIMITED", "BUSY", "INTERNAL",
] as const;

export const apiError = z.strictObject({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  parameter: z.string().optional().describe("The query parameter at fault, for 400s"),
});
