// Seeds the default indicators (src/domain/coverage-defaults.ts). Not "server-only": the
// seed and demo scripts call it (npm run db:seed, npm run demo).
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
