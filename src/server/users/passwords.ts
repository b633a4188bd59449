// Setting passwords and ending sessions: an administrator's reset (the person must choose
// their own at next sign-in), one's own change, "sign out everywhere". The slow parts
// (reading the person, the rules, bcrypt in the hash pool) run in the actions' `prepare`,
// before any transaction opens; the writes below run in the action's transaction.
import "server-only";
import { randomInt } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { throttleKey } from "@/domain/sign-in-throttle";
import { passwordsEnabled } from "@/lib/auth-env";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { assertNewPassword, newPasswordProblems } from "@/server/auth/password-rules";
import { endSessions } from "@/server/auth/session-lifetime";
import { clearThrottle, recordFailure, throttleWait } from "@/server/auth/sign-in-throttle";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { describeWait } from "@/domain/sign-in-throttle";

export function requirePasswords(): void {
  if (!passwordsEnabled()) throw new UserError("FORBIDDEN", "Passwords are switched off on this installation (AUTH_PASSWORDS=off).");
}

// Letters and digits that cannot be mistaken for each other (no 0/o, 1/l/i).
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A temporary password: 4 groups of 5 random characters (~98 bits), e.g. "k7m2q-x9d4t-p3w8z-h6n5b". */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return [group(), group(), group(), group()].join("-");
}

export interface ResetPrepared {
  target: { id: string; email: string; name: string; role: string; agencyId: string | null };
  passwordHash: string;
  /** The generated password, shown once to the administrator; null when they typed one. */
  temporary: string | null;
}

export async function prepareReset(userId: string, method: "generate" | "typed", typed: string | undefined, actorId: string): Promise<ResetPrepared> {
  requirePasswords();
  if (userId === actorId) throw new UserError("FORBIDDEN", "Change your own password under Your account.");
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, agencyId: true } });
  if (!target) throw new UserError("NOT_FOUND", "That user no longer exists.");
  let password = typed ?? "";
  if (method === "generate") {
    do password = temporaryPassword();
    while (newPasswordProblems(password, target).length > 0);
  } else {
    assertNewPassword(password, target);
  }
  return { target, passwordHash: await hashPassword(password), temporary: method === "generate" ? password : null };
}

/** Sets the password an administrator chose: every session ends, and a change is due at next sign-in. */
export async function applyReset(tx: Prisma.TransactionClient, prepared: ResetPrepared, now: Date): Promise<void> {
  const { count } = await tx.user.updateMany({
    where: { id: prepared.target.id },
    data: { passwordHash: prepared.passwordHash, mustChangePassword: true, passwordChangedAt: now },
  });
  if (count === 0) throw new UserError("NOT_FOUND", "That user no longer exists.");
  await endSessions(tx, prepared.target.id);
}

/**
 * Checks the current password (counted like a failed sign-in against the account, so a
 * borrowed session cannot guess it), the new password's rules, and hashes the new one.
 */
export async function prepareOwnChange(userId: string, current: string, next: string, now: Date): Promise<{ passwordHash: string; email: string }> {
  requirePasswords();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, role: true, passwordHash: true } });
  if (!user) throw new UserError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  const keys = [throttleKey("account", user.email)];
  const wait = await throttleWait(db, keys, now);
  if (wait > 0) throw new UserError("BUSY", `Too many wrong passwords. Try again in ${describeWait(wait)}.`);
  if (!(await verifyPassword(current, user.passwordHash))) {
    await recordFailure(db, keys, now);
    throw new UserError("VALIDATION", "Some fields need attention.", { currentPassword: ["Your current password is not right"] });
  }
  await clearThrottle(db, keys, now);
  assertNewPassword(next, { ...user, currentPassword: current }, "newPassword");
  return { passwordHash: await hashPassword(next), email: user.email };
}

/** Saves one's own new password: the change is no longer due, and every session ends. */
export async function applyOwnChange(tx: Prisma.TransactionClient, userId: string, passwordHash: string, now: Date): Promise<void> {
  await tx.user.updateMany({ where: { id: userId }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: now } });
  await endSessions(tx, userId);
}

/** "Sign out everywhere": one UPDATE; every token of the user is refused on its next request. */
export async function signOutEverywhere(tx: Prisma.TransactionClient, userId: string): Promise<{ id: string; email: string; agencyId: string | null }> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, agencyId: true } });
  if (!user) throw new UserError("NOT_FOUND", "That user no longer exists.");
  await endSessions(tx, userId);
  return user;
}
