// The records behind a dashboard number: engagements, activities or standards matching a
// drill-down query, with exactly the engine's definitions (src/domain/coverage-metrics.ts),
// scoped like the dashboard (coordinators: their agency only), paginated in the database.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { ACTIVITY_KINDS, DEPTHS, STAGES, type ActivityKindName, type DepthName, type EngagementRoleName, type StageName } from "@/domain/coverage-metrics";
import { LEADERSHIP_ROLES } from "@/domain/demo-data";
import { toIsoDate, type Period } from "@/domain/fiscal-year";
import type { RecordsQuery, ReportFilters } from "@/domain/records-query";
import type { Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { listAgency, toDate } from "@/server/participation/scope";
import { engagementRecord } from "@/server/participation/engagements";
import { periodOf } from "./report-filters";

export const RECORDS_PAGE_SIZE = 50;

type Params = Record<string, string | string[] | undefined>;
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const ids = z.array(z.string().trim().min(1).max(100)).max(50).catch([]);
const one = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema.optional()).catch(undefined);

const recordsQuerySchema = z.object({
  kind: one(z.enum(["engagements", "activities", "standards"])),
  coreArea: ids,
  keyApplication: ids,
  committee: ids,
  sdo: one(z.string().trim().min(1).max(100)),
  standard: one(z.string().trim().min(1).max(100)),
  minDepth: one(z.enum(DEPTHS as [DepthName, ...DepthName[]])),
  leadership: one(z.literal("1")),
  activityKind: one(z.enum(ACTIVITY_KINDS as [ActivityKindName, ...ActivityKindName[]])),
  stage: z.array(z.enum(STAGES as [StageName, ...StageName[]])).max(5).catch([]),
  coverage: one(z.enum(["with", "without"])),
  page: one(z.coerce.number().int().min(1).max(100_000)),
});

/** A drill-down query from URL search parameters (malformed parts are dropped). */
export function parseRecordsQuery(params: Params): { query: RecordsQuery; page: number } {
  const raw = recordsQuerySchema.parse({
    ...params,
    coreArea: list(params.coreArea),
    keyApplication: list(params.keyApplication),
    committee: list(params.committee),
    stage: list(params.stage),
  });
  const query: RecordsQuery = { kind: raw.kind ?? "engagements" };
  if (raw.coreArea.length) query.coreArea = raw.coreArea;
  if (raw.keyApplication.length) query.keyApplication = raw.keyApplication;
  if (raw.committee.length) query.committee = raw.committee;
  if (raw.sdo) query.sdo = raw.sdo;
  if (raw.standard) query.standard = raw.standard;
  if (raw.minDepth) query.minDepth = raw.minDepth;
  if (raw.leadership) query.leadership = true;
  if (raw.activityKind) query.activityKind = raw.activityKind;
  if (raw.stage.length) query.stage = raw.stage;
  if (raw.coverage) query.coverage = raw.coverage;
  return { query, page: raw.page ?? 1 };
}

const activeIn = (period: Period): Prisma.EngagementWhereInput => ({
  startDate: { lte: toDate(period.end) },
  OR: [{ endDate: null }, { endDate: { gte: toDate(period.start) } }],
});

/** Engagements of an SDO: their committee's SDO, or (no committee) their standard's committee's, or their standard's. */
function engagementSdo(sdoId: string): Prisma.EngagementWhereInput {
  return {
    OR: [
      { committee: { sdoId } },
      { committeeId: null, standard: { committee: { sdoId } } },
      { committeeId: null, standard: { committeeId: null, sdoId } },
    ],
  };
}

export function engagementRecordsWhere(scope: Scope, filters: ReportFilters, query: RecordsQuery, period: Period): Prisma.EngagementWhereInput {
  const and: Prisma.EngagementWhereInput[] = [activeIn(period)];
  const agencyId = listAgency(scope, filters.agency);
  if (agencyId) and.push({ agencyId });
  const sdo = query.sdo ?? filters.sdo;
  if (sdo) and.push(engagementSdo(sdo));
  // Within a dimension any of the ids matches (an indicator's area); dimensions combine.
  const area: Prisma.EngagementWhereInput[] = [];
  if (query.committee?.length) {
    const committeeIds = query.committee;
    area.push({ committeeId: { in: committeeIds } }, { committeeId: null, standard: { committeeId: { in: committeeIds } } });
  }
  if (query.coreArea?.length) {
    const coreAreaId = { in: query.coreArea };
    const byArea = [{ committee: { coreAreas: { some: { coreAreaId } } } }, { standard: { coreAreas: { some: { coreAreaId } } } }];
    // An indicator's area (committees or core areas) is one OR; a heatmap cell is an AND.
    if (query.committee?.length) area.push(...byArea);
    else and.push({ OR: byArea });
  }
  if (area.length) and.push({ OR: area });
  if (query.keyApplication?.length) {
    const keyApplicationId = { in: query.keyApplication };
    and.push({
      OR: [{ committee: { keyApplications: { some: { keyApplicationId } } } }, { standard: { keyApplications: { some: { keyApplicationId } } } }],
    });
  }
  if (query.standard) and.push({ standardId: query.standard });
  if (query.minDepth) and.push({ depth: { in: DEPTHS.slice(DEPTHS.indexOf(query.minDepth)) as DepthName[] } });
  if (query.leadership) and.push({ role: { in: [...LEADERSHIP_ROLES] } });
  return { AND: and };
}

export function activityRecordsWhere(scope: Scope, filters: ReportFilters, query: RecordsQuery, period: Period): Prisma.ActivityWhereInput {
  const agencyId = listAgency(scope, filters.agency);
  const sdo = query.sdo ?? filters.sdo;
  return {
    startDate: { gte: toDate(period.start), lte: toDate(period.end) },
    ...(agencyId ? { agencyId } : {}),
    ...(sdo ? { sdoId: sdo } : {}),
    ...(query.activityKind ? { kind: query.activityKind } : {}),
  };
}

export function standardRecordsWhere(scope: Scope, filters: ReportFilters, query: RecordsQuery, period: Period): Prisma.StandardWhereInput {
  const agencyId = listAgency(scope, filters.agency);
  const sdo = query.sdo ?? filters.sdo;
  // "Engaged" counts engagements in scope: the period, the agency and the SDO filter.
  const inScope: Prisma.EngagementWhereInput = { AND: [activeIn(period), ...(agencyId ? [{ agencyId }] : []), ...(sdo ? [engagementSdo(sdo)] : [])] };
  return {
    ...(sdo ? { sdoId: sdo } : {}),
    ...(query.standard ? { id: query.standard } : {}),
    ...(query.stage?.length ? { stage: { in: query.stage } } : {}),
    ...(query.coreArea?.length ? { coreAreas: { some: { coreAreaId: { in: query.coreArea } } } } : {}),
    ...(query.coverage === "with" ? { engagements: { some: inScope } } : query.coverage === "without" ? { engagements: { none: inScope } } : {}),
  };
}

export interface EngagementItem {
  id: string;
  participant: string;
  agency: string;
  committee: { id: string; designation: string } | null;
  standard: { id: string; designation: string } | null;
  role: EngagementRoleName;
  depth: DepthName;
  startDate: string;
  endDate: string | null;
}

export interface ActivityItem {
  id: string;
  kind: ActivityKindName;
  title: string;
  agency: string;
  counterpart: string | null;
  startDate: string;
}

export interface StandardItem {
  id: string;
  designation: string;
  title: string;
  stage: StageName;
  sdo: string;
  committee: { id: string; designation: string } | null;
}

export type RecordsPage =
  | { kind: "engagements"; items: EngagementItem[] }
  | { kind: "activities"; items: ActivityItem[] }
  | { kind: "standards"; items: StandardItem[] };

export interface RecordsResult {
  period: Period;
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  records: RecordsPage;
  /** Names for the ids in the query, to say in words what is listed. */
  labels: {
    coreAreas: string[];
    keyApplications: string[];
    committees: string[];
    sdo: string | null;
    agency: string | null;
    standard: string | null;
  };
}

const day = (d: Date | null) => (d ? toIsoDate(d) : null);

export async function loadRecords(scope: Scope, filters: ReportFilters, query: RecordsQuery, requestedPage: number, now: Date = new Date()): Promise<RecordsResult> {
  const period = periodOf(filters, toIsoDate(now));
  const skipTake = (total: number) => {
    const pageCount = Math.max(1, Math.ceil(total / RECORDS_PAGE_SIZE));
    const page = Math.min(requestedPage, pageCount);
    return { page, pageCount, skip: (page - 1) * RECORDS_PAGE_SIZE, take: RECORDS_PAGE_SIZE };
  };
  const agencyId = listAgency(scope, filters.agency);
  const sdoId = query.sdo ?? filters.sdo;
  const labelsPromise = Promise.all([
    query.coreArea?.length ? db.coreArea.findMany({ where: { id: { in: query.coreArea } }, select: { name: true }, orderBy: { name: "asc" } }) : [],
    query.keyApplication?.length ? db.keyApplication.findMany({ where: { id: { in: query.keyApplication } }, select: { name: true }, orderBy: { name: "asc" } }) : [],
    query.committee?.length ? db.committee.findMany({ where: { id: { in: query.committee } }, select: { designation: true }, orderBy: { designation: "asc" } }) : [],
    sdoId ? db.sdo.findUnique({ where: { id: sdoId }, select: { acronym: true } }) : null,
    agencyId ? db.agency.findUnique({ where: { id: agencyId }, select: { acronym: true } }) : null,
    query.standard ? db.standard.findUnique({ where: { id: query.standard }, select: { designation: true } }) : null,
  ]).then(([coreAreas, keyApplications, committees, sdo, agency, standard]) => ({
    coreAreas: coreAreas.map((c) => c.name),
    keyApplications: keyApplications.map((k) => k.name),
    committees: committees.map((c) => c.designation),
    sdo: sdo?.acronym ?? null,
    agency: agency?.acronym ?? null,
    standard: standard?.designation ?? null,
  }));

  if (query.kind === "activities") {
    const where = activityRecordsWhere(scope, filters, query, period);
    const total = await db.activity.count({ where });
    const { page, pageCount, skip, take } = skipTake(total);
    const rows = await db.activity.findMany({
      where,
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      skip,
      take,
      select: { id: true, kind: true, title: true, counterpart: true, startDate: true, agency: { select: { acronym: true } } },
    });
    const items = rows.map((a) => ({ id: a.id, kind: a.kind, title: a.title, agency: a.agency.acronym, counterpart: a.counterpart, startDate: toIsoDate(a.startDate) }));
    return { period, total, page, pageCount, pageSize: RECORDS_PAGE_SIZE, records: { kind: "activities", items }, labels: await labelsPromise };
  }
  if (query.kind === "standards") {
    const where = standardRecordsWhere(scope, filters, query, period);
    const total = await db.standard.count({ where });
    const { page, pageCount, skip, take } = skipTake(total);
    const rows = await db.standard.findMany({
      where,
      orderBy: [{ designation: "asc" }, { id: "asc" }],
      skip,
      take,
      select: { id: true, designation: true, title: true, stage: true, sdo: { select: { acronym: true } }, committee: { select: { id: true, designation: true } } },
    });
    const items = rows.map((s) => ({ id: s.id, designation: s.designation, title: s.title, stage: s.stage, sdo: s.sdo.acronym, committee: s.committee }));
    return { period, total, page, pageCount, pageSize: RECORDS_PAGE_SIZE, records: { kind: "standards", items }, labels: await labelsPromise };
  }
  const where = engagementRecordsWhere(scope, filters, query, period);
  const total = await db.engagement.count({ where });
  const { page, pageCount, skip, take } = skipTake(total);
  const rows = await db.engagement.findMany({ where, orderBy: [{ startDate: "desc" }, { id: "asc" }], skip, take, select: engagementRecord });
  const items = rows.map((e) => ({
    id: e.id,
    participant: e.participant.name,
    agency: e.agency.acronym,
    committee: e.committeeId && e.committee ? { id: e.committeeId, designation: e.committee.designation } : null,
    standard: e.standardId && e.standard ? { id: e.standardId, designation: e.standard.designation } : null,
    role: e.role,
    depth: e.depth,
    startDate: day(e.startDate) as string,
    endDate: day(e.endDate),
  }));
  return { period, total, page, pageCount, pageSize: RECORDS_PAGE_SIZE, records: { kind: "engagements", items }, labels: await labelsPromise };
}
