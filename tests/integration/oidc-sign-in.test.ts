// OpenID Connect sign-in on a real database, after the ID token was verified: an unknown
// identity becomes a pending access request with no account; an admin approves it with a
// role and agency (the coordinator then reads that agency only) or rejects it; email-domain
// rules pre-fill the agency and never ADMIN; an existing account is linked only after its
// owner, signed in the old way, asked for it; the role's authenticator requirement holds
// for OIDC and password sign-ins; every decision and link is audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OidcProviderConfig } from "@/lib/oidc-env";
import type { AppSession } from "@/server/auth/session";
import { BACKEND } from "./support/backend";

const sessionRef: { current: AppSession | null } = { current: null };
const phishingResistantRef = { current: false };
vi.mock("@/server/auth/session", () => ({ getSession: async () => sessionRef.current }));
vi.mock("@/server/auth/oidc/current-sign-in", () => ({ signedInPhishingResistant: async () => phishingResistantRef.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/server/db/client");
const { oidcSignIn } = await import("@/server/auth/oidc/sign-in");
const { oidcSignInCallback, SignInRefused } = await import("@/server/auth/oidc/sign-in-callback");
const { isAgencyScoped } = await import("@/server/auth/permissions");
const { listParticipants } = await import("@/server/participation/participants");
const { parseParticipantFilters } = await import("@/domain/participation/list-filters");
const actions = await import("@/server/actions/sign-in-admin");

const tag = `o${Date.now().toString(36)}`;
type Role = "ADMIN" | "LEAD" | "COORDINATOR" | "VIEWER";

const provider: OidcProviderConfig = {
  id: `idp${tag}`,
  name: "Test IdP",
  issuer: "http://127.0.0.1:9/issuer",
  clientId: "tracker",
  clientSecret: "secret",
  privateJwk: null,
  scopes: "openid email",
  acrValues: null,
  prompt: null,
  pkce: true,
  phishingResistantAcr: ["urn:test:piv"],
  phishingResistantAmr: ["hwk"],
  trustEmail: false,
};

const claims = (sub: string, email: string, extra: Record<string, unknown> = {}) => ({
  sub: `${sub}-${tag}`,
  iss: provider.issuer,
  email,
  email_verified: true,
  name: `Person ${sub}`,
  ...extra,
});

let agencyX: string, agencyY: string;
let admin: AppSession;

async function sessionFor(role: Role, email: string, agencyId: string | null = null): Promise<AppSession> {
  const u = await db.user.create({ data: { email, name: email, role, passwordHash: "x", agencyId } });
  return { user: { id: u.id, email, name: email, role, agencyId, agencyAcronym: null }, scope: { userId: u.id, role, agencyId: role === "COORDINATOR" ? agencyId : null } };
}

async function as<T>(session: AppSession, run: () => Promise<T>): Promise<T> {
  sessionRef.current = session;
  try {
    return await run();
  } finally {
    sessionRef.current = null;
  }
}

const auditOf = (action: string, entityId?: string) => db.auditEvent.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  agencyX = (await db.agency.create({ data: { acronym: `X${tag}`, name: "Agency X" } })).id;
  agencyY = (await db.agency.create({ data: { acronym: `Y${tag}`, name: "Agency Y" } })).id;
  admin = await sessionFor("ADMIN", `admin.${tag}@test.gov`);
  await db.participant.createMany({
    data: [
      { agencyId: agencyX, name: `X person ${tag}` },
      { agencyId: agencyY, name: `Y person ${tag}` },
    ],
  });
});

beforeEach(async () => {
  phishingResistantRef.current = false;
  await db.roleSignInRequirement.deleteMany();
});

// The requirement table is global: leave no role requiring anything for other files.
afterAll(async () => {
  await db.roleSignInRequirement.deleteMany();
});

describe(`OIDC sign-in on ${BACKEND}`, () => {
  it("records a first sign-in as a pending request with no account, once, audited", async () => {
    const c = claims("pat", `pat.${tag}@x.test.gov`);
    expect(await oidcSignIn(provider, c, new Date())).toEqual({ kind: "pending" });
    expect(await oidcSignIn(provider, { ...c, name: "Pat Renamed" }, new Date())).toEqual({ kind: "pending" });
    const requests = await db.accessRequest.findMany({ where: { provider: provider.id, subject: c.sub } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ status: "PENDING", email: c.email, emailVerified: true, name: "Pat Renamed" });
    expect(await db.user.findUnique({ where: { email: c.email } })).toBeNull();
    expect(await auditOf("user.access-request", requests[0]!.id)).toHaveLength(1);
  });

  it("refuses an ID token whose issuer is not the configured one", async () => {
    const outcome = await oidcSignIn(provider, { ...claims("evil", `evil.${tag}@test.gov`), iss: "http://127.0.0.1:9/other" }, new Date());
    expect(outcome).toEqual({ kind: "refused", code: "OidcInvalidIdentity" });
    expect(await db.accessRequest.count({ where: { subject: `evil-${tag}` } })).toBe(0);
  });

  it("approves a pending person as coordinator of agency X: account, identity, audit; the coordinator reads X only", async () => {
    const c = claims("casey", `casey.${tag}@test.gov`);
    await oidcSignIn(provider, c, new Date());
    const request = await db.accessRequest.findUniqueOrThrow({ where: { provider_subject: { provider: provider.id, subject: c.sub } } });

    const viewer = await sessionFor("VIEWER", `viewer.${tag}@test.gov`);
    const refused = await as(viewer, () => actions.approveAccessRequestAction({ requestId: request.id, role: "COORDINATOR", agencyId: agencyX }));
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const noAgency = await as(admin, () => actions.approveAccessRequestAction({ requestId: request.id, role: "COORDINATOR", agencyId: "" }));
    expect(noAgency).toMatchObject({ ok: false, error: { fieldErrors: { agencyId: ["Choose the agency this coordinator works for"] } } });

    const approved = await as(admin, () => actions.approveAccessRequestAction({ requestId: request.id, role: "COORDINATOR", agencyId: agencyX }));
    expect(approved.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: c.email } });
    expect(user).toMatchObject({ role: "COORDINATOR", agencyId: agencyX, passwordHash: null, active: true });
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "APPROVED", userId: user.id, decidedById: admin.user.id });
    const [audit] = await auditOf("user.approve", request.id);
    expect(audit).toMatchObject({ actorId: admin.user.id, agencyId: agencyX });
    expect(JSON.stringify(audit!.after)).toContain(agencyX);

    // Deciding twice is refused.
    expect(await as(admin, () => actions.rejectAccessRequestAction({ requestId: request.id }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    const outcome = await oidcSignIn(provider, c, new Date());
    expect(outcome).toMatchObject({ kind: "user", userId: user.id, phishingResistant: false });
    const scope = { userId: user.id, role: user.role, agencyId: isAgencyScoped(user.role) ? user.agencyId : null };
    const list = await listParticipants(scope, parseParticipantFilters({ q: tag, status: "all" }));
    expect(list.rows.map((r) => r.agencyId)).toEqual([agencyX]);
  });

  it("rejects a pending person: audited, and their next sign-in is refused", async () => {
    const c = claims("rory", `rory.${tag}@test.gov`);
    await oidcSignIn(provider, c, new Date());
    const request = await db.accessRequest.findUniqueOrThrow({ where: { provider_subject: { provider: provider.id, subject: c.sub } } });
    expect((await as(admin, () => actions.rejectAccessRequestAction({ requestId: request.id }))).ok).toBe(true);
    expect(await auditOf("user.reject", request.id)).toHaveLength(1);
    expect(await oidcSignIn(provider, c, new Date())).toEqual({ kind: "refused", code: "AccessRejected" });
    expect(await db.user.findUnique({ where: { email: c.email } })).toBeNull();
  });

  it("pre-fills agency and role from the most specific domain rule of a verified email; never ADMIN", async () => {
    const domain = `${tag}.example.gov`;
    const created = await as(admin, () => actions.createDomainRuleAction({ domain: `@${domain.toUpperCase()}`, agencyId: agencyX, role: "COORDINATOR" }));
    expect(created).toMatchObject({ ok: true, data: { domain } });
    await as(admin, () => actions.createDomainRuleAction({ domain: `lab.${domain}`, agencyId: agencyY, role: "VIEWER" }));
    expect(await auditOf("sign-in.domain-rule.create")).not.toHaveLength(0);

    const adminRule = await as(admin, () => actions.createDomainRuleAction({ domain: `other.${domain}`, agencyId: agencyX, role: "ADMIN" }));
    expect(adminRule).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { role: [expect.stringContaining("never grants Admin")] } } });
    await expect(db.emailDomainRule.create({ data: { domain: `direct.${domain}`, agencyId: agencyX, role: "ADMIN" } })).rejects.toThrow();
    expect(await as(admin, () => actions.createDomainRuleAction({ domain: "not a domain", agencyId: agencyX, role: "VIEWER" }))).toMatchObject({
      ok: false,
      error: { fieldErrors: { domain: [expect.stringContaining("Enter a domain")] } },
    });
    expect(await as(admin, () => actions.createDomainRuleAction({ domain, agencyId: agencyY, role: "VIEWER" }))).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    const suggestion = async (sub: string, email: string, verified: boolean) => {
      await oidcSignIn(provider, claims(sub, email, { email_verified: verified }), new Date());
      const r = await db.accessRequest.findUniqueOrThrow({ where: { provider_subject: { provider: provider.id, subject: `${sub}-${tag}` } } });
      return [r.suggestedAgencyId, r.suggestedRole];
    };
    expect(await suggestion("d1", `a@${domain}`, true)).toEqual([agencyX, "COORDINATOR"]);
    expect(await suggestion("d2", `a@x.lab.${domain}`, true)).toEqual([agencyY, "VIEWER"]);
    expect(await suggestion("d3", `a@${domain}`, false)).toEqual([null, null]);

    const rules = await db.emailDomainRule.findMany({ where: { domain: { endsWith: domain } } });
    const removed = await as(admin, () => actions.deleteDomainRuleAction({ ruleId: rules[0]!.id }));
    expect(removed.ok).toBe(true);
    expect(await auditOf("sign-in.domain-rule.delete", rules[0]!.id)).toHaveLength(1);
  });

  it("links an existing account only after its owner, signed in, asked for it; audited", async () => {
    const owner = await sessionFor("LEAD", `lee.${tag}@test.gov`);
    const c = claims("lee", owner.user.email);
    // Not asked: refused, nothing linked, no pending request made under that email.
    expect(await oidcSignIn(provider, c, new Date())).toEqual({ kind: "refused", code: "OidcLinkRequired" });
    expect(await db.oidcIdentity.count({ where: { userId: owner.user.id } })).toBe(0);

    // The action checks the provider is configured (none is in this process).
    expect(await as(owner, () => actions.startOidcLinkAction({ provider: provider.id }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    // Asked, but for another provider, or expired: still refused.
    await db.oidcLinkIntent.create({ data: { userId: owner.user.id, provider: "other", expiresAt: new Date(Date.now() + 60_000) } });
    expect(await oidcSignIn(provider, c, new Date())).toEqual({ kind: "refused", code: "OidcLinkRequired" });
    await db.oidcLinkIntent.update({ where: { userId: owner.user.id }, data: { provider: provider.id, expiresAt: new Date(Date.now() - 1000) } });
    expect(await oidcSignIn(provider, c, new Date())).toEqual({ kind: "refused", code: "OidcLinkRequired" });
    // An unverified email never links (it becomes a request an admin cannot approve blindly).
    await db.oidcLinkIntent.update({ where: { userId: owner.user.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect(await oidcSignIn(provider, { ...c, sub: `lee-unverified-${tag}`, email_verified: false }, new Date())).toEqual({ kind: "pending" });
    expect(await db.oidcIdentity.count({ where: { userId: owner.user.id } })).toBe(0);

    // Asked and verified: linked once, the request used up, audited.
    expect(await oidcSignIn(provider, c, new Date())).toMatchObject({ kind: "user", userId: owner.user.id });
    expect(await db.oidcIdentity.findMany({ where: { userId: owner.user.id } })).toMatchObject([{ provider: provider.id, subject: c.sub }]);
    expect(await db.oidcLinkIntent.count({ where: { userId: owner.user.id } })).toBe(0);
    expect(await auditOf("user.oidc-link", owner.user.id)).toHaveLength(1);
    // From now on the identity signs in without any request.
    expect(await oidcSignIn(provider, c, new Date())).toMatchObject({ kind: "user", userId: owner.user.id });

    // Approving the unverified request for the same email is refused.
    const unverified = await db.accessRequest.findUniqueOrThrow({ where: { provider_subject: { provider: provider.id, subject: `lee-unverified-${tag}` } } });
    expect(await as(admin, () => actions.approveAccessRequestAction({ requestId: unverified.id, role: "VIEWER" }))).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("verified email") },
    });
  });

  it("enforces a role's phishing-resistant requirement on OIDC and password sign-ins; audited; no self-lockout", async () => {
    const coordinator = await sessionFor("COORDINATOR", `piv.${tag}@test.gov`, agencyX);
    await db.oidcIdentity.create({ data: { provider: provider.id, subject: `piv-${tag}`, userId: coordinator.user.id, email: coordinator.user.email } });
    const c = claims("piv", coordinator.user.email, { acr: "urn:test:aal2", amr: ["pwd", "otp"] });
    expect(await oidcSignIn(provider, c, new Date())).toMatchObject({ kind: "user" });

    const set = await as(admin, () => actions.setRoleRequirementAction({ role: "COORDINATOR", requirePhishingResistant: "true" }));
    expect(set).toMatchObject({ ok: true, data: { role: "COORDINATOR", requirePhishingResistant: true } });
    expect(await auditOf("sign-in.role-requirement", "COORDINATOR")).not.toHaveLength(0);

    expect(await oidcSignIn(provider, c, new Date())).toEqual({ kind: "refused", code: "AuthenticatorTooWeak" });
    expect(await oidcSignIn(provider, { ...c, acr: "urn:test:piv" }, new Date())).toMatchObject({ kind: "user", phishingResistant: true });
    expect(await oidcSignIn(provider, { ...c, amr: ["hwk"] }, new Date())).toMatchObject({ kind: "user", phishingResistant: true });
    const refusals = await db.auditEvent.findMany({ where: { action: "session.sign-in-failed", actorId: coordinator.user.id } });
    expect(JSON.stringify(refusals.map((r) => r.after))).toContain("requires a phishing-resistant authenticator");

    // A password sign-in of that role is refused too; other roles are not affected.
    const user = { id: coordinator.user.id, email: coordinator.user.email };
    const credentials = { provider: "credentials", type: "credentials" as const, providerAccountId: coordinator.user.id };
    await expect(oidcSignInCallback({ user, account: credentials })).rejects.toBeInstanceOf(SignInRefused);
    await expect(oidcSignInCallback({ user: { id: admin.user.id }, account: { ...credentials, providerAccountId: admin.user.id } })).resolves.toBe(true);

    // An admin signed in without PIV/CAC cannot require it for admins (would lock them out)...
    expect(await as(admin, () => actions.setRoleRequirementAction({ role: "ADMIN", requirePhishingResistant: "true" }))).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN", message: expect.stringContaining("lock you out") },
    });
    // ...but can once signed in with it.
    phishingResistantRef.current = true;
    expect(await as(admin, () => actions.setRoleRequirementAction({ role: "ADMIN", requirePhishingResistant: "true" }))).toMatchObject({ ok: true });
  });

  it("refuses a deactivated account's identity", async () => {
    const gone = await sessionFor("VIEWER", `gone.${tag}@test.gov`);
    await db.oidcIdentity.create({ data: { provider: provider.id, subject: `gone-${tag}`, userId: gone.user.id, email: gone.user.email } });
    await db.user.update({ where: { id: gone.user.id }, data: { active: false } });
    expect(await oidcSignIn(provider, claims("gone", gone.user.email), new Date())).toEqual({ kind: "refused", code: "AccountDeactivated" });
  });
});
