// Engagements (a participant's seat in a committee and/or work on a standard, or at the
// SDO level on one of its standards): checks the database must answer (the committee or
// standard belongs to the SDO, the participant is in the caller's agency, no identical
// active engagement), optimistic locking, "confirm still active", scoped reads.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import {
  dateHorizonErrors,
  LEADERSHIP_DEPTH_MESSAGE,
  LEADERSHIP_ROLES,
  roleDepthContradict,
  type EngagementConfirmInput,
  type EngagementInput,
  type EngagementUpdateInput,
} from "@/domain/participation/inputs";
import { PAGE_SIZE, type EngagementFilters } from "@/domain/participation/list-filters";
import type { Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { UserError, type FieldErrors } from "@/server/errors";
import { agencyWhere, fromDate, listAgency, toDate, todayIso } from "./scope";

type Tx = Prisma.TransactionClient;

export const engagementRecord = {
  id: true, participantId: true, agencyId: true, committeeId: true, standardId: true, role: true, depth: true,
  startDate: true, endDate: true, lastConfirmedOn: true, notes: true, version: true, createdAt: true, updatedAt: true,
  participant: { select: { name: true, active: true } },
  agency: { select: { acronym: true } },
  committee: { select: { designation: true, title: true, sdoId: true, sdo: { select: { acronym: true } } } },
  standard: { select: { designation: true, title: true, sdoId: true, sdo: { select: { acronym: true } } } },
} satisfies Prisma.EngagementSelect;

export type EngagementRecord = Prisma.EngagementGetPayload<{ select: typeof engagementRecord }>;

/** Audit/conflict view of an engagement: plain values only. */
export function engagementSnapshot(e: EngagementRecord) {
  return {
    id: e.id,
    participant: e.participant.name,
    participantId: e.participantId,
    agency: e.agency.acronym,
    committee: e.committee?.designation ?? null,
    committeeId: e.committeeId,
    standard: e.standard?.designation ?? null,
    standardId: e.standardId,
    role: e.role,
    depth: e.depth,
    startDate: fromDate(e.startDate),
    endDate: fromDate(e.endDate),
    lastConfirmedOn: fromDate(e.lastConfirmedOn),
    notes: e.notes,
    version: e.version,
  };
}

function invalid(fieldErrors: FieldErrors): UserError {
  return new UserError("VALIDATION", "Some fields need attention.", fieldErrors);
}

export async function findEngagementInScope(tx: Tx, scope: Scope, id: string) {
  return tx.engagement.findFirst({ where: { id, ...agencyWhere(scope) }, select: engagementRecord });
}

async function staleOrMissing(tx: Tx, scope: Scope, id: string): Promise<UserError> {
  const current = await findEngagementInScope(tx, scope, id);
  if (!current) return new UserError("NOT_FOUND", "This engagement does not exist or is not in your agency.");
  return new UserError(
    "CONFLICT",
    "Someone else changed this engagement after you opened it. Nothing was saved; the current values are shown below.",
    undefined,
    engagementSnapshot(current),
  );
}

/** Rules that need the database; returns the participant's agency for the new row. */
async function checkEngagement(tx: Tx, scope: Scope, input: EngagementInput, now: Date, exceptId?: string): Promise<string> {
  const errors: FieldErrors = dateHorizonErrors(input, todayIso(now));
  // The shared schema says the same; kept here so that no caller can skip it.
  if (roleDepthContradict(input.role, input.depth)) errors.depth = [LEADERSHIP_DEPTH_MESSAGE];
  // One after another: a transaction is one connection, and pg refuses (from pg 9; warns
  // now) a query sent while another runs on it.
  const participant = await tx.participant.findFirst({ where: { id: input.participantId, ...agencyWhere(scope) }, select: { agencyId: true, active: true } });
  const committee = input.committeeId ? await tx.committee.findUnique({ where: { id: input.committeeId }, select: { sdoId: true } }) : null;
  const standard = input.standardId ? await tx.standard.findUnique({ where: { id: input.standardId }, select: { sdoId: true, committeeId: true } }) : null;
  if (!participant) errors.participantId = ["Choose a participant from your agency"];
  else if (!participant.active && !exceptId) errors.participantId = ["This participant is deactivated; reactivate them first"];
  const sdo = await tx.sdo.findUnique({ where: { id: input.sdoId }, select: { id: true } });
  if (!sdo) errors.sdoId = ["Choose an SDO from the list"];
  if (input.committeeId) {
    if (!committee) errors.committeeId = ["Choose a committee from the list"];
    else if (sdo && committee.sdoId !== input.sdoId) errors.committeeId = ["This committee does not belong to the chosen SDO"];
  } else if (!input.standardId) {
    errors.committeeId = ["Choose a committee, or a standard of the SDO for work at the SDO level"];
  }
  if (input.standardId) {
    if (!standard) errors.standardId = ["Choose a standard from the list"];
    else if (!input.committeeId && standard.sdoId !== input.sdoId) {
      errors.standardId = ["At the SDO level, choose a standard of the chosen SDO"];
    } else if (input.committeeId && standard.sdoId !== input.sdoId && standard.committeeId !== input.committeeId) {
      errors.standardId = ["This standard does not belong to the chosen SDO or committee"];
    }
  }
  if (Object.keys(errors).length) throw invalid(errors);

  if (!input.endDate) {
    const duplicate = await tx.engagement.findFirst({
      where: {
        participantId: input.participantId,
        committeeId: input.committeeId ?? null,
        standardId: input.standardId ?? null,
        role: input.role,
        endDate: null,
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
      select: { id: true },
    });
    if (duplicate) {
      throw invalid({ [input.committeeId ? "committeeId" : "standardId"]: ["This person already has an active engagement with this role here; edit or end that one instead"] });
    }
  }
  return participant!.agencyId;
}

function engagementData(input: EngagementInput) {
  return {
    participantId: input.participantId,
    committeeId: input.committeeId ?? null,
    standardId: input.standardId ?? null,
    role: input.role,
    depth: input.depth,
    startDate: toDate(input.startDate),
    endDate: input.endDate ? toDate(input.endDate) : null,
    notes: input.notes ?? null,
  };
}

export async function createEngagement(tx: Tx, scope: Scope, input: EngagementInput, now: Date) {
  const agencyId = await checkEngagement(tx, scope, input, now);
  return tx.engagement.create({ data: { ...engagementData(input), agencyId }, select: engagementRecord });
}

export async function updateEngagement(tx: Tx, scope: Scope, input: EngagementUpdateInput, now: Date) {
  const before = await findEngagementInScope(tx, scope, input.id);
  if (!before) throw new UserError("NOT_FOUND", "This engagement does not exist or is not in your agency.");
  if (before.version !== input.version) throw await staleOrMissing(tx, scope, input.id);
  const agencyId = await checkEngagement(tx, scope, input, now, input.id);
  const { count } = await tx.engagement.updateMany({
    where: { id: input.id, version: input.version, ...agencyWhere(scope) },
    data: { ...engagementData(input), agencyId, version: { increment: 1 } },
  });
  if (count === 0) throw await staleOrMissing(tx, scope, input.id);
  return { before, after: (await findEngagementInScope(tx, scope, input.id))! };
}

export async function endEngagement(tx: Tx, scope: Scope, input: { id: string; version: number; endDate: string }, now: Date) {
  const before = await findEngagementInScope(tx, scope, input.id);
  if (!before) throw new UserError("NOT_FOUND", "This engagement does not exist or is not in your agency.");
  const startDate = fromDate(before.startDate)!;
  const errors: FieldErrors = dateHorizonErrors({ endDate: input.endDate }, todayIso(now));
  if (input.endDate < startDate) errors.endDate = [`The end date cannot be before the start date (${startDate})`];
  if (Object.keys(errors).length) throw invalid(errors);
  const { count } = await tx.engagement.updateMany({
    where: { id: input.id, version: input.version, ...agencyWhere(scope) },
    data: { endDate: toDate(input.endDate), version: { increment: 1 } },
  });
  if (count === 0) throw await staleOrMissing(tx, scope, input.id);
  return { before, after: (await findEngagementInScope(tx, scope, input.id))! };
}

/**
 * "Confirm still active": the coordinator says, with one click, that the seat is still
 * held today. The day feeds the "last activity" behind the dashboard's not-confirmed flag.
 */
export async function confirmEngagement(tx: Tx, scope: Scope, input: EngagementConfirmInput, now: Date) {
  const before = await findEngagementInScope(tx, scope, input.id);
  if (!before) throw new UserError("NOT_FOUND", "This engagement does not exist or is not in your agency.");
  const today = todayIso(now);
  const ended = fromDate(before.endDate);
  if (ended !== null && ended < today) {
    throw new UserError("VALIDATION", `This engagement ended on ${ended}; only a seat still held can be confirmed.`);
  }
  if (fromDate(before.startDate)! > today) throw new UserError("VALIDATION", "This engagement has not started yet; confirm it once it has.");
  const { count } = await tx.engagement.updateMany({
    where: { id: input.id, version: input.version, ...agencyWhere(scope) },
    data: { lastConfirmedOn: toDate(today), version: { increment: 1 } },
  });
  if (count === 0) throw await staleOrMissing(tx, scope, input.id);
  return { before, after: (await findEngagementInScope(tx, scope, input.id))! };
}

/**
 * Engagements whose role and depth contradict (a leadership role below depth LEAD), for
 * admins to fix by hand: saved before entry checked the pair, or imported. Never rewritten.
 */
export async function listContradictingEngagements(limit = 200) {
  const where: Prisma.EngagementWhereInput = { role: { in: [...LEADERSHIP_ROLES] }, depth: { not: "LEAD" } };
  const [total, rows] = await Promise.all([
    db.engagement.count({ where }),
    db.engagement.findMany({ where, orderBy: [{ agency: { acronym: "asc" } }, { startDate: "asc" }, { id: "asc" }], take: limit, select: engagementRecord }),
  ]);
  return { total, rows };
}

export async function deleteEngagement(tx: Tx, scope: Scope, input: { id: string; version: number }) {
  const before = await findEngagementInScope(tx, scope, input.id);
  if (!before) throw new UserError("NOT_FOUND", "This engagement does not exist or is not in your agency.");
  const { count } = await tx.engagement.deleteMany({ where: { id: input.id, version: input.version, ...agencyWhere(scope) } });
  if (count === 0) throw await staleOrMissing(tx, scope, input.id);
  return { before };
}

// ---- reads for pages and exports ----

export async function getEngagement(scope: Scope, id: string) {
  return db.engagement.findFirst({ where: { id, ...agencyWhere(scope) }, select: engagementRecord });
}

export function engagementWhere(scope: Scope, f: EngagementFilters, now: Date = new Date()): Prisma.EngagementWhereInput {
  const today = toDate(todayIso(now));
  const agencyId = listAgency(scope, f.agency);
  const and: Prisma.EngagementWhereInput[] = [];
  if (f.sdo) and.push({ OR: [{ committee: { sdoId: f.sdo } }, { standard: { sdoId: f.sdo } }] });
  if (f.coreArea) {
    and.push({
      OR: [
        { committee: { coreAreas: { some: { coreAreaId: f.coreArea } } } },
        { standard: { coreAreas: { some: { coreAreaId: f.coreArea } } } },
      ],
    });
  }
  if (f.keyApplication) {
    and.push({
      OR: [
        { committee: { keyApplications: { some: { keyApplicationId: f.keyApplication } } } },
        { standard: { keyApplications: { some: { keyApplicationId: f.keyApplication } } } },
      ],
    });
  }
  if (f.status === "active") and.push({ OR: [{ endDate: null }, { endDate: { gte: today } }] });
  if (f.status === "ended") and.push({ endDate: { lt: today } });
  // Overlap with the period: started by its end, not ended before its start.
  if (f.to) and.push({ startDate: { lte: toDate(f.to) } });
  if (f.from) and.push({ OR: [{ endDate: null }, { endDate: { gte: toDate(f.from) } }] });
  if (f.q) {
    and.push({
      OR: [
        { participant: { name: { contains: f.q, mode: "insensitive" } } },
        { committee: { designation: { contains: f.q, mode: "insensitive" } } },
        { standard: { designation: { contains: f.q, mode: "insensitive" } } },
        { notes: { contains: f.q, mode: "insensitive" } },
      ],
    });
  }
  return {
    ...(agencyId ? { agencyId } : {}),
    ...(f.participant ? { participantId: f.participant } : {}),
    ...(f.committee ? { committeeId: f.committee } : {}),
    ...(f.standard ? { standardId: f.standard } : {}),
    ...(f.depth ? { depth: f.depth } : {}),
    ...(f.role ? { role: f.role } : f.leadership ? { role: { in: [...LEADERSHIP_ROLES] } } : {}),
    ...(and.length ? { AND: and } : {}),
  };
}

export function engagementOrder(f: Pick<EngagementFilters, "sort" | "dir">): Prisma.EngagementOrderByWithRelationInput[] {
  const dir = f.dir;
  const primary: Prisma.EngagementOrderByWithRelationInput =
    f.sort === "participant" ? { participant: { name: dir } }
    : f.sort === "committee" ? { committee: { designation: dir } }
    : f.sort === "agency" ? { agency: { acronym: dir } }
    : f.sort === "endDate" ? { endDate: { sort: dir, nulls: "first" } }
    : f.sort === "role" ? { role: dir }
    : f.sort === "depth" ? { depth: dir }
    : { startDate: dir };
  return [primary, { id: "asc" }];
}

export async function listEngagements(scope: Scope, f: EngagementFilters) {
  const where = engagementWhere(scope, f);
  const page = f.page ?? 1;
  const [total, rows] = await Promise.all([
    db.engagement.count({ where }),
    db.engagement.findMany({ where, orderBy: engagementOrder(f), skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: engagementRecord }),
  ]);
  return { total, page, pageSize: PAGE_SIZE, rows };
}

/** Every row of the filtered list, in batches, for exports. */
/** Rows matching the filters, for the export's row cap (counted before streaming). */
export function engagementExportCount(scope: Scope, f: EngagementFilters) {
  return db.engagement.count({ where: engagementWhere(scope, f) });
}

/**
 * The filtered rows in list order, in batches, for exports. Keyset pagination (Prisma's
 * cursor: each batch starts after the last row of the previous one, found through the
 * order columns), never OFFSET, so a late batch costs what the first one did.
 */
export async function* engagementsForExport(scope: Scope, f: EngagementFilters, batch = 2000) {
  const where = engagementWhere(scope, f);
  const orderBy = engagementOrder(f);
  let after: string | undefined;
  for (;;) {
    const rows = await db.engagement.findMany({
      where,
      orderBy,
      take: batch,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      select: engagementRecord,
    });
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** A person's engagements, oldest first, for the role-history timeline. */
export async function participantHistory(scope: Scope, participantId: string) {
  return db.engagement.findMany({
    where: { participantId, ...agencyWhere(scope) },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    select: engagementRecord,
  });
}
