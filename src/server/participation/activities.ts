// Activities that evidence the recommendations beyond committee seats: training,
// adoption of a standard, international exchange, public-private collaboration,
// interagency coordination. Same rules as engagements: scope, validation, locking.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { dateHorizonErrors, type ActivityInput, type ActivityUpdateInput } from "@/domain/participation/inputs";
import { PAGE_SIZE, type ActivityFilters } from "@/domain/participation/list-filters";
import type { Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { UserError, type FieldErrors } from "@/server/errors";
import { agencyForNewRecord, agencyWhere, fromDate, listAgency, toDate, todayIso } from "./scope";

type Tx = Prisma.TransactionClient;

export const activityRecord = {
  id: true, agencyId: true, kind: true, title: true, description: true, counterpart: true, startDate: true, endDate: true,
  participantId: true, sdoId: true, committeeId: true, standardId: true, attendees: true, standardUse: true, governmentUniqueReason: true, version: true, createdAt: true, updatedAt: true,
  agency: { select: { acronym: true } },
  participant: { select: { name: true } },
  sdo: { select: { acronym: true } },
  committee: { select: { designation: true } },
  standard: { select: { designation: true } },
} satisfies Prisma.ActivitySelect;

export type ActivityRecord = Prisma.ActivityGetPayload<{ select: typeof activityRecord }>;

export function activitySnapshot(a: ActivityRecord) {
  return {
    id: a.id, kind: a.kind, title: a.title, description: a.description, counterpart: a.counterpart,
    startDate: fromDate(a.startDate), endDate: fromDate(a.endDate), agency: a.agency.acronym,
    participant: a.participant?.name ?? null, participantId: a.participantId,
    sdo: a.sdo?.acronym ?? null, sdoId: a.sdoId, committee: a.committee?.designation ?? null, committeeId: a.committeeId,
    standard: a.standard?.designation ?? null, standardId: a.standardId, attendees: a.attendees,
    standardUse: a.standardUse, governmentUniqueReason: a.governmentUniqueReason, version: a.version,
  };
}

export async function findActivityInScope(tx: Tx, scope: Scope, id: string) {
  return tx.activity.findFirst({ where: { id, ...agencyWhere(scope) }, select: activityRecord });
}

async function staleOrMissing(tx: Tx, scope: Scope, id: string): Promise<UserError> {
  const current = await findActivityInScope(tx, scope, id);
  if (!current) return new UserError("NOT_FOUND", "This activity does not exist or is not in your agency.");
  return new UserError(
    "CONFLICT",
    "Someone else changed this activity after you opened it. Nothing was saved; the current values are shown below.",
    undefined,
    activitySnapshot(current),
  );
}

async function checkActivity(tx: Tx, agencyId: string, input: ActivityInput, now: Date) {
  const errors: FieldErrors = dateHorizonErrors(input, todayIso(now));
  const [agency, participant, sdo, committee, standard] = await Promise.all([
    tx.agency.findUnique({ where: { id: agencyId }, select: { id: true } }),
    input.participantId ? tx.participant.findFirst({ where: { id: input.participantId, agencyId }, select: { id: true } }) : null,
    input.sdoId ? tx.sdo.findUnique({ where: { id: input.sdoId }, select: { id: true } }) : null,
    input.committeeId ? tx.committee.findUnique({ where: { id: input.committeeId }, select: { sdoId: true } }) : null,
    input.standardId ? tx.standard.findUnique({ where: { id: input.standardId }, select: { id: true } }) : null,
  ]);
  if (!agency) errors.agencyId = ["Choose an agency from the list"];
  if (input.participantId && !participant) errors.participantId = ["Choose a participant from the same agency"];
  if (input.sdoId && !sdo) errors.sdoId = ["Choose an SDO from the list"];
  if (input.committeeId && !committee) errors.committeeId = ["Choose a committee from the list"];
  else if (committee && input.sdoId && committee.sdoId !== input.sdoId) errors.committeeId = ["This committee does not belong to the chosen SDO"];
  if (input.standardId && !standard) errors.standardId = ["Choose a standard from the list"];
  if (Object.keys(errors).length) throw new UserError("VALIDATION", "Some fields need attention.", errors);
}

function activityData(input: ActivityInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    counterpart: input.counterpart ?? null,
    startDate: toDate(input.startDate),
    endDate: input.endDate ? toDate(input.endDate) : null,
    participantId: input.participantId ?? null,
    sdoId: input.sdoId ?? null,
    committeeId: input.committeeId ?? null,
    standardId: input.standardId ?? null,
    attendees: input.attendees ?? null,
    standardUse: input.standardUse ?? null,
    governmentUniqueReason: input.governmentUniqueReason ?? null,
  };
}

export async function createActivity(tx: Tx, scope: Scope, input: ActivityInput, now: Date) {
  const agencyId = agencyForNewRecord(scope, input.agencyId);
  await checkActivity(tx, agencyId, input, now);
  return tx.activity.create({ data: { ...activityData(input), agencyId }, select: activityRecord });
}

export async function updateActivity(tx: Tx, scope: Scope, input: ActivityUpdateInput, now: Date) {
  const before = await findActivityInScope(tx, scope, input.id);
  if (!before) throw new UserError("NOT_FOUND", "This activity does not exist or is not in your agency.");
  if (before.version !== input.version) throw await staleOrMissing(tx, scope, input.id);
  // The record's agency, unless an admin moves it.
  const agencyId = agencyWhere(scope).agencyId ?? input.agencyId ?? before.agencyId;
  await checkActivity(tx, agencyId, input, now);
  const { count } = await tx.activity.updateMany({
    where: { id: input.id, version: input.version, ...agencyWhere(scope) },
    data: { ...activityData(input), agencyId, version: { increment: 1 } },
  });
  if (count === 0) throw await staleOrMissing(tx, scope, input.id);
  return { before, after: (await findActivityInScope(tx, scope, input.id))! };
}

export async function deleteActivity(tx: Tx, scope: Scope, input: { id: string; version: number }) {
  const before = await findActivityInScope(tx, scope, input.id);
  if (!before) throw new UserError("NOT_FOUND", "This activity does not exist or is not in your agency.");
  const { count } = await tx.activity.deleteMany({ where: { id: input.id, version: input.version, ...agencyWhere(scope) } });
  if (count === 0) throw await staleOrMissing(tx, scope, input.id);
  return { before };
}

// ---- reads ----

export async function getActivity(scope: Scope, id: string) {
  return db.activity.findFirst({ where: { id, ...agencyWhere(scope) }, select: activityRecord });
}

export function activityWhere(scope: Scope, f: ActivityFilters): Prisma.ActivityWhereInput {
  const agencyId = listAgency(scope, f.agency);
  const and: Prisma.ActivityWhereInput[] = [];
  if (f.to) and.push({ startDate: { lte: toDate(f.to) } });
  if (f.from) and.push({ OR: [{ endDate: null, startDate: { gte: toDate(f.from) } }, { endDate: { gte: toDate(f.from) } }] });
  if (f.q) {
    and.push({
      OR: [
        { title: { contains: f.q, mode: "insensitive" } },
        { counterpart: { contains: f.q, mode: "insensitive" } },
        { description: { contains: f.q, mode: "insensitive" } },
      ],
    });
  }
  return {
    ...(agencyId ? { agencyId } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.participant ? { participantId: f.participant } : {}),
    ...(f.sdo ? { sdoId: f.sdo } : {}),
    ...(f.committee ? { committeeId: f.committee } : {}),
    ...(f.standard ? { standardId: f.standard } : {}),
    ...(and.length ? { AND: and } : {}),
  };
}

export function activityOrder(f: Pick<ActivityFilters, "sort" | "dir">): Prisma.ActivityOrderByWithRelationInput[] {
  const primary: Prisma.ActivityOrderByWithRelationInput =
    f.sort === "kind" ? { kind: f.dir } : f.sort === "title" ? { title: f.dir } : f.sort === "agency" ? { agency: { acronym: f.dir } } : { startDate: f.dir };
  return [primary, { id: "asc" }];
}

export async function listActivities(scope: Scope, f: ActivityFilters) {
  const where = activityWhere(scope, f);
  const page = f.page ?? 1;
  const [total, rows] = await Promise.all([
    db.activity.count({ where }),
    db.activity.findMany({ where, orderBy: activityOrder(f), skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: activityRecord }),
  ]);
  return { total, page, pageSize: PAGE_SIZE, rows };
}

/** Rows matching the filters, for the export's row cap (counted before streaming). */
export function activityExportCount(scope: Scope, f: ActivityFilters) {
  return db.activity.count({ where: activityWhere(scope, f) });
}

/**
 * The filtered rows in list order, in batches, for exports. Keyset pagination (Prisma's
 * cursor: each batch starts after the last row of the previous one, found through the
 * order columns), never OFFSET, so a late batch costs what the first one did.
 */
export async function* activitiesForExport(scope: Scope, f: ActivityFilters, batch = 2000) {
  const where = activityWhere(scope, f);
  const orderBy = activityOrder(f);
  let after: string | undefined;
  for (;;) {
    const rows = await db.activity.findMany({
      where,
      orderBy,
      take: batch,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      select: activityRecord,
    });
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}
