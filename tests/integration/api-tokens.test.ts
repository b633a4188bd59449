// Personal access tokens on a real database: created through the action (secret returned
// once, only its hash stored, audited), revoked by the owner or an admin but not by anyone
// else, and accepted by sessionForToken only while unexpired, unrevoked and the owner
// active, with the owner's current role and agency.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppSession } from "@/server/auth/session";
import { BACKEND } from "./support/backend";

const sessionRef: { current: AppSession | null } = { current: null };
vi.mock("@/server/auth/session", () => ({ getSession: async () => sessionRef.current }));
// revalidatePath needs a Next request; the page re-reads on its next render anyway.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/server/db/client");
const { createApiTokenAction, revokeApiTokenAction } = await import("@/server/actions/api-tokens");
const { hashSecret, listApiTokens, sessionForToken } = await import("@/server/api-tokens/tokens");

const tag = `t${Date.now().toString(36)}`;
type Role = "ADMIN" | "LEAD" | "COORDINATOR" | "VIEWER";
let agencyId: string;

async function user(role: Role, name: string): Promise<AppSession> {
  const u = await db.user.create({
    data: { email: `${name}.${tag}@test.gov`, name, role, passwordHash: "x", agencyId: role === "COORDINATOR" ? agencyId : null },
  });
  const scoped = role === "COORDINATOR" ? agencyId : null;
  return { user: { id: u.id, email: u.email, name, role, agencyId: u.agencyId, agencyAcronym: null }, scope: { userId: u.id, role, agencyId: scoped } };
}

async function createToken(as: AppSession, input: Record<string, unknown>) {
  sessionRef.current = as;
  const result = await createApiTokenAction(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

let viewer: AppSession, other: AppSession, admin: AppSession, coordinator: AppSession;
const now = () => new Date();

beforeAll(async () => {
  agencyId = (await db.agency.create({ data: { acronym: `T${tag}`, name: "Token agency" } })).id;
  viewer = await user("VIEWER", "viewer");
  other = await user("VIEWER", "other");
  admin = await user("ADMIN", "admin");
  coordinator = await user("COORDINATOR", "coord");
});

beforeEach(() => {
  sessionRef.current = null;
});

describe(`personal access tokens on ${BACKEND}`, () => {
  it("returns the secret once, stores only its hash and a short prefix, audits the creation", async () => {
    const created = await createToken(viewer, { name: "  Roster sync  " });
    expect(created.secret).toMatch(/^set_pat_[A-Za-z0-9_-]{43}$/);
    const row = await db.personalAccessToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.name).toBe("Roster sync");
    expect(row.secretHash).toBe(hashSecret(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret);
    expect(created.secret.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(16);
    // Default expiry: 90 days.
    expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000)).toBe(90);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "apitoken.create", entityId: created.id } });
    expect(audit.actorId).toBe(viewer.user.id);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it.each([
    [{ name: "" }, "name"],
    [{ name: "x".repeat(101) }, "name"],
    [{ name: "a\u0000b" }, "name"],
    [{ name: "a\ud800b" }, "name"],
    [{ name: "ok", expiresInDays: 366 }, "expiresInDays"],
    [{ name: "ok", expiresInDays: 0 }, "expiresInDays"],
    [{ name: "ok", expiresInDays: "soon" }, "expiresInDays"],
  ])("refuses %j with a field error on %s", async (input, field) => {
    sessionRef.current = viewer;
    const result = await createApiTokenAction(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("VALIDATION");
      expect(Object.keys(result.error.fieldErrors ?? {})).toEqual([field]);
    }
  });

  it("refuses the anonymous", async () => {
    const result = await createApiTokenAction({ name: "x" });
    expect(result.ok ? null : result.error.code).toBe("UNAUTHENTICATED");
  });

  it("authenticates a valid token as its owner with the owner's current role and agency", async () => {
    const { secret } = await createToken(coordinator, { name: "coord", expiresInDays: 365 });
    const session = await sessionForToken(`Bearer ${secret}`, "203.0.113.9", now());
    expect(session?.user.id).toBe(coordinator.user.id);
    expect(session?.scope).toEqual({ userId: coordinator.user.id, role: "COORDINATOR", agencyId });
    const row = await db.personalAccessToken.findFirstOrThrow({ where: { secretHash: hashSecret(secret) } });
    expect(row.lastUsedAddress).toBe("203.0.113.9");
    expect(row.lastUsedAt).not.toBeNull();
    // A role change applies to the existing token at once.
    await db.user.update({ where: { id: coordinator.user.id }, data: { role: "VIEWER" } });
    const after = await sessionForToken(`Bearer ${secret}`, null, now());
    expect(after?.scope).toEqual({ userId: coordinator.user.id, role: "VIEWER", agencyId: null });
    await db.user.update({ where: { id: coordinator.user.id }, data: { role: "COORDINATOR" } });
  });

  it("refuses malformed, unknown, expired and deactivated-owner tokens", async () => {
    const { secret, id } = await createToken(other, { name: "short", expiresInDays: 1 });
    expect(await sessionForToken(null, null, now())).toBeNull();
    expect(await sessionForToken(`Basic ${secret}`, null, now())).toBeNull();
    expect(await sessionForToken(`Bearer ${secret}x`, null, now())).toBeNull();
    expect(await sessionForToken(`Bearer ${secret}\u0000`, null, now())).toBeNull();
    const row = await db.personalAccessToken.findUniqueOrThrow({ where: { id } });
    expect(await sessionForToken(`Bearer ${secret}`, null, row.expiresAt)).toBeNull();
    expect(await sessionForToken(`Bearer ${secret}`, null, new Date(row.expiresAt.getTime() - 1))).not.toBeNull();
    await db.user.update({ where: { id: other.user.id }, data: { active: false } });
    expect(await sessionForToken(`Bearer ${secret}`, null, now())).toBeNull();
    await db.user.update({ where: { id: other.user.id }, data: { active: true } });
  });

  it("lets the owner revoke their token, not someone else's; admins list and revoke any", async () => {
    const mine = await createToken(viewer, { name: "mine" });
    const theirs = await createToken(other, { name: "theirs" });
    sessionRef.current = viewer;
    const foreign = await revokeApiTokenAction({ id: theirs.id });
    expect(foreign.ok ? null : foreign.error.code).toBe("NOT_FOUND");
    expect(await sessionForToken(`Bearer ${theirs.secret}`, null, now())).not.toBeNull();
    expect((await listApiTokens(viewer.scope, false)).every((t) => t.userId === viewer.user.id)).toBe(true);

    const own = await revokeApiTokenAction({ id: mine.id });
    expect(own.ok).toBe(true);
    expect(await sessionForToken(`Bearer ${mine.secret}`, null, now())).toBeNull();
    const again = await revokeApiTokenAction({ id: mine.id });
    expect(again.ok ? null : again.error.code).toBe("NOT_FOUND");

    expect((await listApiTokens(admin.scope, true)).map((t) => t.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    sessionRef.current = admin;
    expect((await revokeApiTokenAction({ id: theirs.id })).ok).toBe(true);
    expect(await sessionForToken(`Bearer ${theirs.secret}`, null, now())).toBeNull();
    const audits = await db.auditEvent.findMany({ where: { action: "apitoken.revoke", entityId: { in: [mine.id, theirs.id] } } });
    expect(audits.map((a) => a.actorId).sort()).toEqual([viewer.user.id, admin.user.id].sort());
  });
});
