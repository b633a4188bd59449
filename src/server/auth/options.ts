// next-auth configuration: email + password, JWT sessions carrying the user id.
// Role and agency are re-read from the database on every request (see session.ts), so a
// deactivated user or a changed role takes effect at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { requireAuthSecret } from "@/lib/env";
import { db } from "@/server/db/client";
import { verifyPassword } from "./password";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

let cached: NextAuthOptions | undefined;

/** Built on first use, not at import: `next build` imports this without runtime secrets. */
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions(requireAuthSecret());
  return cached;
}

const buildAuthOptions = (secret: string): NextAuthOptions => ({
  secret,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = signInInput.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        const ok = await verifyPassword(parsed.data.password, user?.active ? user.passwordHash : null);
        if (!user || !ok) return null;
        await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
