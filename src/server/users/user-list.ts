// Read side of user administration: the list on /admin/users.
import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";

export interface UserListRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  agency: { acronym: string; name: string } | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export async function listUsers(): Promise<UserListRow[]> {
  const rows = await db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      lastLoginAt: true,
      createdAt: true,
      agency: { select: { acronym: true, name: true } },
    },
  });
  return rows.map((row) => ({
    ...row,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}
