// Reading the audit trail: admins see everything, coordinators their agency's events.
import "server-only";
import { z } from "zod";
import { dayParam } from "@/domain/participation/list-filters";
import type { Prisma } from "@/generated/prisma/client";
import type { Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { agencyWhere, toDate } from "@/server/participation/scope";

export const AUDIT_PAGE_SIZE = 50;

const clean = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const auditFilterSchema = z.object({
  actor: z.preprocess(clean, z.string().max(64).optional()).catch(undefined),
  entityType: z.preprocess(clean, z.string().max(40).optional()).catch(undefined),
  entityId: z.preprocess(clean, z.string().max(64).optional()).catch(undefined),
  // Real calendar days only: 2025-13-45 is dropped, never turned into an Invalid Date.
  from: dayParam,
  to: dayParam,
  page: z.preprocess(clean, z.coerce.number().int().min(1).max(100000).optional()).catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFilterSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return auditFilterSchema.parse(Object.fromEntries(Object.keys(auditFilterSchema.shape).map((k) => [k, first(params[k])])));
}

export const auditRow = {
  id: true, action: true, entityType: true, entityId: true, actorEmail: true, actorId: true, agencyId: true,
  before: true, after: true, createdAt: true,
} satisfies Prisma.AuditEventSelect;

/** The audit page's `where`: the caller's agency scope and the filters (the read API uses it too). */
export function auditWhere(scope: Scope, f: Omit<AuditFilters, "page">): Prisma.AuditEventWhereInput {
  const next = f.to ? new Date(toDate(f.to).getTime() + 86_400_000) : undefined;
  return {
    ...agencyWhere(scope),
    ...(f.actor ? { actorId: f.actor } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.from || next ? { createdAt: { ...(f.from ? { gte: toDate(f.from) } : {}), ...(next ? { lt: next } : {}) } } : {}),
  };
}

export async function listAuditEvents(scope: Scope, f: AuditFilters) {
  const where = auditWhere(scope, f);
  const page = f.page ?? 1;
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE, select: auditRow }),
  ]);
  return { total, page, pageSize: AUDIT_PAGE_SIZE, rows };
}

/** One record's own history, newest first (scoped like the audit page). */
export async function recordHistory(scope: Scope, entityType: string, entityId: string) {
  return db.auditEvent.findMany({
    where: { entityType, entityId, ...agencyWhere(scope) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: auditRow,
  });
}

/** Filter choices for the audit page: users who appear in the caller's scope. */
export async function auditActors(scope: Scope) {
  const actors = await db.auditEvent.groupBy({ by: ["actorId", "actorEmail"], where: { ...agencyWhere(scope), actorId: { not: null } }, orderBy: { actorEmail: "asc" } });
  return actors.map((a) => ({ id: a.actorId!, email: a.actorEmail }));
}
