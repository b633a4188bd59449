// Sign-in and session settings from the environment (README "Secrets and settings"):
// AUTH_PASSWORDS, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS, TRUSTED_PROXIES.
import { z } from "zod";

const authEnvSchema = z.object({
  /** Email + password sign-in: on (default) or off (only other sign-in methods). */
  AUTH_PASSWORDS: z.enum(["on", "off"], { error: "AUTH_PASSWORDS must be on or off" }).default("on"),
  /** A session unused for this long ends (each request renews it). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** A session ends this long after signing in, however much it is used. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(8),
  /**
   * Reverse proxies in front of the app, each appending the address it saw to
   * X-Forwarded-For: the client address used for sign-in throttling is the entry that many
   * places from the right (the address the outermost trusted proxy saw).
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(1).max(10).default(1),
});

export type AuthEnv = z.infer<typeof authEnvSchema>;

const blankToUndefined = (source: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === undefined || v.trim() === "" ? undefined : v.trim()]));

export function readAuthEnv(source: Record<string, string | undefined> = process.env): AuthEnv {
  const picked = {
    AUTH_PASSWORDS: source.AUTH_PASSWORDS?.toLowerCase(),
    SESSION_IDLE_MINUTES: source.SESSION_IDLE_MINUTES,
    SESSION_MAX_HOURS: source.SESSION_MAX_HOURS,
    TRUSTED_PROXIES: source.TRUSTED_PROXIES,
  };
  const parsed = authEnvSchema.safeParse(blankToUndefined(picked));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Whether email + password sign-in is switched on. */
export const passwordsEnabled = (env: AuthEnv = readAuthEnv()) => env.AUTH_PASSWORDS === "on";

/** The idle and absolute session lifetimes, in seconds. */
export function sessionLifetimes(env: AuthEnv = readAuthEnv()): { idleSeconds: number; maxSeconds: number } {
  const maxSeconds = env.SESSION_MAX_HOURS * 3600;
  return { idleSeconds: Math.min(env.SESSION_IDLE_MINUTES * 60, maxSeconds), maxSeconds };
}

/**
 * The client's address from X-Forwarded-For: the entry `proxies` places from the right, so
 * whatever a client wrote further left is ignored. Without a proxy, Next's server writes
 * the peer's address when the header is absent (a client reaching the app directly could
 * write its own: run it behind the TLS proxy the README asks for).
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, proxies: number): string | null {
  const entries = (forwardedFor ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const entry = entries[entries.length - proxies] ?? entries[0];
  return entry ? entry.slice(0, 100) : null;
}
