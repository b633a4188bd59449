// Seeds the NISTIR 8074 reference data (idempotent). Usage: npx tsx scripts/db-seed.ts
// Opens DATABASE_URL (PostgreSQL) or the embedded PGlite directory, like the app does.
import { describeTarget, openDatabase, targetFromEnv } from "@/server/db/database";
import { readEnv } from "@/lib/env";
import { seedDefaultIndicators } from "@/server/coverage/indicator-seed";
import { formatSeedReport, seedReference } from "../seeds/reference";

async function main(): Promise<number> {
  const target = targetFromEnv(readEnv());
  const db = openDatabase(target);
  try {
    console.log(`Seeding reference data into ${describeTarget(target)}`);
    const report = await seedReference(db.prisma);
    console.log(formatSeedReport(report));
    // Default indicators of the coverage engine: only missing codes are added, so admins' edits stay.
    console.log(`Indicators: ${await seedDefaultIndicators(db.prisma)} added`);
    return 0;
  } catch (error) {
    console.error(`Seeding failed, nothing was written: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
