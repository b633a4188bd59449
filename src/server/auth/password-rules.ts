// The rules a new password must meet (src/domain/password-policy.ts) with the project's
// list of common passwords (security/common-passwords.txt), read once per process. Used
// wherever a password is set: the user:create script, an admin's reset, one's own change.
// Not "server-only": the user:create script uses it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseBlocklist, passwordProblems, type PasswordContext } from "@/domain/password-policy";
import { UserError } from "@/server/errors";

export const COMMON_PASSWORDS_FILE = "security/common-passwords.txt";

const holder = globalThis as { __commonPasswords?: ReadonlySet<string> };

/** The refused passwords, normalised; read from the file on first use. */
export function commonPasswords(): ReadonlySet<string> {
  holder.__commonPasswords ??= parseBlocklist(readFileSync(path.join(process.cwd(), COMMON_PASSWORDS_FILE), "utf8"));
  return holder.__commonPasswords;
}

/** What is wrong with a new password (empty when it may be used). */
export function newPasswordProblems(password: string, context: PasswordContext): string[] {
  return passwordProblems(password, context, commonPasswords());
}

/** Throws a field error on `field` when the new password breaks a rule. */
export function assertNewPassword(password: string, context: PasswordContext, field = "password"): void {
  const problems = newPasswordProblems(password, context);
  if (problems.length > 0) throw new UserError("VALIDATION", "Some fields need attention.", { [field]: problems });
}
