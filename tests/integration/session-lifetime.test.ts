// Sessions end when they should: sign-out and deactivation end every token of the user at
// once (a copied token included), renewal cannot pass the absolute lifetime, and failed
// sign-ins are audited without the password. Runs next-auth's own callbacks against the
// real database; the e2e security spec does the same through HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { BACKEND } from "./support/backend";

const { authOptions } = await import("@/server/auth/options");
const { endSessions, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } = await import("@/server/auth/session-lifetime");
const { hashPassword } = await import("@/server/auth/password");
const { setUserActive } = await import("@/server/users/users");
const { db } = await import("@/server/db/client");

const stamp = Date.now();
const PASSWORD = "correct horse battery";
let userId = "";
let email = "";

beforeAll(async () => {
  email = `session.${stamp}@test.gov`;
  const user = await db.user.create({ data: { email, name: "Session test", role: "VIEWER", passwordHash: await hashPassword(PASSWORD) } });
  userId = user.id;
});

const options = () => authOptions();
const jwt = (params: Record<string, unknown>) => options().callbacks!.jwt!(params as never) as Promise<JWT>;
const authorize = (credentials: Record<string, string>) => {
  const provider = options().providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
  return provider.options.authorize(credentials, {});
};
const signIn = async () => {
  const user = await authorize({ email, password: PASSWORD });
  expect(user).toMatchObject({ id: userId });
  return jwt({ token: {}, user });
};

describe(`session lifetime on ${BACKEND}`, () => {
  it("a signed-in token carries the session version and sign-in time and is renewed while current", async () => {
    const token = await signIn();
    expect(token).toMatchObject({ uid: userId, sv: expect.any(Number), authAt: expect.any(Number) });
    await expect(jwt({ token })).resolves.toMatchObject({ uid: userId });
  });

  it("signing out ends every token of the user, a copied one included", async () => {
    const token = await signIn();
    const copy = { ...token };
    await options().events!.signOut!({ token, session: null as never });
    await expect(jwt({ token: copy })).rejects.toThrow(/signed out/);
    const audit = await db.auditEvent.findFirst({ where: { action: "session.sign-out", actorId: userId } });
    expect(audit).not.toBeNull();
    // Signing in again works, with the new version.
    await expect(jwt({ token: await signIn() })).resolves.toMatchObject({ uid: userId });
  });

  it("endSessions (for sign-out everywhere, password resets) ends current tokens", async () => {
    const token = await signIn();
    await endSessions(db, userId);
    await expect(jwt({ token })).rejects.toThrow(/signed out/);
  });

  it("deactivation ends the tokens, and reactivation does not bring them back", async () => {
    const token = await signIn();
    await db.$transaction((tx) => setUserActive(tx, userId, false));
    await expect(jwt({ token })).rejects.toThrow(/deactivated/);
    await db.$transaction((tx) => setUserActive(tx, userId, true));
    await expect(jwt({ token })).rejects.toThrow(/signed out/);
  });

  it("renewal cannot extend a session past its absolute lifetime", async () => {
    const token = await signIn();
    const old = { ...token, authAt: (token.authAt as number) - SESSION_ABSOLUTE_SECONDS };
    await expect(jwt({ token: old })).rejects.toThrow(/absolute lifetime/);
    const justInside = { ...token, authAt: (token.authAt as number) - SESSION_ABSOLUTE_SECONDS + 120 }; // used just now
    await expect(jwt({ token: justInside })).resolves.toMatchObject({ uid: userId });
  });

  it("a session unused for the idle lifetime (default 30 minutes, within the 8-hour maximum) ends", async () => {
    expect(SESSION_IDLE_SECONDS).toBe(30 * 60);
    expect(SESSION_ABSOLUTE_SECONDS).toBe(8 * 60 * 60);
    const token = await signIn();
    const idle = { ...token, seenAt: (token.seenAt as number) - SESSION_IDLE_SECONDS };
    await expect(jwt({ token: idle })).rejects.toThrow(/idle timeout/);
    const recent = { ...token, seenAt: (token.seenAt as number) - SESSION_IDLE_SECONDS + 120 };
    const renewed = await jwt({ token: recent });
    expect(renewed.seenAt).toBeGreaterThanOrEqual(token.seenAt as number); // use renews it
  });

  it("a token without the new claims (issued before this check existed, or forged) is refused", async () => {
    await expect(jwt({ token: { uid: userId } })).rejects.toThrow(/older version/);
  });

  it("a failed sign-in is audited with the reason and without the password", async () => {
    const wrong = `wrong-${stamp}-secret`;
    await expect(authorize({ email, password: wrong })).resolves.toBeNull();
    await expect(authorize({ email: `nobody.${stamp}@test.gov`, password: wrong })).resolves.toBeNull();
    const events = await db.auditEvent.findMany({
      where: { action: "session.sign-in-failed", actorEmail: { in: [email, `nobody.${stamp}@test.gov`] } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => (e.after as { reason: string }).reason)).toEqual(["wrong password", "unknown email"]);
    expect(JSON.stringify(events)).not.toContain(wrong);
  });

  it("a password over bcrypt's 72 bytes never signs in, even when its first 72 bytes are right", async () => {
    const long = `${"é".repeat(36)}`; // 72 bytes
    const user = await db.user.create({ data: { email: `long.${stamp}@test.gov`, name: "Long", role: "VIEWER", passwordHash: await hashPassword(long) } });
    await expect(authorize({ email: user.email, password: long })).resolves.toMatchObject({ id: user.id });
    await expect(authorize({ email: user.email, password: `${long}anything` })).resolves.toBeNull();
  });
});
