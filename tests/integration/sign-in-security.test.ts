// Passwords and sessions against the real database: sign-in throttling shared by two app
// instances (two independent Prisma clients on one PostgreSQL), per-address throttling, the
// same answer for unknown accounts, an administrator's reset and "sign out everywhere"
// ending existing sessions at once, and the password rules at the actions. The clock is
// passed in (authenticate's `now`), so no test waits for a delay to pass.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import type { AppSession } from "@/server/auth/session";
import { BACKEND, databaseUrl, TEST_DATABASE } from "./support/backend";

const sessionRef: { current: AppSession | null } = { current: null };
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/server/auth/session", () => ({ getSession: async () => sessionRef.current, getSessionForPasswordChange: async () => sessionRef.current }));

const { authOptions } = await import("@/server/auth/options");
const { authenticate } = await import("@/server/auth/authenticate");
const { recordFailure, throttleWait } = await import("@/server/auth/sign-in-throttle");
const { hashPassword } = await import("@/server/auth/password");
const { resetUserPasswordAction, signOutUserEverywhereAction } = await import("@/server/actions/user-security");
const { changeOwnPasswordAction, signOutEverywhereAction } = await import("@/server/actions/account");
const { createUserAction } = await import("@/server/actions/users");
const { openDatabase } = await import("@/server/db/database");
const { db } = await import("@/server/db/client");
const { LOCK_AFTER, LOCK_SECONDS, waitAfterFailures } = await import("@/domain/sign-in-throttle");

const stamp = Date.now();
/** A safety net for the tests that run 20+ bcrypt checks on a shared, loaded machine; never a speed check. */
const MANY_CHECKS = { timeout: 600_000 };
const PASSWORD = "violet harbour lantern";
const t0 = new Date("2030-01-01T00:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

// PostgreSQL: a second "app instance" with its own pool on the same database. PGlite has
// one connection per process, so there both names are the one client.
const second = BACKEND === "postgres" ? openDatabase({ kind: "postgres", url: databaseUrl(TEST_DATABASE) }) : null;
const instanceA = () => db;
const instanceB = () => (second ? second.prisma : db);
afterAll(async () => second?.close());

let admin: AppSession;
const makeUser = async (label: string, role: "ADMIN" | "VIEWER" = "VIEWER") => {
  const email = `${label}.${stamp}@test.gov`;
  const user = await db.user.create({ data: { email, name: `${label} person`, role, passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, email };
};
const sessionOf = (u: { id: string; email: string }, role: "ADMIN" | "VIEWER" = "VIEWER"): AppSession => ({
  user: { id: u.id, email: u.email, name: "x", role, agencyId: null, agencyAcronym: null },
  scope: { userId: u.id, role, agencyId: null },
});

beforeAll(async () => {
  admin = sessionOf(await makeUser("admin", "ADMIN"), "ADMIN");
});

const jwt = (params: Record<string, unknown>) => authOptions().callbacks!.jwt!(params as never) as Promise<JWT>;
const tokenFor = async (email: string, password = PASSWORD) => {
  const outcome = await authenticate(db, { email, password }, null, new Date());
  expect(outcome.ok).toBe(true);
  return jwt({ token: {}, user: (outcome as { user: unknown }).user });
};

/** Wrong passwords one after another, each once the previous block has passed; returns the time after the last. */
async function failUntil(email: string, address: string, failures: number, from = 0): Promise<number> {
  let clock = from;
  for (let i = 1; i <= failures; i++) {
    const client = i % 2 === 0 ? instanceB() : instanceA(); // alternate the two instances
    expect(await authenticate(client, { email, password: `wrong ${i} ${stamp}` }, address, at(clock))).toEqual({ ok: false, code: "invalid" });
    clock += waitAfterFailures(i) + 1;
  }
  return clock;
}

describe(`sign-in throttling on ${BACKEND}`, () => {
  it("counts concurrent failures from two app instances exactly and locks at the threshold", async () => {
    const key = `account:concurrent.${stamp}@test.gov`;
    const calls = Array.from({ length: 30 }, (_, i) => recordFailure(i % 2 === 0 ? instanceA() : instanceB(), [key], t0));
    const counts = (await Promise.all(calls)).map((m) => m.get(key)!).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 30 }, (_, i) => i + 1)); // no lost or doubled update
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key } });
    expect(row.failures).toBe(30);
    expect(row.blockedUntil?.toISOString()).toBe(at(LOCK_SECONDS).toISOString());
    expect(await throttleWait(instanceB(), [key], t0)).toBe(LOCK_SECONDS);
  });

  it("delays after 5 failures, locks after exactly 20 across both instances, then lets the right password in", MANY_CHECKS, async () => {
    const user = await makeUser("locked");
    const address = `10.1.${stamp % 250}.1`;
    let clock = await failUntil(user.email, address, 4);
    // Five failures: the next attempt (even with the right password) waits 1 s, checked without hashing.
    expect(await authenticate(instanceB(), { email: user.email, password: `wrong 5 ${stamp}` }, address, at(clock))).toEqual({ ok: false, code: "invalid" });
    expect(await authenticate(instanceA(), { email: user.email, password: PASSWORD }, address, at(clock))).toEqual({ ok: false, code: "throttled", retryAfterSeconds: 1 });
    clock = await failUntil(user.email, address, 0, clock + 2);
    // Failures 6..19: still only delays; failure 20 locks for 15 minutes.
    for (let i = 6; i < LOCK_AFTER; i++) {
      expect(await authenticate(i % 2 ? instanceA() : instanceB(), { email: user.email, password: `wrong ${i}` }, address, at(clock))).toMatchObject({ code: "invalid" });
      clock += waitAfterFailures(i) + 1;
    }
    const row19 = await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${user.email}` } });
    expect(row19.failures).toBe(LOCK_AFTER - 1);
    expect(await authenticate(instanceB(), { email: user.email, password: "wrong 20" }, address, at(clock))).toMatchObject({ code: "invalid" });
    expect(await authenticate(instanceA(), { email: user.email, password: PASSWORD }, address, at(clock + 5 * 60))).toEqual({
      ok: false,
      code: "throttled",
      retryAfterSeconds: LOCK_SECONDS - 5 * 60,
    });
    const locked = await db.auditEvent.findFirst({ where: { action: "session.sign-in-failed", actorEmail: user.email, after: { path: ["locked"], equals: true } } });
    expect(locked).not.toBeNull();
    // After the lock the right password works and clears both counters.
    expect(await authenticate(instanceB(), { email: user.email, password: PASSWORD }, address, at(clock + LOCK_SECONDS + 1))).toMatchObject({ ok: true });
    expect(await db.signInThrottle.count({ where: { key: { in: [`account:${user.email}`, `address:${address}`] } } })).toBe(0);
  });

  it("answers an unknown account exactly like a known one", MANY_CHECKS, async () => {
    const known = await makeUser("known");
    const unknown = `nobody.${stamp}@test.gov`;
    const run = async (email: string, address: string) => {
      const answers = [];
      for (let i = 0; i < 7; i++) answers.push(await authenticate(db, { email, password: `wrong ${i}` }, address, t0));
      return answers;
    };
    const a = await run(known.email, "10.2.0.1");
    const b = await run(unknown, "10.2.0.2");
    expect(a).toEqual(b);
    expect(a.map((x) => ("code" in x ? x.code : "ok"))).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "throttled", "throttled"]);
  });

  it("throttles one address across many accounts, and not another address", MANY_CHECKS, async () => {
    const victim = await makeUser("sprayed");
    const address = "192.0.2.77";
    let clock = 0;
    for (let i = 1; i <= LOCK_AFTER; i++) {
      if (i > 1) clock += waitAfterFailures(i - 1) + 1;
      expect(await authenticate(db, { email: `spray${i}.${stamp}@test.gov`, password: "Winter2030!" }, address, at(clock))).toMatchObject({ code: "invalid" });
    }
    clock += 60; // well inside the 15-minute lock of the address
    expect(await authenticate(db, { email: victim.email, password: PASSWORD }, address, at(clock))).toMatchObject({ code: "throttled", retryAfterSeconds: LOCK_SECONDS - 60 });
    expect(await authenticate(db, { email: victim.email, password: PASSWORD }, "192.0.2.78", at(clock))).toMatchObject({ ok: true });
  });
});

describe(`AUTH_PASSWORDS=off on ${BACKEND}`, () => {
  it("refuses every password sign-in, right or wrong, and every reset", async () => {
    const person = await makeUser("off");
    process.env.AUTH_PASSWORDS = "off";
    try {
      expect(await authenticate(db, { email: person.email, password: PASSWORD }, null, new Date())).toEqual({ ok: false, code: "disabled" });
      sessionRef.current = admin;
      expect(await resetUserPasswordAction({ userId: person.id, method: "generate" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringMatching(/switched off/) } });
    } finally {
      delete process.env.AUTH_PASSWORDS;
    }
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, null, new Date())).toMatchObject({ ok: true });
  });
});

describe(`password reset and sign out everywhere on ${BACKEND}`, () => {
  it("an admin's reset ends the person's sessions at once and makes a change due at next sign-in", async () => {
    const person = await makeUser("reset");
    const before = await tokenFor(person.email);
    sessionRef.current = admin;
    const result = await resetUserPasswordAction({ userId: person.id, method: "generate" });
    expect(result.ok).toBe(true);
    const temporary = (result as { data: { temporaryPassword: string } }).data.temporaryPassword;
    expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    await expect(jwt({ token: before })).rejects.toThrow(/signed out/);
    expect(await authenticate(db, { email: person.email, password: PASSWORD }, null, new Date())).toMatchObject({ code: "invalid" });
    const signedIn = await authenticate(db, { email: person.email, password: temporary }, null, new Date());
    expect(signedIn).toMatchObject({ ok: true, user: { mustChangePassword: true } });
    const audit = await db.auditEvent.findFirst({ where: { action: "user.password.reset", entityId: person.id } });
    expect(JSON.stringify(audit)).not.toContain(temporary);

    // The person's own change: current password required, rules applied, change no longer due.
    const during = await tokenFor(person.email, temporary);
    sessionRef.current = sessionOf(person);
    expect(await changeOwnPasswordAction({ currentPassword: "not it", newPassword: "amber quarry meadow", confirmPassword: "amber quarry meadow" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { currentPassword: ["Your current password is not right"] } },
    });
    expect(await changeOwnPasswordAction({ currentPassword: temporary, newPassword: "qwerty123456", confirmPassword: "qwerty123456" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { newPassword: [expect.stringMatching(/commonly used/)] } },
    });
    expect(await changeOwnPasswordAction({ currentPassword: temporary, newPassword: "amber quarry meadow", confirmPassword: "amber quarry meadow" })).toMatchObject({ ok: true });
    await expect(jwt({ token: during })).rejects.toThrow(/signed out/);
    expect(await authenticate(db, { email: person.email, password: "amber quarry meadow" }, null, new Date())).toMatchObject({ ok: true, user: { mustChangePassword: false } });
  });

  it("an admin can type the temporary password, and it must meet the rules for the person's role", async () => {
    const person = await makeUser("typed", "ADMIN");
    sessionRef.current = admin;
    expect(await resetUserPasswordAction({ userId: person.id, method: "typed", password: "amber quarry" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: [expect.stringMatching(/at least 15 characters/)] } },
    });
    expect(await resetUserPasswordAction({ userId: person.id, method: "typed", password: "amber quarry meadow" })).toMatchObject({ ok: true, data: { temporaryPassword: null } });
    expect(await resetUserPasswordAction({ userId: admin.user.id, method: "generate" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("sign out everywhere (one's own, and an admin's for a person) refuses every earlier token on its next request", async () => {
    const person = await makeUser("everywhere");
    const [one, two] = [await tokenFor(person.email), await tokenFor(person.email)];
    sessionRef.current = sessionOf(person);
    expect(await signOutEverywhereAction({})).toMatchObject({ ok: true });
    await expect(jwt({ token: one })).rejects.toThrow(/signed out/);
    await expect(jwt({ token: two })).rejects.toThrow(/signed out/);

    const three = await tokenFor(person.email);
    await expect(jwt({ token: three })).resolves.toMatchObject({ uid: person.id });
    sessionRef.current = admin;
    expect(await signOutUserEverywhereAction({ userId: person.id })).toMatchObject({ ok: true });
    await expect(jwt({ token: three })).rejects.toThrow(/signed out/);
    expect(await db.auditEvent.count({ where: { action: "session.sign-out-everywhere", entityId: person.id } })).toBe(2);
  });

  it("an admin-created account must change its password at first sign-in; common passwords are refused", async () => {
    sessionRef.current = admin;
    const email = `created.${stamp}@test.gov`;
    expect(await createUserAction({ email, name: "Created", role: "VIEWER", password: "iloveyou1234" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: [expect.stringMatching(/commonly used/)] } },
    });
    expect(await createUserAction({ email, name: "Created", role: "VIEWER", password: "amber quarry meadow" })).toMatchObject({ ok: true });
    expect(await authenticate(db, { email, password: "amber quarry meadow" }, null, new Date())).toMatchObject({ ok: true, user: { mustChangePassword: true } });
  });
});
