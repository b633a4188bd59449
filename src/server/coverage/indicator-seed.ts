// Seeds the default indicators (src/domain/coverage-defaults.ts). Not "server-only": the
// seed and demo scripts call it too. The dashboard calls it when no indicator exists yet,
// so a fresh installation has a scorecard without an extra step.
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_INDICATORS } from "@/domain/coverage-defaults";

type Client = Pick<Prisma.TransactionClient, "indicator" | "recommendation">;

/**
 * Adds the default indicators whose code is missing (for recommendations that exist).
 * Idempotent and safe to run concurrently; never changes an existing indicator.
 */
export async function seedDefaultIndicators(client: Client): Promise<number> {
  const recommendations = new Set((await client.recommendation.findMany({ select: { id: true } })).map((r) => r.id));
  const data = DEFAULT_INDICATORS.filter((d) => recommendations.has(d.recommendationId)).map((d) => ({
    ...d,
    params: d.params as Prisma.InputJsonValue,
  }));
  if (data.length === 0) return 0;
  return (await client.indicator.createMany({ data, skipDuplicates: true })).count;
}

/** Seeds the defaults only when there are no indicators at all (admins may have edited them). */
export async function ensureIndicators(client: Client): Promise<void> {
  if ((await client.indicator.count()) === 0) await seedDefaultIndicators(client);
}
