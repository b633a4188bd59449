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

/** How long a token's last-use time may lag behind: at most one extra write per minute. */
export const LAST_USED_RESOLUTION_MS = 60_000;
/** The rate limit's window: calls are counted per token per fixed window of this length. */
export const RATE_WINDOW_MS = 60_000;

export type TokenCall =
  | { kind: "unauthenticated" }
  | { kind: "limited"; retryAfterSeconds: number; limit: number; resetSeconds: number }
  | { kind: "ok"; session: AppSession; limit: number; remaining: number; resetSeconds: number };

interface TokenCallRow {
  userId: string;
  email: string;
  name: string;
  role: AppSession["user"]["role"];
  agencyId: string | null;
  agencyAcronym: string | null;
  rateWindowStart: Date;
  rateCount: number;
}

/**
 * Authenticates a Bearer token and counts the call, in ONE statement: the UPDATE finds the
 * token by its hash only while unexpired, unrevoked and its owner active (the owner's
 * *current* role and agency come back with it), counts the call in the token's fixed
 * window (a new window starts when the last one is over) and moves `lastUsedAt` only when
 * it is older than a minute. The counter lives in PostgreSQL, so every app instance shares
 * it; the row is the token's own, so tokens never contend with each other.
 * Calls over the limit are still counted (a client that keeps hammering learns nothing new
 * and its window still ends on time).
 */
export async function authenticateTokenCall(
  authorization: string | null,
  address: string | null,
  now: Date,
  limit: number,
  /** The app's client; tests pass a second one to act as another app instance. */
  client: Pick<Tx, "$queryRaw"> = db,
): Promise<TokenCall> {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization?.trim() ?? "");
  if (!match) return { kind: "unauthenticated" };
  const windowFloor = new Date(now.getTime() - RATE_WINDOW_MS);
  const usedFloor = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  const addr = address?.slice(0, 100) ?? null;
  const rows = await client.$queryRaw<TokenCallRow[]>`
UPDATE "PersonalAccessToken" AS t SET
  "rateWindowStart" = CASE WHEN t."rateWindowStart" IS NULL OR t."rateWindowStart" <= ${windowFloor} THEN ${now} ELSE t."rateWindowStart" END,
  "rateCount" = CASE WHEN t."rateWindowStart" IS NULL OR t."rateWindowStart" <= ${windowFloor} THEN 1 ELSE t."rateCount" + 1 END,
  "lastUsedAddress" = CASE WHEN t."lastUsedAt" IS NULL OR t."lastUsedAt" <= ${usedFloor} OR t."lastUsedAddress" IS DISTINCT FROM ${addr}::text THEN ${addr}::text ELSE t."lastUsedAddress" END,
  "lastUsedAt" = CASE WHEN t."lastUsedAt" IS NULL OR t."lastUsedAt" <= ${usedFloor} OR t."lastUsedAddress" IS DISTINCT FROM ${addr}::text THEN ${now} ELSE t."lastUsedAt" END
FROM "User" AS u LEFT JOIN "Agency" AS a ON a.id = u."agencyId"
WHERE t."secretHash" = ${hashSecret(match[1]!)} AND t."userId" = u.id
  AND t."revokedAt" IS NULL AND t."expiresAt" > ${now} AND u.active
RETURNING u.id AS "userId", u.email, u.name, u.role::text AS role, u."agencyId", a.acronym AS "agencyAcronym",
  t."rateWindowStart", t."rateCount"`;
  const row = rows[0];
  if (!row) return { kind: "unauthenticated" };
  const resetMs = Math.max(0, row.rateWindowStart.getTime() + RATE_WINDOW_MS - now.getTime());
  const resetSeconds = Math.max(1, Math.ceil(resetMs / 1000));
  if (row.rateCount > limit) return { kind: "limited", retryAfterSeconds: resetSeconds, limit, resetSeconds };
  const session: AppSession = {
    user: { id: row.userId, email: row.email, name: row.name, role: row.role, agencyId: row.agencyId, agencyAcronym: row.agencyAcronym },
    scope: { userId: row.userId, role: row.role, agencyId: isAgencyScoped(row.role) ? row.agencyId : null },
  };
  return { kind: "ok", session, limit, remaining: Math.max(0, limit - row.rateCount), resetSeconds };
}

/**
 * The session a Bearer token stands for, or null (missing, malformed, unknown, expired,
 * revoked, or an owner who is inactive), without a rate limit. Records use like
 * authenticateTokenCall.
 */
export async function sessionForToken(authorization: string | null, address: string | null, now: Date): Promise<AppSession | null> {
  const call = await authenticateTokenCall(authorization, address, now, Number.MAX_SAFE_INTEGER);
  return call.kind === "ok" ? call.session : null;
}
