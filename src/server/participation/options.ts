// Choices for the participation forms and list filters: agencies, SDOs, committees of an
// SDO, and a bounded standards search (there may be 10,000 standards: never load them all).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";

export interface Choice {
  id: string;
  label: string;
}

export const STANDARD_SEARCH_LIMIT = 20;

export async function agencyChoices(): Promise<Choice[]> {
  const rows = await db.agency.findMany({ orderBy: { acronym: "asc" }, select: { id: true, acronym: true, name: true } });
  return rows.map((a) => ({ id: a.id, label: `${a.acronym} — ${a.name}` }));
}

export async function sdoChoices(): Promise<Choice[]> {
  const rows = await db.sdo.findMany({ orderBy: { acronym: "asc" }, select: { id: true, acronym: true, name: true } });
  return rows.map((s) => ({ id: s.id, label: `${s.acronym} — ${s.name}` }));
}

/** Committees of one SDO (or of every SDO when none is given), by designation. */
export async function committeeChoices(sdoId?: string): Promise<Choice[]> {
  const rows = await db.committee.findMany({
    where: sdoId ? { sdoId } : {},
    orderBy: { designation: "asc" },
    select: { id: true, designation: true, title: true },
  });
  return rows.map((c) => ({ id: c.id, label: `${c.designation} — ${c.title}` }));
}

export async function coreAreaChoices(): Promise<Choice[]> {
  const rows = await db.coreArea.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return rows.map((c) => ({ id: c.id, label: c.name }));
}

export async function keyApplicationChoices(): Promise<Choice[]> {
  const rows = await db.keyApplication.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return rows.map((k) => ({ id: k.id, label: k.name }));
}

function standardLabel(s: { designation: string; title: string }): string {
  return `${s.designation} — ${s.title}`;
}

/**
 * Standards matching `q` (designation or title), at most STANDARD_SEARCH_LIMIT: the chosen
 * committee's own standards first, then the rest of the chosen SDO's.
 */
export async function searchStandardChoices(f: { sdoId?: string; committeeId?: string; q?: string }): Promise<Choice[]> {
  const text: Prisma.StandardWhereInput = f.q
    ? { OR: [{ designation: { contains: f.q, mode: "insensitive" } }, { title: { contains: f.q, mode: "insensitive" } }] }
    : {};
  const select = { id: true, designation: true, title: true } as const;
  const orderBy: Prisma.StandardOrderByWithRelationInput[] = [{ designation: "asc" }, { id: "asc" }];
  const own = f.committeeId
    ? await db.standard.findMany({ where: { AND: [{ committeeId: f.committeeId }, text] }, orderBy, take: STANDARD_SEARCH_LIMIT, select })
    : [];
  const rest =
    own.length < STANDARD_SEARCH_LIMIT
      ? await db.standard.findMany({
          where: {
            AND: [
              f.sdoId ? { sdoId: f.sdoId } : {},
              // Standards without a committee count too (NOT alone would drop NULLs).
              f.committeeId ? { OR: [{ committeeId: null }, { committeeId: { not: f.committeeId } }] } : {},
              text,
            ],
          },
          orderBy,
          take: STANDARD_SEARCH_LIMIT - own.length,
          select,
        })
      : [];
  return [...own, ...rest].map((s) => ({ id: s.id, label: standardLabel(s) }));
}

/** The label of one standard, e.g. for an edit form or an active filter. */
export async function standardChoice(id: string | null | undefined): Promise<Choice | null> {
  if (!id) return null;
  const s = await db.standard.findUnique({ where: { id }, select: { id: true, designation: true, title: true } });
  return s ? { id: s.id, label: standardLabel(s) } : null;
}
