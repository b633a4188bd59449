// User data functions. Mutations take the action's transaction client; the audit
// snapshots never include the password hash.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { endSessions } from "@/server/auth/session-lifetime";
import { UserError } from "@/server/errors";
import type { UserCreateInput } from "./user-input";

/** What audit rows record about a user: everything except the password hash. */
export const userAuditSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  agencyId: true,
  active: true,
} as const satisfies Prisma.UserSelect;

export interface UserSnapshot {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  active: boolean;
}

export async function createUser(
  tx: Prisma.TransactionClient,
  input: Omit<UserCreateInput, "password"> & { passwordHash: string; mustChangePassword?: boolean },
): Promise<UserSnapshot> {
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    throw new UserError("CONFLICT", "A user with this email address already exists.", {
      email: ["A user with this email address already exists"],
    });
  }
  if (input.agencyId) {
    const agency = await tx.agency.findUnique({ where: { id: input.agencyId }, select: { id: true } });
    if (!agency) throw new UserError("VALIDATION", "Some fields need attention.", { agencyId: ["Choose an agency from the list"] });
  }
  return tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      role: input.role,
      agencyId: input.agencyId ?? null,
      passwordHash: input.passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
    },
    select: userAuditSelect,
  });
}

export async function setUserActive(
  tx: Prisma.TransactionClient,
  userId: string,
  active: boolean,
): Promise<{ before: UserSnapshot; after: UserSnapshot }> {
  const before = await tx.user.findUnique({ where: { id: userId }, select: userAuditSelect });
  if (!before) throw new UserError("NOT_FOUND", "That user no longer exists.");
  const after = await tx.user.update({ where: { id: userId }, data: { active }, select: userAuditSelect });
  // A deactivated user's tokens must not come back to life when the account is reactivated.
  if (!active) await endSessions(tx, userId);
  return { before, after };
}
