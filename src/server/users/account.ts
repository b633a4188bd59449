// Read side of the account pages: one person's details (never the password hash).
import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";

export interface AccountDetails {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  agency: { acronym: string; name: string } | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  mustChangePassword: boolean;
}

export async function getAccountDetails(userId: string): Promise<AccountDetails | null> {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, email: true, name: true, role: true, active: true, lastLoginAt: true, passwordChangedAt: true, mustChangePassword: true,
      agency: { select: { acronym: true, name: true } },
    },
  });
  if (!row) return null;
  return { ...row, lastLoginAt: row.lastLoginAt?.toISOString() ?? null, passwordChangedAt: row.passwordChangedAt?.toISOString() ?? null };
}
