// How long a session lives and how it ends. A session token carries the user's session
// version at sign-in, the time of sign-in and the time it was last used; every request
// checks all three (the jwt callback of options.ts), so ending sessions is one UPDATE and
// takes effect on the next request. endSessions() is the one way to end a user's
// sessions: sign-out, deactivation, "sign out everywhere" and password changes use it.
// The proxy renews the last-used time as pages are used (session-renewal.ts).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { sessionLifetimes } from "@/lib/auth-env";
import { db } from "@/server/db/client";

const lifetimes = sessionLifetimes();
/** Idle lifetime (SESSION_IDLE_MINUTES, default 30 minutes): each request renews it... */
export const SESSION_IDLE_SECONDS = lifetimes.idleSeconds;
/** ...but never past this long after signing in (SESSION_MAX_HOURS, default 8 hours). */
export const SESSION_ABSOLUTE_SECONDS = lifetimes.maxSeconds;

type Client = Prisma.TransactionClient | typeof db;

export class SessionEndedError extends Error {
  constructor(reason: string) {
    super(`Session ended: ${reason}`);
    this.name = "SessionEndedError";
  }
}

/** Ends every session of the user, on every device. */
export async function endSessions(client: Client, userId: string): Promise<void> {
  await client.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export interface SessionClaims {
  uid?: unknown;
  sv?: unknown;
  authAt?: unknown;
  seenAt?: unknown;
}

/** Why the token may no longer be used, or null while it may. */
export async function sessionEndReason(claims: SessionClaims, nowSeconds: number): Promise<string | null> {
  if (typeof claims.uid !== "string" || typeof claims.sv !== "number" || typeof claims.authAt !== "number" || typeof claims.seenAt !== "number") {
    return "token from an older version";
  }
  if (nowSeconds - claims.authAt >= SESSION_ABSOLUTE_SECONDS) return "absolute lifetime reached";
  if (nowSeconds - claims.seenAt >= SESSION_IDLE_SECONDS) return "idle timeout";
  if (claims.authAt > nowSeconds + 60) return "signed in the future";
  const user = await db.user.findUnique({ where: { id: claims.uid }, select: { active: true, sessionVersion: true } });
  if (!user) return "user deleted";
  if (!user.active) return "user deactivated";
  if (user.sessionVersion !== claims.sv) return "signed out";
  return null;
}
