// Counts for the home page, each one COUNT(*) in the database.
import "server-only";
import { db } from "@/server/db/client";

export interface HomeCounts {
  agencies: number;
  participants: number;
  activeEngagements: number;
  sdos: number;
  committees: number;
  standards: number;
}

/** Start of today (UTC): engagement dates are calendar dates. */
export function startOfTodayUtc(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** An engagement is active when it has no end date or ends today or later. */
export function activeEngagementWhere(now: Date = new Date()) {
  return { OR: [{ endDate: null }, { endDate: { gte: startOfTodayUtc(now) } }] };
}

export async function getHomeCounts(): Promise<HomeCounts> {
  const [agencies, participants, activeEngagements, sdos, committees, standards] = await Promise.all([
    db.agency.count(),
    db.participant.count({ where: { active: true } }),
    db.engagement.count({ where: activeEngagementWhere() }),
    db.sdo.count(),
    db.committee.count(),
    db.standard.count(),
  ]);
  return { agencies, participants, activeEngagements, sdos, committees, standards };
}
