// Failed sign-ins counted in PostgreSQL (the SignInThrottle table), so every app instance
// sees the same counters; the policy is src/domain/sign-in-throttle.ts. Each call is one
// or two single statements outside any transaction: a row is locked only while its own
// UPDATE runs, keys are touched in one order (no deadlocks), and nothing sleeps: a blocked
// attempt is refused at once with the time to wait.
import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { FORGET_AFTER_SECONDS, secondsUntilAllowed, waitAfterFailures, type ThrottleState } from "@/domain/sign-in-throttle";

type Client = Pick<PrismaClient, "$queryRaw" | "signInThrottle">;

const iso = (date: Date) => date.toISOString();

/** Seconds the attempt must still wait because of any of the keys (0: it may go ahead). */
export async function throttleWait(client: Client, keys: readonly string[], now: Date): Promise<number> {
  if (keys.length === 0) return 0;
  const rows: ThrottleState[] = await client.signInThrottle.findMany({
    where: { key: { in: [...keys] } },
    select: { failures: true, blockedUntil: true },
  });
  return secondsUntilAllowed(rows, now);
}

/**
 * Counts one failure against each key and blocks the keys that reached the policy's
 * thresholds. Returns each key's failure count after this one.
 */
export async function recordFailure(client: Client, keys: readonly string[], now: Date): Promise<Map<string, number>> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return new Map();
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
  // One statement: the increment is atomic however many instances count at once, and a
  // counter quiet for FORGET_AFTER_SECONDS starts over.
  const rows = await client.$queryRaw<{ key: string; failures: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt")
    VALUES ${Prisma.join(sorted.map((key) => Prisma.sql`(${key}, 1, ${iso(now)}::timestamp(3))`))}
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."lastFailureAt" < ${iso(forgetBefore)}::timestamp(3) THEN 1
                        ELSE "SignInThrottle"."failures" + 1 END,
      "lastFailureAt" = EXCLUDED."lastFailureAt"
    RETURNING "key", "failures"`;
  const counts = new Map(rows.map((r) => [r.key, Number(r.failures)]));
  for (const key of sorted) {
    const wait = waitAfterFailures(counts.get(key) ?? 0);
    if (wait === 0) continue;
    const until = new Date(now.getTime() + wait * 1000);
    // Never shortens a longer block set by a concurrent failure.
    await client.signInThrottle.updateMany({
      where: { key, OR: [{ blockedUntil: null }, { blockedUntil: { lt: until } }] },
      data: { blockedUntil: until },
    });
  }
  return counts;
}

/** A successful sign-in clears its keys; counters long quiet are dropped on the way. */
export async function clearThrottle(client: Client, keys: readonly string[], now: Date): Promise<void> {
  if (keys.length > 0) await client.signInThrottle.deleteMany({ where: { key: { in: [...keys] } } });
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
  await client.signInThrottle.deleteMany({
    where: { lastFailureAt: { lt: forgetBefore }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }] },
  });
}
