// The process-wide database, opened lazily from the environment and kept on globalThis
// so every bundle in the process shares one pool — and, for PGlite, one owner of the
// data directory. Not "server-only" so instrumentation can reach it.
import { readEnv } from "@/lib/env";
import { openDatabase, targetFromEnv, type Database } from "./database";

const holder = globalThis as typeof globalThis & { __appDatabase?: Database };

export function appDatabase(): Database {
  holder.__appDatabase ??= openDatabase(targetFromEnv(readEnv()));
  return holder.__appDatabase;
}
