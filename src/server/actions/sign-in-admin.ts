"use server";
// Who gets in, and as what: approving and rejecting pending accounts, email-domain rules,
// the per-role authenticator requirement (ADMIN only), and a person's own request to link
// an identity provider. Every export goes through action() and is audited.
import { revalidatePath } from "next/cache";
import { oidcProvider } from "@/server/auth/oidc/config";
import { signedInPhishingResistant } from "@/server/auth/oidc/current-sign-in";
import { UserError } from "@/server/errors";
import { approveAccessInput, approveAccessRequest, rejectAccessInput, rejectAccessRequest } from "@/server/users/pending-accounts";
import {
  createDomainRule,
  deleteDomainRule,
  domainRuleDeleteInput,
  domainRuleInput,
  linkStartInput,
  roleRequirementInput,
  setRoleRequirement,
  startLink,
} from "@/server/users/sign-in-rules";
import { action } from "./action";

export const approveAccessRequestAction = action(
  { input: approveAccessInput, permission: "user.manage", audit: "user.approve" },
  async ({ session, input, tx }) => {
    const { before, after, user } = await approveAccessRequest(tx, session.user.id, input, new Date());
    revalidatePath("/admin/users");
    return {
      data: { id: user.id, email: user.email, name: user.name },
      audit: { entityType: "AccessRequest", entityId: after.id, agencyId: user.agencyId, before, after: { ...after, user } },
    };
  },
);

export const rejectAccessRequestAction = action(
  { input: rejectAccessInput, permission: "user.manage", audit: "user.reject" },
  async ({ session, input, tx }) => {
    const { before, after } = await rejectAccessRequest(tx, session.user.id, input.requestId, new Date());
    revalidatePath("/admin/users");
    return { data: { id: after.id }, audit: { entityType: "AccessRequest", entityId: after.id, before, after } };
  },
);

export const createDomainRuleAction = action(
  { input: domainRuleInput, permission: "user.manage", audit: "sign-in.domain-rule.create" },
  async ({ input, tx }) => {
    const rule = await createDomainRule(tx, input);
    revalidatePath("/admin/sign-in");
    return { data: rule, audit: { entityType: "EmailDomainRule", entityId: rule.id, agencyId: rule.agencyId, before: null, after: rule } };
  },
);

export const deleteDomainRuleAction = action(
  { input: domainRuleDeleteInput, permission: "user.manage", audit: "sign-in.domain-rule.delete" },
  async ({ input, tx }) => {
    const before = await deleteDomainRule(tx, input.ruleId);
    revalidatePath("/admin/sign-in");
    return { data: { id: before.id }, audit: { entityType: "EmailDomainRule", entityId: before.id, agencyId: before.agencyId, before, after: null } };
  },
);

export const setRoleRequirementAction = action(
  { input: roleRequirementInput, permission: "user.manage", audit: "sign-in.role-requirement" },
  async ({ session, input, tx }) => {
    // Requiring it for one's own role while signed in without it would lock the admin out.
    if (input.requirePhishingResistant && input.role === session.user.role && !(await signedInPhishingResistant())) {
      throw new UserError(
        "FORBIDDEN",
        "You signed in without a phishing-resistant authenticator, so requiring one for your own role would lock you out. Sign in with PIV/CAC (or a security key) through your identity provider first.",
      );
    }
    const { before, after } = await setRoleRequirement(tx, input.role, input.requirePhishingResistant);
    revalidatePath("/admin/sign-in");
    return { data: after, audit: { entityType: "RoleSignInRequirement", entityId: after.role, before, after } };
  },
);

export const startOidcLinkAction = action(
  { input: linkStartInput, permission: "account.own", audit: "user.oidc-link-start" },
  async ({ session, input, tx }) => {
    const provider = oidcProvider(input.provider);
    if (!provider) throw new UserError("NOT_FOUND", "That sign-in provider is not configured.");
    const existing = await tx.oidcIdentity.findFirst({ where: { userId: session.user.id, provider: provider.id }, select: { id: true } });
    if (existing) throw new UserError("CONFLICT", `Your account is already linked to ${provider.name}.`);
    const intent = await startLink(tx, session.user.id, provider.id, new Date());
    return {
      data: { provider: provider.id },
      audit: { entityType: "User", entityId: session.user.id, agencyId: session.user.agencyId, before: null, after: { ...intent, providerName: provider.name } },
    };
  },
);
