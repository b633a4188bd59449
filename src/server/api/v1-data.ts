// The read API's data functions: the list pages' own `where` builders (same filters, same
// scope), keyset-paged by id. Rows are plain JSON values shaped as in v1-schemas.ts.
import "server-only";
import type { z } from "zod";
import { parseActivityFilters, parseEngagementFilters, parseParticipantFilters } from "@/domain/participation/list-filters";
import type { Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { activityRecord, activitySnapshot, activityWhere } from "@/server/participation/activities";
import { engagementRecord, engagementSnapshot, engagementWhere } from "@/server/participation/engagements";
import { participantWhere } from "@/server/participation/participants";
import { fromDate } from "@/server/participation/scope";
import type { activityItem, committeeItem, engagementItem, participantItem, sdoItem, standardItem } from "./v1-schemas";
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
