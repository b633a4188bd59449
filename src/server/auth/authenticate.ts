// Email + password sign-in, as the credentials provider of options.ts runs it: refused
// at once while the account (the email as typed) or the client address is throttled
// (sign-in-throttle.ts); otherwise the password is checked in the hash pool and a failure
// is counted against both keys, a success clears them. Unknown accounts are counted and
// answered exactly like known ones, so no answer reveals whether an account exists.
// Every refusal is logged and audited (email, address and reason; never the password).
// Takes the database client, so tests can run two "app instances" on one database.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { LOCK_AFTER, throttleKey } from "@/domain/sign-in-throttle";
import { passwordsEnabled } from "@/lib/auth-env";
import { describeError } from "@/lib/log-redact";
import { verifyPassword } from "./password";
import { clearThrottle, recordFailure, throttleWait } from "./sign-in-throttle";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  mustChangePassword: boolean;
}

export type SignInOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; code: "invalid" }
  | { ok: false; code: "throttled"; retryAfterSeconds: number }
  | { ok: false; code: "disabled" };

type Client = Pick<PrismaClient, "$queryRaw" | "signInThrottle" | "user" | "auditEvent">;

async function audit(client: Client, email: string, userId: string | null, address: string | null, reason: string, extra: Record<string, unknown> = {}) {
  console.warn(`[auth] sign-in refused for ${JSON.stringify(email)} from ${JSON.stringify(address)}: ${reason}`);
  try {
    await client.auditEvent.create({
      data: { actorId: userId, actorEmail: email, action: "session.sign-in-failed", entityType: "Session", entityId: userId, after: { email, address, reason, ...extra } },
    });
  } catch (error) {
    console.error(`[auth] recording a failed sign-in failed: ${describeError(error)}`);
  }
}

/** HashBusyError (too many password checks queued) propagates to the caller. */
export async function authenticate(client: Client, credentials: unknown, address: string | null, now: Date): Promise<SignInOutcome> {
  const parsed = signInInput.safeParse(credentials);
  const email = parsed.success ? parsed.data.email : String((credentials as { email?: unknown } | undefined)?.email ?? "").slice(0, 254);
  if (!passwordsEnabled()) {
    await audit(client, email, null, address, "passwords are switched off");
    return { ok: false, code: "disabled" };
  }
  if (!parsed.success) return { ok: false, code: "invalid" };
  const { password } = parsed.data;
  const keys = [throttleKey("account", email), ...(address ? [throttleKey("address", address)] : [])];

  const wait = await throttleWait(client, keys, now);
  if (wait > 0) {
    await audit(client, email, null, address, "throttled", { retryAfterSeconds: wait });
    return { ok: false, code: "throttled", retryAfterSeconds: wait };
  }

  const user = await client.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, passwordHash: true, sessionVersion: true, mustChangePassword: true },
  });
  const ok = await verifyPassword(password, user?.active ? user.passwordHash : null);
  if (!user || !user.active || !ok) {
    const counts = await recordFailure(client, keys, now);
    const reason = !user ? "unknown email" : !user.active ? "account deactivated" : "wrong password";
    const locked = [...counts.values()].some((count) => count === LOCK_AFTER);
    await audit(client, email, user?.id ?? null, address, reason, { failures: Object.fromEntries(counts), ...(locked ? { locked: true } : {}) });
    return { ok: false, code: "invalid" };
  }
  await clearThrottle(client, keys, now);
  await client.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, mustChangePassword: user.mustChangePassword },
  };
}
