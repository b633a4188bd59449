// Environment, parsed once with zod. No DATABASE_URL means the embedded PGlite database.
import { randomBytes } from "node:crypto";
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /** Connections in the PostgreSQL pool of one app instance. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(500).default(10),
  /** Coverage reports computed at once per instance (default: half the pool; 1 on PGlite). */
  REPORT_CONCURRENCY: z.coerce.number().int().min(1).max(250).optional(),
  /** Report computations that may wait for a turn; beyond it a view answers "being prepared". */
  REPORT_QUEUE_MAX: z.coerce.number().int().min(0).max(10_000).default(16),
  /** Read API calls per personal access token per minute (shared by every app instance). */
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Read API pages of engagements built at once per instance; others wait their turn. */
  API_PAGE_CONCURRENCY: z.coerce.number().int().min(1).max(250).default(2),
  /** Read API pages that may wait for a turn; beyond it a call answers 503 BUSY with Retry-After. */
  API_PAGE_QUEUE_MAX: z.coerce.number().int().min(0).max(10_000).default(64),
  /** `npm start` on PostgreSQL: app processes sharing the port (default: one per CPU core). */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** How many reports one instance computes at once: never more than half the pool. */
export function reportConcurrency(env: Env): number {
  if (!env.DATABASE_URL) return 1; // PGlite: one connection
  const half = Math.max(1, Math.floor(env.DATABASE_POOL_MAX / 2));
  return Math.min(env.REPORT_CONCURRENCY ?? half, half);
}

/**
 * How many app processes `npm start` runs. Rendering is JavaScript on one thread per
 * process, so one process uses one core however many requests wait; on PostgreSQL each
 * core gets a process (they share the database, the report cache table and the port).
 * The embedded PGlite database belongs to one process, so it always runs one.
 */
export function appInstances(env: Env, cpus: number): number {
  if (!env.DATABASE_URL) return 1;
  return env.WEB_CONCURRENCY ?? Math.max(1, cpus);
}

/**
 * The secret signing session tokens; production refuses to start without one. Elsewhere
 * (next dev, tests) a random secret is made once per process: never a fixed, known
 * string that would let anyone sign a token. Sessions then end when the process stops.
 */
export function requireAuthSecret(env: Env = readEnv()): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Production needs a random secret of at least 32 characters " +
        "(for example: openssl rand -base64 32). The embedded demo (npm run demo) generates one.",
    );
  }
  // On globalThis, not in a module variable: Next loads this module once per bundle
  // (pages, route handlers), and every bundle of the process must sign with one secret.
  const holder = globalThis as { __processAuthSecret?: string };
  if (!holder.__processAuthSecret) {
    holder.__processAuthSecret = randomBytes(32).toString("base64url");
    console.warn("[auth] NEXTAUTH_SECRET is not set: sessions are signed with a random secret made for this process.");
  }
  return holder.__processAuthSecret;
}
