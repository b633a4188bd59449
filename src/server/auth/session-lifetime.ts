// How long a session lives and how it ends. A session token carries the user's session
// version at sign-in and the time of sign-in; every request checks both (the jwt callback
// of options.ts), so ending sessions is one UPDATE and takes effect on the next request.
// endSessions() is the one way to end a user's sessions: sign-out and deactivation use it
// now, "sign out everywhere" and password resets can reuse it.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";

/** Idle lifetime: each request renews the token for this long... */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** ...but never past this long after signing in (renewal cannot extend it). */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

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
}

/** Why the token may no longer be used, or null while it may. */
export async function sessionEndReason(claims: SessionClaims, nowSeconds: number): Promise<string | null> {
  if (typeof claims.uid !== "string" || typeof claims.sv !== "number" || typeof claims.authAt !== "number") {
    return "token from an older version";
  }
  if (nowSeconds - claims.authAt >= SESSION_ABSOLUTE_SECONDS) return "absolute lifetime reached";
  if (claims.authAt > nowSeconds + 60) return "signed in the future";
  const user = await db.user.findUnique({ where: { id: claims.uid }, select: { active: true, sessionVersion: true } });
  if (!user) return "user deleted";
  if (!user.active) return "user deactivated";
  if (user.sessionVersion !== claims.sv) return "signed out";
  return null;
}
