// next-auth's signIn callback. For an OpenID Connect provider it turns the verified ID
// token into an account (oidc/sign-in.ts) and puts that account's id on next-auth's user
// object, which next-auth then hands to the jwt callback. For every sign-in, password
// included, it enforces the role's authenticator requirement. A refusal throws its code:
// next-auth then redirects to /sign-in?error=<code> (the page says what it means).
import "server-only";
import type { CallbacksOptions } from "next-auth";
import { db } from "@/server/db/client";
import { oidcProvider, type OidcClaims } from "./config";
import { oidcSignIn, recordRefusedSignIn, requiresPhishingResistant } from "./sign-in";

/** Where a person with a pending access request is sent (no session is made). */
export const PENDING_PATH = "/sign-in/pending";

export class SignInRefused extends Error {
  constructor(code: string) {
    super(code);
    this.name = "SignInRefused";
  }
}

export const oidcSignInCallback: CallbacksOptions["signIn"] = async ({ user, account, profile }) => {
  if (!account || account.provider === "credentials" || account.type === "credentials") {
    // A password proves nothing about the authenticator: refused where the role requires one.
    const row = await db.user.findUnique({ where: { id: user.id }, select: { id: true, email: true, role: true } });
    if (row && (await requiresPhishingResistant(row.role))) {
      await recordRefusedSignIn(row.email, row.id, `the ${row.role} role requires a phishing-resistant authenticator; password sign-in refused`);
      throw new SignInRefused("AuthenticatorTooWeak");
    }
    user.phishingResistant = false;
    return true;
  }
  const provider = oidcProvider(account.provider);
  if (!provider || !profile) throw new SignInRefused("OidcInvalidIdentity");
  const outcome = await oidcSignIn(provider, profile as unknown as OidcClaims, new Date());
  if (outcome.kind === "refused") throw new SignInRefused(outcome.code);
  if (outcome.kind === "pending") return PENDING_PATH;
  // next-auth passes this same object to the jwt callback as `user` (no adapter).
  user.id = outcome.userId;
  user.sessionVersion = outcome.sessionVersion;
  user.phishingResistant = outcome.phishingResistant;
  return true;
};

/**
 * next-auth logs an ID token or authorization response it refused (bad signature, iss,
 * aud, nonce, state, expiry) as OAUTH_CALLBACK_ERROR: recorded as a failed sign-in.
 */
export async function recordRefusedCallback(code: string, metadata: unknown): Promise<void> {
  if (code !== "OAUTH_CALLBACK_ERROR" && code !== "OAUTH_CALLBACK_HANDLER_ERROR") return;
  const meta = (metadata ?? {}) as { error?: unknown; providerId?: unknown };
  const error = meta.error instanceof Error ? meta.error : metadata instanceof Error ? metadata : null;
  const providerId = typeof meta.providerId === "string" ? meta.providerId : "oidc";
  await recordRefusedSignIn(`${providerId}:(unverified)`, null, `${providerId} sign-in refused: ${error?.message.slice(0, 300) ?? code}`);
}
