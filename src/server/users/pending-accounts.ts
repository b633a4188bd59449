// Pending accounts: the access requests made by the first OpenID Connect sign-in of an
// unknown person. They carry no permission; an admin approves one with a role and an
// agency (creating the user and linking the identity) or rejects it. Email-domain rules
// only pre-fill the approval form (agency and a non-admin role); a person never gets a
// role without an admin's decision.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { AccessRequestStatus, Role } from "@/generated/prisma/enums";
import { matchDomainRule } from "@/domain/authenticator-assurance";
import { ROLES } from "@/server/auth/permissions";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { userAuditSelect, type UserSnapshot } from "./users";

export interface AccessRequestClaims {
  provider: string;
  subject: string;
  /** "" when the provider gave no usable email. */
  email: string;
  emailVerified: boolean;
  name: string;
}

/** The suggestion of the most specific domain rule for a verified email. */
async function suggestionFor(email: string, verified: boolean): Promise<{ suggestedAgencyId: string | null; suggestedRole: Role | null }> {
  if (!verified || !email) return { suggestedAgencyId: null, suggestedRole: null };
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const labels = domain.split(".");
  const candidates = labels.slice(0, -1).map((_, i) => labels.slice(i).join("."));
  const rules = await db.emailDomainRule.findMany({ where: { domain: { in: candidates } }, select: { domain: true, agencyId: true, role: true } });
  const rule = matchDomainRule(email, rules);
  return { suggestedAgencyId: rule?.agencyId ?? null, suggestedRole: rule?.role ?? null };
}

/**
 * Records (or refreshes) the access request of an identity with no account and returns
 * its status. A new request is audited; a repeated sign-in only refreshes email and name.
 */
export async function recordAccessRequest(claims: AccessRequestClaims, now: Date): Promise<AccessRequestStatus> {
  const where = { provider_subject: { provider: claims.provider, subject: claims.subject } };
  const existing = await db.accessRequest.findUnique({ where, select: { id: true, status: true } });
  if (existing) {
    // APPROVED without an identity: the account was deleted since; ask again.
    const status = existing.status === "APPROVED" ? "PENDING" : existing.status;
    await db.accessRequest.update({
      where: { id: existing.id },
      data: { email: claims.email, emailVerified: claims.emailVerified, name: claims.name, status, ...(await suggestionFor(claims.email, claims.emailVerified)) },
    });
    return status;
  }
  const suggestion = await suggestionFor(claims.email, claims.emailVerified);
  try {
    await db.$transaction(async (tx) => {
      const request = await tx.accessRequest.create({ data: { ...claims, ...suggestion, createdAt: now } });
      await tx.auditEvent.create({
        data: {
          actorId: null,
          actorEmail: claims.email || `${claims.provider}:${claims.subject}`,
          action: "user.access-request",
          entityType: "AccessRequest",
          entityId: request.id,
          agencyId: suggestion.suggestedAgencyId,
          after: request,
        },
      });
    });
  } catch (error) {
    // Two first sign-ins at once: the other one recorded it.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  return "PENDING";
}

export interface PendingAccountRow {
  id: string;
  provider: string;
  email: string;
  emailVerified: boolean;
  name: string;
  suggestedAgencyId: string | null;
  suggestedRole: Role | null;
  createdAt: string;
}

export async function listPendingAccounts(): Promise<PendingAccountRow[]> {
  const rows = await db.accessRequest.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: { id: true, provider: true, email: true, emailVerified: true, name: true, suggestedAgencyId: true, suggestedRole: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const approveAccessInput = z
  .object({
    requestId: z.string().trim().min(1).max(100),
    role: z.enum(ROLES, { error: "Choose a role" }),
    agencyId: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  })
  .superRefine((value, ctx) => {
    if (value.role === "COORDINATOR" && !value.agencyId) {
      ctx.addIssue({ code: "custom", path: ["agencyId"], message: "Choose the agency this coordinator works for" });
    }
  });

export type ApproveAccessInput = z.infer<typeof approveAccessInput>;

export const rejectAccessInput = z.object({ requestId: z.string().trim().min(1).max(100) });

type RequestSnapshot = Prisma.AccessRequestGetPayload<object>;

/** Creates the user with the admin's role and agency and links the identity. */
export async function approveAccessRequest(
  tx: Prisma.TransactionClient,
  adminId: string,
  input: ApproveAccessInput,
  now: Date,
): Promise<{ before: RequestSnapshot; after: RequestSnapshot; user: UserSnapshot }> {
  const before = await tx.accessRequest.findUnique({ where: { id: input.requestId } });
  if (!before || before.status !== "PENDING") throw new UserError("NOT_FOUND", "This request is no longer waiting: someone may have decided it already.");
  if (!before.email || !before.emailVerified) {
    throw new UserError("VALIDATION", "This person's identity provider did not give a verified email address, so an account cannot be created for it.");
  }
  if (input.agencyId && !(await tx.agency.findUnique({ where: { id: input.agencyId }, select: { id: true } }))) {
    throw new UserError("VALIDATION", "Some fields need attention.", { agencyId: ["Choose an agency from the list"] });
  }
  if (await tx.user.findUnique({ where: { email: before.email }, select: { id: true } })) {
    throw new UserError(
      "CONFLICT",
      `An account with ${before.email} already exists. Reject this request and ask the person to sign in with that account and link the identity provider from "Sign-in methods".`,
    );
  }
  const user = await tx.user.create({
    data: { email: before.email, name: before.name, role: input.role, agencyId: input.agencyId ?? null, passwordHash: null },
    select: userAuditSelect,
  });
  await tx.oidcIdentity.create({ data: { provider: before.provider, subject: before.subject, userId: user.id, email: before.email } });
  // updateMany with the status in the where clause: of two admins deciding at once, one wins.
  const { count } = await tx.accessRequest.updateMany({
    where: { id: before.id, status: "PENDING" },
    data: { status: "APPROVED", userId: user.id, decidedById: adminId, decidedAt: now },
  });
  if (count === 0) throw new UserError("CONFLICT", "Another admin decided this request at the same time.");
  const after = await tx.accessRequest.findUniqueOrThrow({ where: { id: before.id } });
  return { before, after, user };
}

export async function rejectAccessRequest(tx: Prisma.TransactionClient, adminId: string, requestId: string, now: Date): Promise<{ before: RequestSnapshot; after: RequestSnapshot }> {
  const before = await tx.accessRequest.findUnique({ where: { id: requestId } });
  if (!before || before.status !== "PENDING") throw new UserError("NOT_FOUND", "This request is no longer waiting: someone may have decided it already.");
  const { count } = await tx.accessRequest.updateMany({
    where: { id: requestId, status: "PENDING" },
    data: { status: "REJECTED", decidedById: adminId, decidedAt: now },
  });
  if (count === 0) throw new UserError("CONFLICT", "Another admin decided this request at the same time.");
  return { before, after: await tx.accessRequest.findUniqueOrThrow({ where: { id: requestId } }) };
}
