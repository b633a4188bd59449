// The header's links and the permission each needs; the layout filters them with can().
import type { Permission } from "@/server/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: (NavItem & { permission: Permission })[] = [
  { href: "/", label: "Home", permission: "reference.read" },
  { href: "/objectives", label: "Objectives", permission: "reference.read" },
  { href: "/recommendations", label: "Recommendations", permission: "reference.read" },
  { href: "/core-areas", label: "Core areas", permission: "reference.read" },
  { href: "/key-applications", label: "Key applications", permission: "reference.read" },
  { href: "/sdos", label: "SDOs", permission: "reference.read" },
  { href: "/standards", label: "Standards", permission: "reference.read" },
  { href: "/agencies", label: "Agencies", permission: "reference.read" },
  { href: "/admin/users", label: "Users", permission: "user.manage" },
];
