// Participants (people) of an agency: data functions used by the actions and pages.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ParticipantInput, ParticipantUpdateInput } from "@/domain/participation/inputs";
import { PAGE_SIZE, type ParticipantFilters } from "@/domain/participation/list-filters";
import type { Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { agencyForNewRecord, agencyWhere, listAgency } from "./scope";

type Tx = Prisma.TransactionClient;

const participantRecord = {
  id: true, name: true, email: true, active: true, version: true, agencyId: true, createdAt: true, updatedAt: true,
  agency: { select: { acronym: true, name: true } },
} satisfies Prisma.ParticipantSelect;

export type ParticipantRecord = Prisma.ParticipantGetPayload<{ select: typeof participantRecord }>;

/** Audit/conflict view of a participant: plain values only. */
export function participantSnapshot(p: ParticipantRecord) {
  return { id: p.id, name: p.name, email: p.email, active: p.active, agency: p.agency.acronym, agencyId: p.agencyId, version: p.version };
}

async function assertAgencyExists(tx: Tx, agencyId: string) {
  const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { id: true } });
  if (!agency) throw new UserError("VALIDATION", "Some fields need attention.", { agencyId: ["Choose an agency from the list"] });
}

async function assertEmailFree(tx: Tx, agencyId: string, email: string | undefined, exceptId?: string) {
  if (!email) return;
  const clash = await tx.participant.findFirst({ where: { agencyId, email, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new UserError("VALIDATION", "Some fields need attention.", { email: ["Another participant of this agency has this email"] });
}

export async function findParticipantInScope(tx: Tx, scope: Scope, id: string) {
  return tx.participant.findFirst({ where: { id, ...agencyWhere(scope) }, select: participantRecord });
}

/** After an update matched nothing: the record is either outside the scope or stale. */
async function staleOrMissing(tx: Tx, scope: Scope, id: string): Promise<UserError> {
  const current = await findParticipantInScope(tx, scope, id);
  if (!current) return new UserError("NOT_FOUND", "This participant does not exist or is not in your agency.");
  return new UserError(
    "CONFLICT",
    "Someone else changed this participant after you opened it. Nothing was saved; the current values are shown below.",
    undefined,
    participantSnapshot(current),
  );
}

export async function createParticipant(tx: Tx, scope: Scope, input: ParticipantInput) {
  const agencyId = agencyForNewRecord(scope, input.agencyId);
  await assertAgencyExists(tx, agencyId);
  await assertEmailFree(tx, agencyId, input.email);
  return tx.participant.create({ data: { name: input.name, email: input.email ?? null, agencyId }, select: participantRecord });
}

export async function updateParticipant(tx: Tx, scope: Scope, input: ParticipantUpdateInput) {
  const before = await findParticipantInScope(tx, scope, input.id);
  if (!before) throw new UserError("NOT_FOUND", "This participant does not exist or is not in your agency.");
  // Only unscoped roles (admins) may move a person to another agency.
  const agencyId = agencyWhere(scope).agencyId ?? input.agencyId ?? before.agencyId;
  await assertAgencyExists(tx, agencyId);
  await assertEmailFree(tx, agencyId, input.email, input.id);
  const { count } = await tx.participant.updateMany({
    where: { id: input.id, version: input.version, ...agencyWhere(scope) },
    data: { name: input.name, email: input.email ?? null, agencyId, version: { increment: 1 } },
  });
  if (count === 0) throw await staleOrMissing(tx, scope, input.id);
  const after = (await findParticipantInScope(tx, scope, input.id))!;
  return { before, after };
}

export async function setParticipantActive(tx: Tx, scope: Scope, input: { id: string; version: number; active: boolean }) {
  const before = await findParticipantInScope(tx, scope, input.id);
  if (!before) throw new UserError("NOT_FOUND", "This participant does not exist or is not in your agency.");
  const { count } = await tx.participant.updateMany({
    where: { id: input.id, version: input.version, ...agencyWhere(scope) },
    data: { active: input.active, version: { increment: 1 } },
  });
  if (count === 0) throw await staleOrMissing(tx, scope, input.id);
  const after = (await findParticipantInScope(tx, scope, input.id))!;
  return { before, after };
}

// ---- reads for pages ----

export async function getParticipant(scope: Scope, id: string) {
  return db.participant.findFirst({ where: { id, ...agencyWhere(scope) }, select: participantRecord });
}

export function participantWhere(scope: Scope, f: Pick<ParticipantFilters, "q" | "agency" | "status">): Prisma.ParticipantWhereInput {
  const agencyId = listAgency(scope, f.agency);
  return {
    ...(agencyId ? { agencyId } : {}),
    ...(f.status === "active" ? { active: true } : f.status === "inactive" ? { active: false } : {}),
    ...(f.q
      ? { OR: [{ name: { contains: f.q, mode: "insensitive" } }, { email: { contains: f.q, mode: "insensitive" } }] }
      : {}),
  };
}

export async function listParticipants(scope: Scope, f: ParticipantFilters) {
  const where = participantWhere(scope, f);
  const orderBy: Prisma.ParticipantOrderByWithRelationInput[] =
    f.sort === "agency"
      ? [{ agency: { acronym: f.dir } }, { name: "asc" }]
      : f.sort === "engagements"
        ? [{ engagements: { _count: f.dir } }, { name: "asc" }]
        : f.sort === "updatedAt"
          ? [{ updatedAt: f.dir }]
          : [{ name: f.dir }, { id: "asc" }];
  const page = f.page ?? 1;
  const [total, rows] = await Promise.all([
    db.participant.count({ where }),
    db.participant.findMany({
      where,
      orderBy,
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { ...participantRecord, _count: { select: { engagements: true } } },
    }),
  ]);
  return { total, page, pageSize: PAGE_SIZE, rows };
}

/** Choices for the engagement form: active people the caller may assign. */
/** Up to this many active people in scope are listed in a form's select; beyond, it searches. */
export const PARTICIPANT_LIST_LIMIT = 200;
/** Matches returned by one participant search. */
export const PARTICIPANT_SEARCH_LIMIT = 20;

export interface ParticipantChoice {
  id: string;
  label: string;
}

const choiceSelect = { id: true, name: true, agency: { select: { acronym: true } } } satisfies Prisma.ParticipantSelect;

/** A person as a form lists them: with their agency when the reader sees several agencies. */
function toChoice(scope: Scope, p: Prisma.ParticipantGetPayload<{ select: typeof choiceSelect }>): ParticipantChoice {
  return { id: p.id, label: scope.agencyId ? p.name : `${p.name} (${p.agency.acronym})` };
}

/**
 * The active people in scope for a form's participant select, or null when there are more
 * than PARTICIPANT_LIST_LIMIT (the form then searches them, see searchParticipantChoices).
 */
export async function participantChoices(scope: Scope): Promise<ParticipantChoice[] | null> {
  const people = await db.participant.findMany({
    where: { active: true, ...agencyWhere(scope) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PARTICIPANT_LIST_LIMIT + 1,
    select: choiceSelect,
  });
  return people.length > PARTICIPANT_LIST_LIMIT ? null : people.map((p) => toChoice(scope, p));
}

/** Active people in scope whose name or email contains `q` (all when empty), at most PARTICIPANT_SEARCH_LIMIT. */
export async function searchParticipantChoices(scope: Scope, q: string | undefined): Promise<ParticipantChoice[]> {
  const text: Prisma.ParticipantWhereInput = q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] } : {};
  const people = await db.participant.findMany({
    where: { AND: [{ active: true, ...agencyWhere(scope) }, text] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PARTICIPANT_SEARCH_LIMIT,
    select: choiceSelect,
  });
  return people.map((p) => toChoice(scope, p));
}

/**
 * What a form's participant field needs: the list (or null: search) and the chosen person,
 * if any, with their label. On an edit page the record's own person stays choosable even
 * when inactive (marked so); a new record may only preselect an active person.
 */
export async function participantFieldChoices(
  scope: Scope,
  chosenId: string | undefined,
  options: { keepInactive: boolean },
): Promise<{ participants: ParticipantChoice[] | null; participant: ParticipantChoice | null }> {
  const [list, person] = await Promise.all([
    participantChoices(scope),
    chosenId ? db.participant.findFirst({ where: { id: chosenId, ...agencyWhere(scope) }, select: { ...choiceSelect, active: true } }) : null,
  ]);
  if (!person || (!person.active && !options.keepInactive)) return { participants: list, participant: null };
  const chosen = toChoice(scope, person);
  if (!person.active) chosen.label += " (inactive)";
  const participants = list && !list.some((p) => p.id === chosen.id) ? [chosen, ...list] : list;
  return { participants, participant: chosen };
}
