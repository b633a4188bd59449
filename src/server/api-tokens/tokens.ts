// Personal access tokens for the read API: only the SHA-256 of the secret is stored, the
// secret is returned once at creation. A token authenticates as its owner with the owner's
// *current* role and agency, read from the user row on every request, so a role change or a
// deactivation takes effect at once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { isAgencyScoped } from "@/server/auth/permissions";
import type { AppSession, Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import type { ApiTokenCreateInput } from "./token-input";

type Tx = Prisma.TransactionClient;

const SECRET_PREFIX = "set_pat_";
const DAY_MS = 86_400_000;
/** Characters of the secret kept for display: the fixed prefix plus 4 random ones. */
const DISPLAY_CHARS = SECRET_PREFIX.length + 4;

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

const tokenView = {
  id: true, name: true, prefix: true, expiresAt: true, createdAt: true, lastUsedAt: true, lastUsedAddress: true, revokedAt: true,
  userId: true, user: { select: { email: true, name: true } },
} satisfies Prisma.PersonalAccessTokenSelect;

export type ApiTokenView = Prisma.PersonalAccessTokenGetPayload<{ select: typeof tokenView }>;

export async function createApiToken(tx: Tx, userId: string, input: ApiTokenCreateInput, now: Date) {
  const secret = SECRET_PREFIX + randomBytes(32).toString("base64url");
  const token = await tx.personalAccessToken.create({
    data: {
      userId,
      name: input.name,
      secretHash: hashSecret(secret),
      prefix: secret.slice(0, DISPLAY_CHARS),
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    },
    select: tokenView,
  });
  return { token, secret };
}

/** Revokes a token the caller owns, or any token when `any` (admins). Foreign ids find nothing. */
export async function revokeApiToken(tx: Tx, scope: Scope, id: string, any: boolean, now: Date) {
  const where = { id, revokedAt: null, ...(any ? {} : { userId: scope.userId }) };
  const before = await tx.personalAccessToken.findFirst({ where, select: tokenView });
  if (!before) throw new UserError("NOT_FOUND", "This token does not exist, is already revoked or is not yours.");
  const after = await tx.personalAccessToken.update({ where: { id }, data: { revokedAt: now }, select: tokenView });
  return { before, after };
}

/** One's own tokens, or (admins, `all`) everyone's; newest first. */
export function listApiTokens(scope: Scope, all: boolean): Promise<ApiTokenView[]> {
  return db.personalAccessToken.findMany({
    where: all ? {} : { userId: scope.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: tokenView,
    take: 1000,
  });
}

/**
 * The session a Bearer token stands for, or null (missing, malformed, unknown, expired,
 * revoked, or an owner who is inactive). Records when and from where it was used.
 */
export async function sessionForToken(authorization: string | null, address: string | null, now: Date): Promise<AppSession | null> {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization?.trim() ?? "");
  if (!match) return null;
  const token = await db.personalAccessToken.findUnique({
    where: { secretHash: hashSecret(match[1]!) },
    select: {
      id: true, expiresAt: true, revokedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true, agencyId: true, agency: { select: { acronym: true } } } },
    },
  });
  if (!token || token.revokedAt || token.expiresAt <= now || !token.user.active) return null;
  await db.personalAccessToken.update({
    where: { id: token.id },
    data: { lastUsedAt: now, lastUsedAddress: address?.slice(0, 100) ?? null },
  });
  const user = token.user;
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId, agencyAcronym: user.agency?.acronym ?? null },
    scope: { userId: user.id, role: user.role, agencyId: isAgencyScoped(user.role) ? user.agencyId : null },
  };
}
