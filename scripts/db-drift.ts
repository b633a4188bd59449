// CI drift check, i.e. `prisma migrate diff --from-migrations prisma/migrations
// --to-schema-datamodel prisma/schema.prisma --exit-code` run on Prisma's wasm schema
// engine: the migrations are replayed on a temporary shadow database and compared with
// the schema. Exit 0 "No drift"; exit 1 with the SQL that would be missing.
//
// Usage: npx tsx scripts/db-drift.ts [--schema <path>] [--migrations <dir>]
// DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) is only used to
// create and drop temporary databases.
import path from "node:path";
import { parseArgs } from "node:util";
import {
  DEFAULT_ADMIN_URL,
  NO_FILTER,
  loadMigrationsList,
  schemaContainer,
  withScratchEngine,
} from "./lib/schema-engine";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      schema: { type: "string", default: path.join(root, "prisma/schema.prisma") },
      migrations: { type: "string", default: path.join(root, "prisma/migrations") },
    },
  });
  const schemaPath = path.resolve(values.schema);
  const schema = schemaContainer(schemaPath);
  const migrationsList = loadMigrationsList(values.migrations);
  const adminUrl = process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;

  const result = await withScratchEngine(adminUrl, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    }),
  );

  // With exitCode: true the engine answers 2 when the diff is non-empty (as --exit-code);
  // an empty diff's script is just "-- This is an empty migration."
  const sql = (result.stdout ?? "").trim();
  if (result.exitCode === 0) {
    console.log(`No drift: ${migrationsList.migrationDirectories.length} migration(s) match ${path.relative(root, schemaPath)}`);
    return 0;
  }
  console.error(
    `DRIFT: applying prisma/migrations does not yield ${path.relative(root, schemaPath)}.\n` +
      "Create a migration (npx tsx scripts/migration-create.ts <name>). Missing SQL:\n",
  );
  console.error(sql);
  return 1;
}

// Exit explicitly: the engine's pools/timers must not keep the process alive.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
