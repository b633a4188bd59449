// For generateMetadata: only name a record in the page title when the visitor may read it
// (metadata can render alongside the page's own guard).
import "server-only";
import { getSession } from "@/server/auth/session";
import { can, type Permission } from "@/server/auth/permissions";

export async function sessionCan(permission: Permission): Promise<boolean> {
  const session = await getSession();
  return Boolean(session && can(session.user.role, permission));
}
