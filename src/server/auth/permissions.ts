// The one role -> permission table. Fail closed: unknown roles and missing sessions
// have no permission.
import type { Role } from "@/generated/prisma/enums";

export const ROLES = ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  "reference.read": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
  "reference.write": ["ADMIN"],
  "participation.read": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
  "participation.write": ["ADMIN", "COORDINATOR"],
  "dashboard.read": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
  "audit.read": ["ADMIN", "COORDINATOR"],
  "import.run": ["ADMIN"],
  "user.manage": ["ADMIN"],
  "settings.manage": ["ADMIN"],
  /** Open a fiscal year's data call; accept or return submissions. */
  "datacall.manage": ["ADMIN"],
  /** Prepare (narrative) and submit a submission: coordinators their agency's, admins any. */
  "datacall.prepare": ["ADMIN", "COORDINATOR"],
  /** The status board, the roll-up and accepted submissions. Coordinators also read their own agency's. */
  "datacall.read": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
  /** Create, list and revoke one's own personal access tokens (read-only API). */
  "apitoken.own": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
  /** List and revoke anyone's tokens. */
  "apitoken.admin": ["ADMIN"],
  /** One's own account: change one's password, sign out everywhere, link an identity provider. */
  "account.own": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(role: string | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  const allowed: readonly string[] | undefined = PERMISSIONS[permission];
  return allowed !== undefined && allowed.includes(role);
}

/** Roles whose reads and writes are limited to their own agency. */
export function isAgencyScoped(role: Role): boolean {
  return role === "COORDINATOR";
}
