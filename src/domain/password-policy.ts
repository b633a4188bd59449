// Rules for a new password (NIST SP 800-63B, 3.1.1.2 "memorized secrets"): a minimum length
// that depends on the role (15 for administrators, 12 for everyone else), a maximum set by
// bcrypt, no composition rules (no "one digit, one symbol"), and a refusal of values that
// are common, expected or context-specific (a blocklist, the app's name, the person's own
// email or name, runs like "aaaa…" or "1234…"). Pure: the blocklist is passed in.

/** bcrypt reads only the first 72 bytes of its input (src/server/auth/password.ts). */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_LENGTH = 12;
export const ADMIN_PASSWORD_MIN_LENGTH = 15;

/** Words anyone would guess for this application, refused as (the core of) a password. */
export const CONTEXT_WORDS = [
  "password",
  "passphrase",
  "standards engagement tracker",
  "standards tracker",
  "engagement tracker",
  "standards engagement",
  "tracker",
  "nistir 8074",
  "nistir8074",
  "nist",
] as const;

export interface PasswordContext {
  /** The role the password is for: administrators need a longer one. */
  role: string;
  email: string;
  name?: string | null;
  /** The current password, when the person changes their own: the new one must differ. */
  currentPassword?: string | null;
}

/** The minimum length, in characters, for a role. */
export function minimumLengthFor(role: string): number {
  return role === "ADMIN" ? ADMIN_PASSWORD_MIN_LENGTH : PASSWORD_MIN_LENGTH;
}

/** Characters as a person counts them (code points, after Unicode normalisation). */
export function passwordLength(password: string): number {
  return [...password.normalize("NFKC")].length;
}

export const utf8Bytes = (value: string) => new TextEncoder().encode(value).length;

/** Lower case, NFKC, without spaces: how passwords are compared with the blocklist. */
export function normalizeForComparison(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/**
 * The guessable centre of a password: digits, spaces and punctuation stripped from both
 * ends ("Summer2024!!" -> "summer", "!!dragon1234567" -> "dragon"), since appending a
 * year or a row of digits to a common word adds almost nothing for a guesser.
 */
export function passwordCore(value: string): string {
  return normalizeForComparison(value).replace(/^[\p{N}\p{P}\p{S}]+|[\p{N}\p{P}\p{S}]+$/gu, "");
}

/** True for one unit repeated ("aaaaaaaaaaaa", "abcabcabcabc", "password password"). */
export function isRepetitive(value: string): boolean {
  const chars = [...normalizeForComparison(value)];
  for (let unit = 1; unit * 2 <= chars.length; unit += 1) {
    if (chars.length % unit === 0 && chars.every((ch, i) => ch === chars[i % unit])) return true;
  }
  return false;
}

/** True for a run of consecutive characters in either direction ("abcdefghijklm", "987654321098"). */
export function isSequential(value: string): boolean {
  const codes = [...normalizeForComparison(value)].map((ch) => ch.codePointAt(0)!);
  if (codes.length < 4) return false;
  const step = (a: number, b: number) => {
    if (b - a === 1 || a - b === 1) return b - a;
    // "…7890" and "0987…" wrap around on a keyboard row of digits.
    if (a === 57 && b === 48) return 1;
    if (a === 48 && b === 57) return -1;
    return 0;
  };
  const first = step(codes[0]!, codes[1]!);
  if (first === 0) return false;
  return codes.every((code, i) => i === 0 || step(codes[i - 1]!, code) === first);
}

function contextWords(context: PasswordContext): string[] {
  const local = context.email.split("@")[0] ?? "";
  const words = [...CONTEXT_WORDS, context.email, local, ...local.split(/[._+-]+/), context.name ?? "", ...(context.name ?? "").split(/\s+/)];
  return [...new Set(words.map(normalizeForComparison).filter((w) => w.length >= 4))];
}

/**
 * What is wrong with a new password, as messages for the password field (empty when it
 * may be used). `blocklist` holds common passwords already passed through
 * normalizeForComparison.
 */
export function passwordProblems(password: string, context: PasswordContext, blocklist: ReadonlySet<string>): string[] {
  const min = minimumLengthFor(context.role);
  const length = passwordLength(password);
  if (length === 0) return ["Enter a password"];
  if (length < min) {
    return [
      context.role === "ADMIN"
        ? `Use at least ${min} characters: administrators need a longer password (this one has ${length})`
        : `Use at least ${min} characters (this one has ${length})`,
    ];
  }
  if (utf8Bytes(password) > PASSWORD_MAX_BYTES) {
    return [`This password is too long: at most ${PASSWORD_MAX_BYTES} bytes (letters outside A–Z count as 2 to 4)`];
  }
  if (/[\u0000-\u001f\u007f]/.test(password)) return ["Use letters, digits, spaces and symbols only (no control characters)"];
  if (context.currentPassword && password === context.currentPassword) return ["Choose a password different from your current one"];
  const whole = normalizeForComparison(password);
  const core = passwordCore(password);
  if (blocklist.has(whole) || (core !== whole && blocklist.has(core))) {
    return ["This password is on a list of commonly used passwords. Choose a different one — a few unrelated words work well"];
  }
  if (isRepetitive(password) || isSequential(password) || isSequential(core) || (core.length > 0 && core.length < 4 && core !== whole)) {
    return ["This password is a repeated or sequential pattern. Choose a different one — a few unrelated words work well"];
  }
  const words = contextWords(context);
  if (words.some((w) => whole === w || core === w || (w.length >= 4 && whole.includes(w) && whole.length - w.length < 8))) {
    return ["This password is too close to your email address, your name or the name of this service. Choose a different one"];
  }
  return [];
}

/** Reads a blocklist file: one password per line, `#` starts a comment line. */
export function parseBlocklist(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    out.add(normalizeForComparison(trimmed));
  }
  return out;
}
