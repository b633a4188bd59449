// What an OpenID Connect sign-in becomes, once openid-client has verified the ID token
// (signature, issuer, audience, expiry, nonce) and next-auth the state and PKCE:
// - a known identity signs in as its user (if active and its role's authenticator
//   requirement is met);
// - an unknown identity whose verified email belongs to an existing account is linked
//   only if that person, signed in the old way, asked to link it (OidcLinkIntent);
//   otherwise refused with a message telling them how;
// - anyone else gets a pending access request and no session.
// The identity provider proves who someone is, never their role.
import "server-only";
import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { isPhishingResistant } from "@/domain/authenticator-assurance";
import type { OidcProviderConfig } from "@/lib/oidc-env";
import { describeError } from "@/lib/log-redact";
import { db } from "@/server/db/client";
import { recordAccessRequest } from "@/server/users/pending-accounts";
import type { OidcClaims } from "./config";

/** Codes the sign-in page turns into messages (src/ui/sign-in-messages.ts). */
export type SignInRefusal =
  | "OidcLinkRequired"
  | "AccessRejected"
  | "AccountDeactivated"
  | "AuthenticatorTooWeak"
  | "OidcInvalidIdentity";

export type OidcSignInOutcome =
  | { kind: "user"; userId: string; sessionVersion: number; phishingResistant: boolean }
  | { kind: "pending" }
  | { kind: "refused"; code: SignInRefusal };

const email = z.string().trim().toLowerCase().max(254).email();

/** The email of the claims, and whether it may be trusted as the person's (verified). */
export function claimedEmail(claims: OidcClaims, provider: Pick<OidcProviderConfig, "trustEmail">): { email: string | null; verified: boolean } {
  const parsed = email.safeParse(claims.email);
  if (!parsed.success) return { email: null, verified: false };
  return { email: parsed.data, verified: claims.email_verified === true || provider.trustEmail };
}

/** Whether the role must sign in with a phishing-resistant authenticator. */
export async function requiresPhishingResistant(role: Role): Promise<boolean> {
  const row = await db.roleSignInRequirement.findUnique({ where: { role } });
  return row?.requirePhishingResistant ?? false;
}

export async function recordRefusedSignIn(email: string, userId: string | null, reason: string): Promise<void> {
  console.warn(`[auth] sign-in refused for ${JSON.stringify(email)}: ${reason}`);
  try {
    await db.auditEvent.create({
      data: { actorId: userId, actorEmail: email, action: "session.sign-in-failed", entityType: "Session", entityId: userId, after: { email, reason } },
    });
  } catch (error) {
    console.error(`[auth] recording a refused sign-in failed: ${describeError(error)}`);
  }
}

const sameIssuer = (a: string | undefined, b: string) => typeof a === "string" && a.replace(/\/+$/, "") === b;

export async function oidcSignIn(provider: OidcProviderConfig, claims: OidcClaims, now: Date): Promise<OidcSignInOutcome> {
  const label = `${provider.id}:${claims.sub}`;
  // openid-client checks `iss` against the discovery document; this pins it to the
  // configured issuer too, so a discovery document naming another issuer gets nowhere.
  if (typeof claims.sub !== "string" || !claims.sub || claims.sub.length > 255 || !sameIssuer(claims.iss, provider.issuer)) {
    await recordRefusedSignIn(label, null, `ID token from ${JSON.stringify(claims.iss)} does not match the configured issuer`);
    return { kind: "refused", code: "OidcInvalidIdentity" };
  }
  const { email: mail, verified } = claimedEmail(claims, provider);
  const phishingResistant = isPhishingResistant(claims, provider);

  const identity = await db.oidcIdentity.findUnique({
    where: { provider_subject: { provider: provider.id, subject: claims.sub } },
    select: { id: true, user: { select: { id: true, email: true, role: true, active: true, sessionVersion: true } } },
  });
  let user = identity?.user ?? null;

  if (!user && mail && verified) {
    const existing = await db.user.findUnique({ where: { email: mail }, select: { id: true, email: true, role: true, active: true, sessionVersion: true, agencyId: true } });
    if (existing) {
      const linked = await linkIfAsked(provider, claims.sub, existing, now);
      if (!linked) {
        await recordRefusedSignIn(mail, existing.id, `${provider.name} identity not linked: sign in with the password and link it first`);
        return { kind: "refused", code: "OidcLinkRequired" };
      }
      user = existing;
    }
  }

  if (!user) {
    const name = (claims.name ?? [claims.given_name, claims.family_name].filter(Boolean).join(" ")).trim() || mail || claims.sub;
    const status = await recordAccessRequest({ provider: provider.id, subject: claims.sub, email: mail ?? "", emailVerified: verified, name: name.slice(0, 200) }, now);
    if (status === "REJECTED") {
      await recordRefusedSignIn(mail ?? label, null, "access request was declined");
      return { kind: "refused", code: "AccessRejected" };
    }
    return { kind: "pending" };
  }

  if (!user.active) {
    await recordRefusedSignIn(user.email, user.id, "account deactivated");
    return { kind: "refused", code: "AccountDeactivated" };
  }
  if (!phishingResistant && (await requiresPhishingResistant(user.role))) {
    await recordRefusedSignIn(user.email, user.id, `the ${user.role} role requires a phishing-resistant authenticator; ${provider.name} reported acr ${JSON.stringify(claims.acr ?? null)}, amr ${JSON.stringify(claims.amr ?? null)}`);
    return { kind: "refused", code: "AuthenticatorTooWeak" };
  }
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } }),
    db.oidcIdentity.updateMany({ where: { provider: provider.id, subject: claims.sub }, data: { lastUsedAt: now } }),
  ]);
  return { kind: "user", userId: user.id, sessionVersion: user.sessionVersion, phishingResistant };
}

/**
 * Links the identity to the account when the account's owner, signed in the old way,
 * asked to link this provider (and the request has not expired). Audited.
 */
async function linkIfAsked(
  provider: OidcProviderConfig,
  subject: string,
  user: { id: string; email: string; agencyId: string | null },
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Deleting the intent is the claim on it: two concurrent callbacks cannot both link.
    const { count } = await tx.oidcLinkIntent.deleteMany({ where: { userId: user.id, provider: provider.id, expiresAt: { gt: now } } });
    if (count === 0) return false;
    const identity = await tx.oidcIdentity.create({
      data: { provider: provider.id, subject, userId: user.id, email: user.email, lastUsedAt: now },
      select: { id: true, provider: true, subject: true, email: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        actorEmail: user.email,
        action: "user.oidc-link",
        entityType: "User",
        entityId: user.id,
        agencyId: user.agencyId,
        after: { ...identity, providerName: provider.name },
      },
    });
    return true;
  });
}
