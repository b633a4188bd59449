// Dark navy header: product name, the signed-in user (name, role, agency) and sign-out,
// then the primary navigation filtered to what the role may use.
import Link from "@/ui/link";
import { MainNav } from "./main-nav";
import type { NavItem } from "./nav-items";
import { SignOutButton } from "./sign-out-button";

export interface HeaderUser {
  name: string;
  role: string;
  agencyAcronym: string | null;
}

const ROLE_LABEL: Record<string, string> = {
  ADMIN: "Administrator",
  LEAD: "Lead",
  COORDINATOR: "Coordinator",
  VIEWER: "Viewer",
};

export function roleLabel(role: string): string {
  return ROLE_LABEL[role] ?? role;
}

export function SiteHeader({ user, nav }: { user: HeaderUser | null; nav: NavItem[] }) {
  return (
    <header className="bg-[#162e51] text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-4">
        <div>
          <Link href="/" className="text-xl font-bold text-white no-underline hover:underline sm:text-2xl">
            Standards Engagement Tracker
          </Link>
          <p className="m-0 text-sm text-[#dfe1e2]">U.S. Government engagement in international cybersecurity standards (NISTIR 8074)</p>
        </div>
        {user ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p className="m-0">
              <span className="sr-only">Signed in as </span>
              <Link href="/account" className="font-semibold text-white">
                {user.name}
              </Link>
              <span className="text-[#dfe1e2]">
                {" "}
                · {roleLabel(user.role)}
                {user.agencyAcronym ? ` · ${user.agencyAcronym}` : ""}
              </span>
            </p>
            <SignOutButton />
          </div>
        ) : (
          <Link href="/sign-in" className="rounded border border-white px-3 py-1 text-sm font-semibold text-white no-underline">
            Sign in
          </Link>
        )}
      </div>
      <MainNav items={nav} />
    </header>
  );
}
