// Child process for database-thread.test.ts: opens an embedded database in the directory
// given, writes a row, then leaves through process.exit() without closing it, as Next's
// SIGINT/SIGTERM handler does after its own cleanup.
import { openDatabase } from "@/server/db/database";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: pglite-exit-child.ts DATA_DIR");
const db = openDatabase({ kind: "pglite", dataDir });
const session = await db.session();
await session.exec("CREATE TABLE IF NOT EXISTS left_open (n int); INSERT INTO left_open VALUES (1)");
console.log("written");
process.exit(130);
