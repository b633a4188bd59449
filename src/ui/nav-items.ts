// The header's links and the permission each needs; the layout filters them with can().
// Reference pages are grouped under one "Reference" disclosure by the navigation.
import type { Permission } from "@/server/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: (NavItem & { permission: Permission })[] = [
  { href: "/", label: "Home", permission: "reference.read" },
  { href: "/dashboard", label: "Dashboard", permission: "dashboard.read" },
  { href: "/participants", label: "Participants", permission: "participation.read" },
  { href: "/engagements", label: "Engagements", permission: "participation.read" },
  { href: "/activities", label: "Activities", permission: "participation.read" },
  { href: "/data-calls", label: "Data calls", permission: "datacall.read" },
  { href: "/objectives", label: "Objectives", permission: "reference.read" },
  { href: "/recommendations", label: "Recommendations", permission: "reference.read" },
  { href: "/core-areas", label: "Core areas", permission: "reference.read" },
  { href: "/key-applications", label: "Key applications", permission: "reference.read" },
  { href: "/sdos", label: "SDOs", permission: "reference.read" },
  { href: "/standards", label: "Standards", permission: "reference.read" },
  { href: "/agencies", label: "Agencies", permission: "reference.read" },
  { href: "/audit", label: "Audit", permission: "audit.read" },
  { href: "/api-tokens", label: "API tokens", permission: "apitoken.own" },
  { href: "/admin/imports", label: "Imports", permission: "import.run" },
  { href: "/admin/users", label: "Users", permission: "user.manage" },
  { href: "/admin/coverage", label: "Coverage settings", permission: "settings.manage" },
  { href: "/admin/sign-in", label: "Sign-in rules", permission: "user.manage" },
];

/** Links shown inside the "Reference" group rather than in the top row. */
export const REFERENCE_HREFS: readonly string[] = [
  "/objectives", "/recommendations", "/core-areas", "/key-applications", "/sdos", "/standards", "/agencies",
];
