// The read API's data functions: the list pages' own `where` builders (same filters, same
// scope), keyset-paged by id. Rows are plain JSON values shaped as in v1-schemas.ts.
import "server-only";
import { createHash } from "node:crypto";
import { csvLine } from "@/domain/csv";
import type { z } from "zod";
import { parseActivityFilters, parseEngagementFilters, parseParticipantFilters } from "@/domain/participation/list-filters";
import type { Scope } from "@/server/auth/session";
import { appDatabase } from "@/server/db/app-database";
import { db } from "@/server/db/client";
import { activityRecord, activitySnapshot, activityWhere } from "@/server/participation/activities";
import { engagementRecord, engagementSnapshot, engagementWhere } from "@/server/participation/engagements";
import { participantWhere } from "@/server/participation/participants";
import { fromDate, listAgency } from "@/server/participation/scope";
import { periodLabel } from "@/domain/fiscal-year";
import { auditRow, auditWhere } from "@/server/audit/audit-log";
import { loadGapReport } from "@/server/coverage/dashboard";
import type {
  activityItem, agencyItem, auditItem, committeeItem, coreAreaItem, coverageQuery, coverageReport, engagementItem, keyApplicationItem,
  objectiveItem, participantItem, recommendationItem, sdoItem, standardItem,
} from "./v1-schemas";
import { pageWithReadAhead } from "./read-ahead";
import type { RawQuery } from "./v1-route";

const afterId = (after: string | undefined) => (after !== undefined ? { id: { gt: after } } : {});

export async function apiEngagements(scope: Scope, raw: RawQuery, after: string | undefined, take: number): Promise<z.infer<typeof engagementItem>[]> {
  const filters = parseEngagementFilters(raw);
  const rows = await db.engagement.findMany({
    where: { AND: [engagementWhere(scope, filters), afterId(after)] },
    orderBy: { id: "asc" },
    take,
    select: engagementRecord,
  });
  // The JSON export's shape of a row (engagementSnapshot), plus the ids and time the API adds.
  return rows.map((e) => ({
    ...engagementSnapshot(e),
    startDate: fromDate(e.startDate)!,
    agencyId: e.agencyId,
    sdoId: e.committee?.sdoId ?? e.standard?.sdoId ?? null,
    sdo: e.committee?.sdo.acronym ?? e.standard?.sdo.acronym ?? null,
    updatedAt: e.updatedAt.toISOString(),
  }));
}

// The engagement columns of the read API, in engagementItem's fields and order, with how a
// CSV cell shows the value. PostgreSQL writes each row's JSON (row_to_json): dates as
// YYYY-MM-DD, `version` as a number, NULL as null, text escaped as JSON.stringify does; the
// timestamp is written as ISO 8601 UTC with milliseconds, as Date.toISOString() does (the
// column holds UTC). Or it writes each row's CSV line, as csvLine (domain/csv.ts) does.
type CellKind = "text" | "date" | "number";
const ENGAGEMENT_COLUMNS: [field: string, sql: string, kind: CellKind][] = [
  ["id", "e.id", "text"],
  ["participantId", 'e."participantId"', "text"],
  ["participant", "p.name", "text"],
  ["agencyId", 'e."agencyId"', "text"],
  ["agency", "a.acronym", "text"],
  ["sdoId", 'COALESCE(c."sdoId", s."sdoId")', "text"],
  ["sdo", "COALESCE(cs.acronym, ss.acronym)", "text"],
  ["committeeId", 'e."committeeId"', "text"],
  ["committee", "c.designation", "text"],
  ["standardId", 'e."standardId"', "text"],
  ["standard", "s.designation", "text"],
  ["role", "e.role", "text"],
  ["depth", "e.depth", "text"],
  ["startDate", 'e."startDate"', "date"],
  ["endDate", 'e."endDate"', "date"],
  ["lastConfirmedOn", 'e."lastConfirmedOn"', "date"],
  ["notes", "e.notes", "text"],
  ["version", "e.version", "number"],
  ["updatedAt", `to_char(e."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`, "text"],
];

/**
 * The SQL of one CSV cell, as csvCell writes it: NULL empty, a date as YYYY-MM-DD, a number
 * as is, text that a spreadsheet would run as a formula (=, +, -, @, tab or CR first)
 * prefixed with ', then quoted ("" for ") if it holds a quote, a comma, CR or LF.
 */
function csvCellSql(column: string, kind: CellKind): string {
  if (kind === "date") return `COALESCE(to_char(${column}, 'YYYY-MM-DD'), '')`;
  if (kind === "number") return `COALESCE(${column}::text, '')`;
  const value = `${column}::text`;
  const neutralised = `CASE WHEN ${value} ~ '^[=+@\\t\\r-]' THEN '''' || ${value} ELSE ${value} END`;
  return `COALESCE(CASE WHEN ${value} ~ '[",\\r\\n]' THEN '"' || replace(${neutralised}, '"', '""') || '"' ELSE ${neutralised} END, '')`;
}

export type PageFormat = "json" | "csv";

const ENGAGEMENT_CSV_HEADER = csvLine(ENGAGEMENT_COLUMNS.map(([field]) => field));

/**
 * The joined engagement rows of `from` (a subquery aliased e), in id order, as [id, the
 * row's JSON object or CSV line (without its CRLF)]: the database writes the text, so this
 * process neither parses 19 values a row nor builds the text (it only joins the rows).
 */
const engagementRowsSql = (from: string, format: PageFormat) => `
SELECT r.id, ${
  format === "json"
    ? "row_to_json(r)::text"
    : `concat_ws(',', ${ENGAGEMENT_COLUMNS.map(([field, , kind]) => csvCellSql(`r."${field}"`, kind)).join(", ")})`
} FROM (
  SELECT ${ENGAGEMENT_COLUMNS.map(([field, sql]) => `${sql} AS "${field}"`).join(", ")}
  FROM ${from}
  JOIN "Participant" p ON p.id = e."participantId"
  JOIN "Agency" a ON a.id = e."agencyId"
  LEFT JOIN "Committee" c ON c.id = e."committeeId" LEFT JOIN "Sdo" cs ON cs.id = c."sdoId"
  LEFT JOIN "Standard" s ON s.id = e."standardId" LEFT JOIN "Sdo" ss ON ss.id = s."sdoId"
) r
ORDER BY r.id`;

// One statement per shape (agency or not, first page or not, JSON or CSV), each prepared
// once per connection: a plan made for "$1 IS NULL OR ..." could not use the id order's
// index range.
const pageStatement = (byAgency: boolean, fromStart: boolean, format: PageFormat) => {
  const where = [byAgency ? 'e."agencyId" = $1' : null, fromStart ? null : `e.id > $${byAgency ? 2 : 1}`].filter(Boolean);
  const limit = `$${1 + Number(byAgency) + Number(!fromStart)}`;
  return {
    name: `api_engagements_${byAgency ? "agency" : "all"}_${fromStart ? "first" : "next"}_${format}`,
    text: engagementRowsSql(`(SELECT * FROM "Engagement" e ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY e.id LIMIT ${limit}::int) e`, format),
  };
};
const byIds = (format: PageFormat) => ({
  name: `api_engagements_by_ids_${format}`,
  text: engagementRowsSql(`(SELECT * FROM "Engagement" WHERE id = ANY($1::text[])) e`, format),
});

/** Query parameters that do not narrow the engagements (besides the agency, which the fast path applies itself). */
const UNFILTERED = new Set(["agency", "limit", "cursor", "format"]);

/** A page as the text of its rows (a JSON array, or CSV with its header row), its SHA-256, where it ends. */
export type TextPage = { text: string; digest: string; lastId: string | null; more: boolean };

/**
 * One page of engagements as text (a JSON array, or CSV), for whole-collection walks (the
 * benchmark's 100k rows). PostgreSQL writes each row's JSON object or CSV line; this
 * process joins them and hashes the page (for its ETag), so neither parses a row's 19
 * values nor builds its text on the thread that serves requests. A walk with no filter but
 * the agency (the scope's, or an admin's choice) is ONE prepared statement: keyset page,
 * joined rows. With other filters the page's ids come from the Engagements page's own
 * `where` (same filters, same scope) in one id-only query, and a prepared statement reads
 * those rows. The page after it is read ahead (read-ahead.ts), served only if no write
 * committed meanwhile. Same fields and values as apiEngagements (the tests validate both
 * against the documented schema and compare them, and compare the CSV with csvLine's).
 */
export async function apiEngagementsText(
  scope: Scope,
  raw: RawQuery,
  after: string | undefined,
  limit: number,
  stamped: Promise<string>,
  format: PageFormat,
): Promise<TextPage> {
  const filters = parseEngagementFilters(raw);
  // Who walks, with which filters, page size and format (a parameter of its own: `raw` need not name it):
  // every request of one walk, whatever its cursor.
  const walkFilters = Object.entries(raw).filter(([key]) => key !== "cursor");
  const walk = JSON.stringify([scope.userId, scope.role, scope.agencyId, walkFilters, limit, format]);
  const simple = Object.keys(raw).every((k) => UNFILTERED.has(k) || (k === "status" && filters.status === "all"));
  return pageWithReadAhead(walk, after, async (from): Promise<TextPage> => {
    const database = appDatabase();
    let rows: (string | null)[][];
    if (simple) {
      const agencyId = listAgency(scope, filters.agency);
      const statement = pageStatement(agencyId !== undefined, from === undefined, format);
      const params = [...(agencyId !== undefined ? [agencyId] : []), ...(from !== undefined ? [from] : []), limit + 1];
      rows = await database.textRows(statement.text, params, statement.name);
    } else {
      const found = await db.engagement.findMany({
        where: { AND: [engagementWhere(scope, filters), afterId(from)] },
        orderBy: { id: "asc" },
        take: limit + 1,
        select: { id: true },
      });
      const statement = byIds(format);
      rows = found.length === 0 ? [] : await database.textRows(statement.text, [found.map((r) => r.id)], statement.name);
    }
    const page = rows.slice(0, limit);
    const text =
      format === "json" ? `[${page.map((row) => row[1]).join(",")}]` : ENGAGEMENT_CSV_HEADER + page.map((row) => `${row[1]}\r\n`).join("");
    return { text, digest: createHash("sha256").update(text).digest("base64url"), lastId: page.at(-1)?.[0] ?? null, more: rows.length > limit };
  }, stamped);
}

export async function apiActivities(scope: Scope, raw: RawQuery, after: string | undefined, take: number): Promise<z.infer<typeof activityItem>[]> {
  const rows = await db.activity.findMany({
    where: { AND: [activityWhere(scope, parseActivityFilters(raw)), afterId(after)] },
    orderBy: { id: "asc" },
    take,
    select: activityRecord,
  });
  // The JSON export's shape of a row (activitySnapshot), plus the ids and time the API adds.
  return rows.map((a) => ({
    ...activitySnapshot(a),
    startDate: fromDate(a.startDate)!,
    agencyId: a.agencyId,
    updatedAt: a.updatedAt.toISOString(),
  }));
}

export async function apiParticipants(scope: Scope, raw: RawQuery, after: string | undefined, take: number): Promise<z.infer<typeof participantItem>[]> {
  const rows = await db.participant.findMany({
    where: { AND: [participantWhere(scope, parseParticipantFilters(raw)), afterId(after)] },
    orderBy: { id: "asc" },
    take,
    select: { id: true, agencyId: true, name: true, email: true, active: true, version: true, updatedAt: true, agency: { select: { acronym: true } } },
  });
  return rows.map(({ agency, updatedAt, ...p }) => ({ ...p, agency: agency.acronym, updatedAt: updatedAt.toISOString() }));
}

export async function apiSdos(after: string | undefined, take: number): Promise<z.infer<typeof sdoItem>[]> {
  const rows = await db.sdo.findMany({
    where: afterId(after),
    orderBy: { id: "asc" },
    take,
    select: { id: true, acronym: true, name: true, type: true, provenance: true, sourceRefs: true, updatedAt: true },
  });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export async function apiCommittees(sdoId: string | undefined, after: string | undefined, take: number): Promise<z.infer<typeof committeeItem>[]> {
  const rows = await db.committee.findMany({
    where: { ...(sdoId ? { sdoId } : {}), ...afterId(after) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, sdoId: true, parentId: true, designation: true, title: true, usMirrorOrTag: true, note: true,
      provenance: true, sourceRefs: true, updatedAt: true,
    },
  });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export async function apiStandards(
  f: { sdo?: string; committee?: string },
  after: string | undefined,
  take: number,
): Promise<z.infer<typeof standardItem>[]> {
  const rows = await db.standard.findMany({
    where: { ...(f.sdo ? { sdoId: f.sdo } : {}), ...(f.committee ? { committeeId: f.committee } : {}), ...afterId(after) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, sdoId: true, committeeId: true, designation: true, title: true, stage: true, year: true, note: true,
      provenance: true, sourceRefs: true, updatedAt: true,
    },
  });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export async function apiObjectives(after: string | undefined, take: number): Promise<z.infer<typeof objectiveItem>[]> {
  const rows = await db.objective.findMany({
    where: afterId(after),
    orderBy: { id: "asc" },
    take,
    select: { id: true, number: true, title: true, gist: true, provenance: true, sourceRefs: true, recommendations: { select: { recommendationId: true }, orderBy: { recommendationId: "asc" } } },
  });
  return rows.map(({ recommendations, ...r }) => ({ ...r, recommendationIds: recommendations.map((x) => x.recommendationId) }));
}

export async function apiRecommendations(objectiveId: string | undefined, after: string | undefined, take: number): Promise<z.infer<typeof recommendationItem>[]> {
  const rows = await db.recommendation.findMany({
    where: { ...(objectiveId ? { objectives: { some: { objectiveId } } } : {}), ...afterId(after) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, number: true, title: true, gist: true, indicators: true, provenance: true, sourceRefs: true,
      objectives: { select: { objectiveId: true }, orderBy: { objectiveId: "asc" } },
    },
  });
  return rows.map(({ objectives, ...r }) => ({ ...r, objectiveIds: objectives.map((x) => x.objectiveId) }));
}

// Core areas and key applications have the same shape: fields, provenance, committee ids.
const areaSelect = {
  id: true, name: true, description: true, maturity: true, provenance: true, sourceRefs: true,
  committees: { select: { committeeId: true }, orderBy: { committeeId: "asc" } },
} as const;
const withCommitteeIds = <T extends { committees: { committeeId: string }[] }>({ committees, ...r }: T) => ({ ...r, committeeIds: committees.map((c) => c.committeeId) });

export async function apiCoreAreas(after: string | undefined, take: number): Promise<z.infer<typeof coreAreaItem>[]> {
  return (await db.coreArea.findMany({ where: afterId(after), orderBy: { id: "asc" }, take, select: areaSelect })).map(withCommitteeIds);
}

export async function apiKeyApplications(after: string | undefined, take: number): Promise<z.infer<typeof keyApplicationItem>[]> {
  return (await db.keyApplication.findMany({ where: afterId(after), orderBy: { id: "asc" }, take, select: areaSelect })).map(withCommitteeIds);
}

export async function apiAgencies(after: string | undefined, take: number): Promise<z.infer<typeof agencyItem>[]> {
  const rows = await db.agency.findMany({
    where: afterId(after),
    orderBy: { id: "asc" },
    take,
    select: { id: true, acronym: true, name: true, parentId: true, iicswgMember: true, provenance: true, sourceRefs: true, updatedAt: true },
  });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** The audit log as on the audit page (admins all, coordinators their agency), in id order. */
export async function apiAuditEvents(
  scope: Scope,
  f: { actor?: string; entityType?: string; entityId?: string; from?: string; to?: string },
  after: string | undefined,
  take: number,
): Promise<z.infer<typeof auditItem>[]> {
  const rows = await db.auditEvent.findMany({
    where: { AND: [auditWhere(scope, f), afterId(after)] },
    orderBy: { id: "asc" },
    take,
    select: auditRow,
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * The dashboard's coverage report for the filters, from the same report cache (computed
 * once per change of the data and shared with the dashboard); coordinators get their agency's.
 * Unknown agency or SDO ids are refused (UserError VALIDATION naming the field).
 */
export async function apiCoverage(scope: Scope, f: z.infer<typeof coverageQuery>, now: Date): Promise<z.infer<typeof coverageReport>> {
  const { report } = await loadGapReport(scope, f, now, { strict: true });
  const metricsOf = (m: { engagements: number; participants: number; agencies: number; leadership: number; depth: Record<"OBSERVE" | "ATTEND" | "CONTRIBUTE" | "LEAD", number>; lastActivity: string | null }) => ({
    engagements: m.engagements,
    participants: m.participants,
    agencies: m.agencies,
    leadership: m.leadership,
    depth: { OBSERVE: m.depth.OBSERVE, ATTEND: m.depth.ATTEND, CONTRIBUTE: m.depth.CONTRIBUTE, LEAD: m.depth.LEAD },
    lastActivity: m.lastActivity,
  });
  const rowsOf = (rows: typeof report.coreAreas) =>
    rows.map((r) => ({
      id: r.id, label: r.label, ...metricsOf(r.metrics), score: r.score, level: r.level, deepShare: r.deepShare,
      flags: r.flags.map((g) => ({ code: g.code, reason: g.reason })),
    }));
  return {
    generatedAt: report.generatedAt,
    period: {
      kind: report.period.kind,
      fiscalYear: report.period.kind === "fiscalYear" ? report.period.fiscalYear : null,
      start: report.period.start,
      end: report.period.end,
      label: periodLabel(report.period),
    },
    asOf: report.asOf,
    agency: report.agency,
    sdo: report.sdo,
    totals: { ...metricsOf(report.totals), score: report.totals.score, level: report.totals.level, deepShare: report.totals.deepShare },
    objectives: report.objectives.map((o) => ({ id: o.id, number: o.number, title: o.title, recommendationIds: o.recommendationIds, attainment: o.attainment, status: o.status })),
    recommendations: report.recommendations.map((r) => ({ id: r.id, number: r.number, title: r.title, indicatorIds: r.indicatorIds, attainment: r.attainment, status: r.status })),
    indicators: report.indicators.map((i) => ({
      id: i.id, code: i.code, recommendationId: i.recommendationId, name: i.name, unit: i.unit, format: i.format,
      value: i.value, target: i.target, status: i.status, attainment: i.attainment, summary: i.summary,
    })),
    coreAreas: rowsOf(report.coreAreas),
    keyApplications: rowsOf(report.keyApplications),
    sdos: rowsOf(report.sdos),
    committees: rowsOf(report.committees),
    gaps: report.gaps.map((g) => ({ rank: g.rank, code: g.code, subject: { kind: g.subject.kind, id: g.subject.id, label: g.subject.label }, reason: g.reason, severity: g.severity })),
  };
}
