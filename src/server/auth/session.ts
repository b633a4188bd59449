// The signed-in user as the rest of the server sees it. Pages and actions call these;
// layouts are not a guard.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";
import { authOptions } from "./options";
import { can, isAgencyScoped, type Permission } from "./permissions";

export interface Scope {
  userId: string;
  role: Role;
  /** Set for agency-scoped roles (coordinators); null means all agencies. */
  agencyId: string | null;
}

export interface AppSession {
  user: { id: string; email: string; name: string; role: Role; agencyId: string | null; agencyAcronym: string | null };
  scope: Scope;
}

/** Reads the JWT, then the user row: inactive or deleted users have no session. */
const readSession = cache(async (): Promise<{ session: AppSession; mustChangePassword: boolean } | null> => {
  const raw = await getServerSession(authOptions());
  const id = raw?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true, agencyId: true, mustChangePassword: true, agency: { select: { acronym: true } } },
  });
  if (!user || !user.active) return null;
  const session: AppSession = {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      agencyId: user.agencyId,
      agencyAcronym: user.agency?.acronym ?? null,
    },
    scope: { userId: user.id, role: user.role, agencyId: isAgencyScoped(user.role) ? user.agencyId : null },
  };
  return { session, mustChangePassword: user.mustChangePassword };
});

/**
 * The signed-in user. Null too while they must change the password an administrator set:
 * until then no page, action or route does anything for them (fail closed), except the
 * password change itself (getPasswordChangeSession).
 */
export const getSession = cache(async (): Promise<AppSession | null> => {
  const read = await readSession();
  return read && !read.mustChangePassword ? read.session : null;
});

/** The signed-in user who must change their password first, or null. */
export const getPasswordChangeSession = cache(async (): Promise<AppSession | null> => {
  const read = await readSession();
  return read?.mustChangePassword ? read.session : null;
});

/** The signed-in user whether or not a password change is pending (the change itself). */
export const getSessionForPasswordChange = cache(async (): Promise<AppSession | null> => (await readSession())?.session ?? null);

/** Where a person who must change their password is sent before anything else. */
export const PASSWORD_CHANGE_PATH = "/account/password";

/**
 * For pages: the anonymous go to sign-in (and come back), the signed-in without the
 * permission get the 403 page.
 */
export async function requirePage(permission: Permission, returnTo: string): Promise<AppSession> {
  const session = await getSession();
  if (!session) {
    if (await getPasswordChangeSession()) redirect(`${PASSWORD_CHANGE_PATH}?callbackUrl=${encodeURIComponent(returnTo)}`);
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
  if (!can(session.user.role, permission)) redirect("/forbidden");
  return session;
}
