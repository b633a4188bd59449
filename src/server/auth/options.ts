// next-auth configuration: email + password, JWT sessions carrying the user id, the
// user's session version and the sign-in time. Role and agency are re-read from the
// database on every request (see session.ts); the session version and the absolute
// lifetime are checked on every request too (session-lifetime.ts), so signing out or
// deactivating a user ends copied tokens at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { requireAuthSecret } from "@/lib/env";
import { describeError } from "@/lib/log-redact";
import { db } from "@/server/db/client";
import { nextAuthProvider, oidcProviders } from "./oidc/config";
import { oidcSignInCallback, recordRefusedCallback } from "./oidc/sign-in-callback";
import { HashBusyError, verifyPassword } from "./password";
import { endSessions, SESSION_IDLE_SECONDS, SessionEndedError, sessionEndReason } from "./session-lifetime";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

/** The error a sign-in gets while too many password checks are queued. */
export const SIGN_IN_BUSY = "SignInBusy";

let cached: NextAuthOptions | undefined;

/** Built on first use, not at import: `next build` imports this without runtime secrets. */
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions(requireAuthSecret());
  return cached;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** An audit row and a log line for each failed sign-in; never the password. */
async function recordFailedSignIn(email: string, userId: string | null, reason: string): Promise<void> {
  console.warn(`[auth] sign-in failed for ${JSON.stringify(email)}: ${reason}`);
  try {
    await db.auditEvent.create({
      data: { actorId: userId, actorEmail: email, action: "session.sign-in-failed", entityType: "Session", entityId: userId, after: { email, reason } },
    });
  } catch (error) {
    console.error(`[auth] recording a failed sign-in failed: ${describeError(error)}`);
  }
}

const buildAuthOptions = (secret: string): NextAuthOptions => ({
  secret,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = signInInput.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const user = await db.user.findUnique({ where: { email } });
        let ok: boolean;
        try {
          ok = await verifyPassword(password, user?.active ? user.passwordHash : null);
        } catch (error) {
          if (error instanceof HashBusyError) {
            console.warn(`[auth] sign-in refused as busy for ${JSON.stringify(email)}`);
            throw new Error(SIGN_IN_BUSY);
          }
          throw error;
        }
        if (!user || !ok) {
          await recordFailedSignIn(email, user?.id ?? null, !user ? "unknown email" : !user.active ? "account deactivated" : "wrong password");
          return null;
        }
        await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
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
        token.method = account?.provider ?? "credentials";
        token.phr = user.phishingResistant === true;
        return token;
      }
      // Every read of the session (pages, actions, routes, /api/auth/session) passes here:
      // a throw makes next-auth answer "no session" and clear the cookie.
      const reason = await sessionEndReason(token, nowSeconds());
      if (reason) throw new SessionEndedError(reason);
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
