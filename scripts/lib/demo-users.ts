// The four demo accounts of the embedded demo. Never created on a PostgreSQL server.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/server/auth/password";

// 15+ characters, so the demo admin meets the administrators' minimum (src/domain/password-policy.ts).
export const DEMO_PASSWORD = "demo-orchid-lantern";

export const DEMO_USERS: { email: string; name: string; role: Role; agencyAcronym?: string }[] = [
  { email: "admin@example.gov", name: "Avery Admin", role: "ADMIN" },
  { email: "lead@example.gov", name: "Lee Lead", role: "LEAD" },
  { email: "coordinator@example.gov", name: "Casey Coordinator", role: "COORDINATOR", agencyAcronym: "NIST" },
  { email: "viewer@example.gov", name: "Vic Viewer", role: "VIEWER" },
];

/** Creates missing demo users; leaves existing ones (and their passwords) alone. */
export async function ensureDemoUsers(prisma: PrismaClient): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    const existing = await prisma.user.findUnique({ where: { email: demo.email } });
    if (existing) continue;
    const agency = demo.agencyAcronym
      ? await prisma.agency.findUniqueOrThrow({ where: { acronym: demo.agencyAcronym } })
      : null;
    await prisma.user.create({
      data: {
        email: demo.email,
        name: demo.name,
        role: demo.role,
        agencyId: agency?.id ?? null,
        passwordHash: await hashPassword(DEMO_PASSWORD),
      },
    });
    created.push(demo.email);
  }
  return created;
}

