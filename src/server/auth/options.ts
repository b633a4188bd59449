// next-auth configuration: email + password (authenticate.ts: throttled, audited; off with
// AUTH_PASSWORDS=off), JWT sessions carrying the user id, the user's session version, the
// sign-in time and the last use (idle timeout); cookies Secure behind https (cookies.ts).
// Role and agency are re-read from the database on every request (see session.ts); the
// session version and the lifetimes are checked on every request too
// (session-lifetime.ts), so signing out or deactivating a user ends copied tokens at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddressFrom, readAuthEnv } from "@/lib/auth-env";
import { requireAuthSecret } from "@/lib/env";
import { describeError } from "@/lib/log-redact";
import { db } from "@/server/db/client";
import { authenticate } from "./authenticate";
import { authCookies } from "./cookies";
import { nextAuthProvider, oidcProviders } from "./oidc/config";
import { oidcSignInCallback, recordRefusedCallback } from "./oidc/sign-in-callback";
import { HashBusyError } from "./password";
import { endSessions, SESSION_IDLE_SECONDS, SessionEndedError, sessionEndReason } from "./session-lifetime";

const headerValue = (headers: unknown, name: string): string | null => {
  const value = (headers as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value.join(",") : null;
};

/** The error a sign-in gets while too many password checks are queued. */
export const SIGN_IN_BUSY = "SignInBusy";
/** "SignInThrottled:<seconds>": too many failed sign-ins for the email or from the address. */
export const SIGN_IN_THROTTLED = "SignInThrottled";
/** Email + password sign-in is switched off (AUTH_PASSWORDS=off). */
export const SIGN_IN_PASSWORDS_OFF = "PasswordsOff";

let cached: NextAuthOptions | undefined;

/** Built on first use, not at import: `next build` imports this without runtime secrets. */
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions(requireAuthSecret());
  return cached;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

const buildAuthOptions = (secret: string): NextAuthOptions => ({
  secret,
  // The JWT and its cookie expire after the idle lifetime; use renews them (proxy.ts).
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  useSecureCookies: authCookies(process.env.NEXTAUTH_URL).secure,
  cookies: authCookies(process.env.NEXTAUTH_URL).cookies,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const address = clientAddressFrom(headerValue(req?.headers, "x-forwarded-for"), readAuthEnv().TRUSTED_PROXIES);
        let outcome;
        try {
          outcome = await authenticate(db, credentials, address, new Date());
        } catch (error) {
          if (error instanceof HashBusyError) {
            console.warn(`[auth] sign-in refused as busy for ${JSON.stringify((credentials as { email?: string } | undefined)?.email ?? "")}`);
            throw new Error(SIGN_IN_BUSY);
          }
          throw error;
        }
        if (outcome.ok) return outcome.user;
        if (outcome.code === "throttled") throw new Error(`${SIGN_IN_THROTTLED}:${outcome.retryAfterSeconds}`);
        if (outcome.code === "disabled") throw new Error(SIGN_IN_PASSWORDS_OFF);
        return null;
      },
    }),
    // OpenID Connect providers from the environment (OIDC_PROVIDERS; src/lib/oidc-env.ts).
    ...oidcProviders().map(nextAuthProvider),
  ],
  callbacks: {
    // OIDC: resolves the identity to an account, a pending request or a refusal; every
    // sign-in: the role's authenticator requirement (oidc/sign-in-callback.ts).
    signIn: oidcSignInCallback,
    async jwt({ token, user, account }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion ?? 0;
        token.authAt = nowSeconds();
        token.seenAt = token.authAt;
        token.method = account?.provider ?? "credentials";
        token.phr = user.phishingResistant === true;
        return token;
      }
      // Every read of the session (pages, actions, routes, /api/auth/session) passes here:
      // a throw makes next-auth answer "no session" and clear the cookie.
      const reason = await sessionEndReason(token, nowSeconds());
      if (reason) throw new SessionEndedError(reason);
      token.seenAt = nowSeconds(); // kept where next-auth writes the cookie (its own routes)
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      if (session.user) session.user.phishingResistant = token.phr === true;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      // Signing out ends every session of the user (a copied token included).
      if (!token || typeof token.uid !== "string") return;
      await db.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id: token.uid as string }, select: { id: true, email: true } });
        if (!user) return;
        await endSessions(tx, user.id);
        await tx.auditEvent.create({
          data: { actorId: user.id, actorEmail: user.email, action: "session.sign-out", entityType: "Session", entityId: user.id, after: { email: user.email } },
        });
      });
    },
  },
  // next-auth's own messages, reduced to their code and message: its metadata can hold
  // request details, and a log must never carry tokens or passwords.
  logger: {
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (error instanceof SessionEndedError) return; // the expected end of a session
      void recordRefusedCallback(code, metadata);
      console.error(`[next-auth] ${code}: ${error instanceof Error ? describeError(error) : "see the code"}`);
    },
    warn(code) {
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
});
