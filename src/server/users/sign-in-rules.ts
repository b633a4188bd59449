// Admin-set sign-in rules: email-domain rules (a verified email domain suggests an agency
// and a non-admin role for a pending account), the per-role requirement of a
// phishing-resistant authenticator, and a person's request to link an identity provider.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { ROLES } from "@/server/auth/permissions";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";

/** Roles a domain rule may suggest: never ADMIN (also a CHECK constraint in the database). */
export const RULE_ROLES = ["LEAD", "COORDINATOR", "VIEWER"] as const satisfies readonly Role[];

export const domainRuleInput = z
  .object({
    domain: z
      .string({ error: "Enter a domain" })
      .trim()
      .toLowerCase()
      .transform((v) => v.replace(/^@/, ""))
      .pipe(
        z
          .string()
          .min(1, "Enter a domain, such as agency.gov")
          .max(253, "Use at most 253 characters")
          .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Enter a domain such as agency.gov (letters, digits, dashes and dots)"),
      ),
    agencyId: z.string({ error: "Choose an agency" }).trim().min(1, "Choose an agency").max(100),
    role: z.enum(RULE_ROLES, { error: "Choose Lead, Coordinator or Viewer (a rule never grants Admin)" }),
  });

export type DomainRuleInput = z.infer<typeof domainRuleInput>;

export const domainRuleDeleteInput = z.object({ ruleId: z.string().trim().min(1).max(100) });

const ruleSelect = { id: true, domain: true, agencyId: true, role: true } as const satisfies Prisma.EmailDomainRuleSelect;

export async function listDomainRules() {
  return db.emailDomainRule.findMany({ orderBy: { domain: "asc" }, select: { ...ruleSelect, agency: { select: { acronym: true, name: true } } } });
}

export async function createDomainRule(tx: Prisma.TransactionClient, input: DomainRuleInput) {
  if (!(await tx.agency.findUnique({ where: { id: input.agencyId }, select: { id: true } }))) {
    throw new UserError("VALIDATION", "Some fields need attention.", { agencyId: ["Choose an agency from the list"] });
  }
  if (await tx.emailDomainRule.findUnique({ where: { domain: input.domain }, select: { id: true } })) {
    throw new UserError("CONFLICT", `There is already a rule for ${input.domain}. Remove it first to change it.`, { domain: ["There is already a rule for this domain"] });
  }
  return tx.emailDomainRule.create({ data: input, select: ruleSelect });
}

export async function deleteDomainRule(tx: Prisma.TransactionClient, ruleId: string) {
  const before = await tx.emailDomainRule.findUnique({ where: { id: ruleId }, select: ruleSelect });
  if (!before) throw new UserError("NOT_FOUND", "That rule no longer exists.");
  await tx.emailDomainRule.delete({ where: { id: ruleId } });
  return before;
}

export const roleRequirementInput = z.object({
  role: z.enum(ROLES, { error: "Choose a role" }),
  requirePhishingResistant: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export async function listRoleRequirements(): Promise<Record<Role, boolean>> {
  const rows = await db.roleSignInRequirement.findMany();
  const out = Object.fromEntries(ROLES.map((r) => [r, false])) as Record<Role, boolean>;
  for (const row of rows) out[row.role] = row.requirePhishingResistant;
  return out;
}

export async function setRoleRequirement(tx: Prisma.TransactionClient, role: Role, requirePhishingResistant: boolean) {
  const before = await tx.roleSignInRequirement.findUnique({ where: { role }, select: { role: true, requirePhishingResistant: true } });
  const after = await tx.roleSignInRequirement.upsert({
    where: { role },
    create: { role, requirePhishingResistant },
    update: { requirePhishingResistant },
    select: { role: true, requirePhishingResistant: true },
  });
  return { before: before ?? { role, requirePhishingResistant: false }, after };
}

/** How long a request to link an identity provider waits for the provider's sign-in. */
export const LINK_INTENT_SECONDS = 10 * 60;

export const linkStartInput = z.object({ provider: z.string().trim().min(1).max(32) });

export async function startLink(tx: Prisma.TransactionClient, userId: string, provider: string, now: Date) {
  const expiresAt = new Date(now.getTime() + LINK_INTENT_SECONDS * 1000);
  return tx.oidcLinkIntent.upsert({
    where: { userId },
    create: { userId, provider, expiresAt },
    update: { provider, expiresAt },
    select: { userId: true, provider: true, expiresAt: true },
  });
}

export async function listLinkedIdentities(userId: string) {
  const rows = await db.oidcIdentity.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, provider: true, email: true, createdAt: true, lastUsedAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null }));
}
