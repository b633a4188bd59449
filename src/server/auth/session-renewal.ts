// Renews the session cookie as it is used, from the proxy (proxy.ts), so the idle timeout
// counts from the last request: pages read the session through getServerSession, which
// cannot set cookies while rendering. At most once a minute per session; never past the
// absolute lifetime; never for next-auth's own routes (they write the cookie themselves,
// and sign-out must not be undone by a renewal). A renewed token of a user whose sessions
// were ended is still refused by the jwt callback (session-lifetime.ts).
// Not "server-only": the proxy bundle imports it.
import { decode, encode } from "next-auth/jwt";
import type { NextRequest, NextResponse } from "next/server";
import { sessionLifetimes } from "@/lib/auth-env";
import { requireAuthSecret } from "@/lib/env";
import { authCookies } from "./cookies";

/** Renewing more often would set a cookie on every request for nothing. */
export const RENEW_AFTER_SECONDS = 60;

/** The cookie's new lifetime in seconds, or null when the token must not be renewed. */
export function renewalMaxAge(
  claims: { authAt?: unknown; seenAt?: unknown },
  nowSeconds: number,
  lifetimes: { idleSeconds: number; maxSeconds: number },
): number | null {
  if (typeof claims.authAt !== "number" || typeof claims.seenAt !== "number") return null;
  const idleFor = nowSeconds - claims.seenAt;
  if (idleFor < RENEW_AFTER_SECONDS || idleFor >= lifetimes.idleSeconds) return null; // fresh, or already ended
  const left = claims.authAt + lifetimes.maxSeconds - nowSeconds;
  if (left <= 0) return null;
  return Math.min(lifetimes.idleSeconds, left);
}

export async function renewSessionCookie(request: NextRequest, response: NextResponse): Promise<void> {
  if (request.nextUrl.pathname.startsWith("/api/auth/")) return;
  const { secure, cookies } = authCookies(process.env.NEXTAUTH_URL);
  const name = cookies.sessionToken.name;
  const raw = request.cookies.get(name)?.value;
  if (!raw) return;
  try {
    const secret = requireAuthSecret();
    const token = await decode({ token: raw, secret });
    if (!token) return;
    const now = Math.floor(Date.now() / 1000);
    const maxAge = renewalMaxAge(token, now, sessionLifetimes());
    if (maxAge === null) return;
    // encode() sets fresh iat, exp and jti.
    const claims = Object.fromEntries(Object.entries(token).filter(([key]) => !["exp", "iat", "jti"].includes(key)));
    const value = await encode({ token: { ...claims, seenAt: now }, secret, maxAge });
    response.cookies.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
  } catch {
    // An unreadable or expired token is not renewed; the page treats it as no session.
  }
}
