// Personal access tokens for the read API: only the SHA-256 of the secret is stored, the
// secret is returned once at creation. A token authenticates as its owner with the owner's
// *current* role and agency, read from the user row on every request, so a role change or a
// deactivation takes effect at once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { isAgencyScoped } from "@/server/auth/permissions";
import type { AppSession, Scope } from "@/server/auth/session";
import { appDatabase } from "@/server/db/app-database";
import { db } from "@/server/db/client";
import type { Database } from "@/server/db/database";
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

/**
 * Authenticates a Bearer token and counts the call, in ONE statement: the UPDATE finds the
 * token by its hash only while unexpired, unrevoked and its owner active (the owner's
 * *current* role and agency come back with it), counts the call in the token's fixed
 * window (a new window starts when the last one is over) and moves `lastUsedAt` only when
 * it is older than a minute. The counter lives in PostgreSQL, so every app instance shares
 * it; the row is the token's own, so tokens never contend with each other.
 * Calls over the limit are still counted (a client that keeps hammering learns nothing new
 * and its window still ends on time).
 * Every API call runs it, so it is one prepared statement sent by the driver itself, its
 * values as text (times as UTC text in, epoch milliseconds out: the columns hold UTC).
 */
const TOKEN_CALL = {
  name: "api_token_call",
  text: `
UPDATE "PersonalAccessToken" AS t SET
  "rateWindowStart" = CASE WHEN t."rateWindowStart" IS NULL OR t."rateWindowStart" <= $2::timestamp THEN $1::timestamp ELSE t."rateWindowStart" END,
  "rateCount" = CASE WHEN t."rateWindowStart" IS NULL OR t."rateWindowStart" <= $2::timestamp THEN 1 ELSE t."rateCount" + 1 END,
  "lastUsedAddress" = CASE WHEN t."lastUsedAt" IS NULL OR t."lastUsedAt" <= $3::timestamp OR t."lastUsedAddress" IS DISTINCT FROM $4::text THEN $4::text ELSE t."lastUsedAddress" END,
  "lastUsedAt" = CASE WHEN t."lastUsedAt" IS NULL OR t."lastUsedAt" <= $3::timestamp OR t."lastUsedAddress" IS DISTINCT FROM $4::text THEN $1::timestamp ELSE t."lastUsedAt" END
FROM "User" AS u LEFT JOIN "Agency" AS a ON a.id = u."agencyId"
WHERE t."secretHash" = $5 AND t."userId" = u.id
  AND t."revokedAt" IS NULL AND t."expiresAt" > $1::timestamp AND u.active
RETURNING u.id, u.email, u.name, u.role::text, u."agencyId", a.acronym,
  (extract(epoch FROM t."rateWindowStart") * 1000)::bigint::text, t."rateCount"::text`,
};

// A Date as the UTC wall time the TIMESTAMP(3) columns hold ("...Z" is ignored by the cast).
const utc = (date: Date) => date.toISOString();

export async function authenticateTokenCall(
  authorization: string | null,
  address: string | null,
  now: Date,
  limit: number,
  /** The app's database; tests pass a second one to act as another app instance. */
  database: Pick<Database, "textRows"> = appDatabase(),
): Promise<TokenCall> {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization?.trim() ?? "");
  if (!match) return { kind: "unauthenticated" };
  const windowFloor = new Date(now.getTime() - RATE_WINDOW_MS);
  const usedFloor = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  const addr = address?.slice(0, 100) ?? null;
  const rows = await database.textRows(TOKEN_CALL.text, [utc(now), utc(windowFloor), utc(usedFloor), addr, hashSecret(match[1]!)], TOKEN_CALL.name);
  const row = rows[0];
  if (!row) return { kind: "unauthenticated" };
  const [userId, email, name, role, agencyId, agencyAcronym, windowStartMs, count] = row as [string, string, string, AppSession["user"]["role"], string | null, string | null, string, string];
  const rateCount = Number(count);
  const resetMs = Math.max(0, Number(windowStartMs) + RATE_WINDOW_MS - now.getTime());
  const resetSeconds = Math.max(1, Math.ceil(resetMs / 1000));
  if (rateCount > limit) return { kind: "limited", retryAfterSeconds: resetSeconds, limit, resetSeconds };
  const session: AppSession = {
    user: { id: userId, email, name, role, agencyId, agencyAcronym },
    scope: { userId, role, agencyId: isAgencyScoped(role) ? agencyId : null },
  };
  return { kind: "ok", session, limit, remaining: Math.max(0, limit - rateCount), resetSeconds };
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
