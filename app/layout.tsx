// Page chrome: skip link, official-site banner, header with role-filtered navigation,
// main landmark, footer. Not a guard: every page checks its own permission.
import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata } from "next";
import { connection } from "next/server";
import { getPasswordChangeSession, getSession } from "@/server/auth/session";
import { can } from "@/server/auth/permissions";
import { GovBanner } from "@/ui/gov-banner";
import { NAV_ITEMS } from "@/ui/nav-items";
import { SiteHeader } from "@/ui/site-header";
import { ZodCsp } from "@/ui/zod-csp";

export const metadata: Metadata = {
  title: { template: "%s — Standards Engagement Tracker", default: "Standards Engagement Tracker" },
  description: "Tracks U.S. federal participation in international cybersecurity standards development (NISTIR 8074).",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The header depends on the signed-in user: render per request, never at build time.
  await connection();
  const session = await getSession();
  const role = session?.user.role;
  const nav = session ? NAV_ITEMS.filter((item) => can(role, item.permission)).map(({ href, label }) => ({ href, label })) : [];
  // A person who must change their password first sees who they are and "Sign out", no navigation.
  const shown = session ?? (await getPasswordChangeSession());
  const user = shown ? { name: shown.user.name, role: shown.user.role, agencyAcronym: shown.user.agencyAcronym } : null;
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <ZodCsp />
        <a href="#main-content" className="skip-link">
          Skip to main content
        </a>
        <GovBanner />
        <SiteHeader user={user} nav={nav} />
        <main id="main-content" tabIndex={-1} className="flex-1">
          <div className="mx-auto max-w-6xl px-4 py-8">{children}</div>
        </main>
        <footer className="mt-8 border-t border-[#dfe1e2] bg-[#f0f0f0]">
          <div className="mx-auto max-w-6xl px-4 py-6 text-sm">
            <p className="m-0 font-semibold">Standards Engagement Tracker</p>
            <p className="m-0 mt-1">
              Organised around NISTIR 8074, Interagency Report on Strategic U.S. Government Engagement in International
              Standardization to Achieve U.S. Objectives for Cybersecurity (
              <a href="https://doi.org/10.6028/NIST.IR.8074v1">Vol. 1</a>,{" "}
              <a href="https://doi.org/10.6028/NIST.IR.8074v2">Vol. 2</a>, December 2015).
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
