// The read API's per-token rate limit, on a real database: the counter lives on the token's
// row in PostgreSQL (one UPDATE authenticates and counts a call), so it holds across app
// instances (here: two Prisma clients on one PostgreSQL database, calls interleaved and
// concurrent); over the limit the route answers 429 RATE_LIMITED with Retry-After; a window
// ends after 60 s; lastUsedAt moves at most once a minute (or when the address changes).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { BACKEND, databaseUrl, TEST_DATABASE } from "./support/backend";

// Read once per process by the route: a small limit for this file.
process.env.API_RATE_LIMIT = "3";
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/server/db/client");
const { openDatabase } = await import("@/server/db/database");
const { appDatabase } = await import("@/server/db/app-database");
const { createApiToken, authenticateTokenCall } = await import("@/server/api-tokens/tokens");
const { apiError } = await import("@/server/api/v1-schemas");
const sdosRoute = (await import("../../app/api/v1/sdos/route")).GET;

const tag = `r${Date.now().toString(36)}`;
let userId = "";

async function newToken(name: string) {
  const { secret, token } = await db.$transaction((tx) => createApiToken(tx, userId, { name, expiresInDays: 30 }, new Date()));
  return { secret, id: token.id };
}

beforeAll(async () => {
  userId = (await db.user.create({ data: { email: `rate.${tag}@test.gov`, name: "Rate", role: "VIEWER", passwordHash: "x" } })).id;
});

const call = (secret: string) => sdosRoute(new Request("http://127.0.0.1/api/v1/sdos?limit=1", { headers: { authorization: `Bearer ${secret}` } }));

describe(`the read API's rate limit on ${BACKEND}`, () => {
  it("answers 429 RATE_LIMITED with Retry-After once a token has made API_RATE_LIMIT calls in its window", async () => {
    const { secret } = await newToken("route");
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await call(secret);
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-limit")).toBe("3");
      expect(response.headers.get("x-ratelimit-limit")).toBe("3");
      remaining.push(response.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const limited = await call(secret);
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("cache-control")).toBe("no-store");
    const body = apiError.parse(await limited.json());
    expect(body.code).toBe("RATE_LIMITED");
    expect(body.message).toMatch(/3 calls.*\d+ seconds/);
    // Another token of the same owner has its own count.
    expect((await call((await newToken("other")).secret)).status).toBe(200);
  });

  it("starts a new window 60 s after the last one started, and says how long is left", async () => {
    const { secret } = await newToken("window");
    const t0 = new Date(Date.now() + 1000);
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const auth = `Bearer ${secret}`;
    expect(await authenticateTokenCall(auth, null, at(0), 2)).toMatchObject({ kind: "ok", remaining: 1, resetSeconds: 60 });
    expect(await authenticateTokenCall(auth, null, at(10_000), 2)).toMatchObject({ kind: "ok", remaining: 0, resetSeconds: 50 });
    expect(await authenticateTokenCall(auth, null, at(45_500), 2)).toEqual({ kind: "limited", limit: 2, retryAfterSeconds: 15, resetSeconds: 15 });
    expect(await authenticateTokenCall(auth, null, at(59_999), 2)).toMatchObject({ kind: "limited", retryAfterSeconds: 1 });
    expect(await authenticateTokenCall(auth, null, at(60_000), 2)).toMatchObject({ kind: "ok", remaining: 1, resetSeconds: 60 });
  });

  it("moves lastUsedAt at most once a minute, or when the address changes", async () => {
    const { secret, id } = await newToken("last-used");
    const t0 = new Date(Date.now() + 1000);
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const lastUsed = async () => db.personalAccessToken.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true, lastUsedAddress: true } });
    await authenticateTokenCall(`Bearer ${secret}`, "192.0.2.1", at(0), 100);
    expect(await lastUsed()).toEqual({ lastUsedAt: at(0), lastUsedAddress: "192.0.2.1" });
    await authenticateTokenCall(`Bearer ${secret}`, "192.0.2.1", at(30_000), 100);
    expect(await lastUsed()).toEqual({ lastUsedAt: at(0), lastUsedAddress: "192.0.2.1" });
    await authenticateTokenCall(`Bearer ${secret}`, "192.0.2.2", at(31_000), 100);
    expect(await lastUsed()).toEqual({ lastUsedAt: at(31_000), lastUsedAddress: "192.0.2.2" });
    await authenticateTokenCall(`Bearer ${secret}`, "192.0.2.2", at(91_000), 100);
    expect(await lastUsed()).toEqual({ lastUsedAt: at(91_000), lastUsedAddress: "192.0.2.2" });
  });

  it.runIf(BACKEND === "postgres")("shares one count between two app instances (two Prisma clients on one PostgreSQL)", async () => {
    const { secret } = await newToken("shared");
    const second = openDatabase({ kind: "postgres", url: databaseUrl(TEST_DATABASE), poolMax: 4 });
    const clients = [appDatabase(), second];
    const auth = `Bearer ${secret}`;
    try {
      const t0 = new Date(Date.now() + 1000);
      // Interleaved: instance 1, 2, 1, then 2 is refused.
      const kinds = [];
      for (const client of [clients[0], clients[1], clients[0], clients[1]]) {
        kinds.push((await authenticateTokenCall(auth, null, t0, 3, client)).kind);
      }
      expect(kinds).toEqual(["ok", "ok", "ok", "limited"]);
      // Concurrent: 20 calls at once, half on each instance, in a fresh window: exactly 5 pass.
      const t1 = new Date(t0.getTime() + 60_000);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => authenticateTokenCall(auth, null, t1, 5, clients[i % 2])));
      expect(results.filter((r) => r.kind === "ok")).toHaveLength(5);
      expect(results.filter((r) => r.kind === "limited")).toHaveLength(15);
    } finally {
      await second.close();
    }
  });
});
