// When failed sign-ins make the next attempt wait. Counted per account (the email as typed,
// whether or not such an account exists, so the answer never reveals which exist) and per
// client address. After DELAY_AFTER failures each further failure makes the next attempt
// wait twice as long (1 s, 2 s, 4 s … at most MAX_DELAY_SECONDS); from LOCK_AFTER failures
// the key is locked for LOCK_SECONDS after every failure. A success clears the counters; a
// counter whose last failure is older than FORGET_AFTER_SECONDS starts over.
// Pure: the server (src/server/auth/sign-in-throttle.ts) stores the counters in PostgreSQL.

export const DELAY_AFTER = 5;
export const LOCK_AFTER = 20;
export const MAX_DELAY_SECONDS = 5 * 60;
export const LOCK_SECONDS = 15 * 60;
export const FORGET_AFTER_SECONDS = 24 * 60 * 60;

export type ThrottleKind = "account" | "address";

/** How long the next attempt must wait after the key's `failures`-th failure, in seconds. */
export function waitAfterFailures(failures: number): number {
  if (failures >= LOCK_AFTER) return LOCK_SECONDS;
  if (failures < DELAY_AFTER) return 0;
  return Math.min(2 ** (failures - DELAY_AFTER), MAX_DELAY_SECONDS);
}

export interface ThrottleState {
  failures: number;
  /** The attempt is refused before this time (null: not blocked). */
  blockedUntil: Date | null;
}

/** Seconds until an attempt may be made (0: now), the longest of the keys. */
export function secondsUntilAllowed(states: readonly ThrottleState[], now: Date): number {
  let wait = 0;
  for (const state of states) {
    if (!state.blockedUntil) continue;
    wait = Math.max(wait, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
  }
  return wait;
}

/** The stored key for an account or an address; normalised so "A@x.gov" and "a@x.gov" share one. */
export function throttleKey(kind: ThrottleKind, value: string): string {
  const normalised = kind === "account" ? value.trim().toLowerCase() : value.trim();
  return `${kind}:${normalised.slice(0, 300)}`;
}

/** "about 3 minutes", "12 seconds": what the refusal message says. */
export function describeWait(seconds: number): string {
  if (seconds <= 60) return `${Math.max(1, seconds)} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
