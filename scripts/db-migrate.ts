// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded
// PGlite database when DATABASE_URL is unset. Idempotent; safe to run concurrently.
import { readEnv } from "@/lib/env";
import { describeTarget, openDatabase, targetFromEnv } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";

const db = openDatabase(targetFromEnv(readEnv()));
try {
  const result = await applyMigrations(db);
  const what = result.applied.length ? `applied ${result.applied.join(", ")}` : "already up to date";
  console.log(`${describeTarget(db.target)}: ${what}`);
} finally {
  await db.close();
}
