import { describe, expect, it } from "vitest";
import { can, isAgencyScoped, PERMISSION_NAMES, ROLES } from "./permissions";

// The whole table, written out independently: a change to PERMISSIONS must be mirrored here.
const EXPECTED: Record<string, string[]> = {
  "reference.read": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
  "reference.write": ["ADMIN"],
  "participation.read": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
  "participation.write": ["ADMIN", "COORDINATOR"],
  "dashboard.read": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
  "audit.read": ["ADMIN", "COORDINATOR"],
  "import.run": ["ADMIN"],
  "user.manage": ["ADMIN"],
  "settings.manage": ["ADMIN"],
  "datacall.manage": ["ADMIN"],
  "datacall.prepare": ["ADMIN", "COORDINATOR"],
  "datacall.read": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
  "apitoken.own": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
  "apitoken.admin": ["ADMIN"],
  "account.own": ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"],
};

describe("role -> permission table", () => {
  it("names exactly the expected permissions", () => {
    expect([...PERMISSION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of PERMISSION_NAMES) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission]!.includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
    it(`denies ${permission} to unknown roles and to no session`, () => {
      expect(can("SUPERUSER", permission)).toBe(false);
      expect(can("admin", permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
      expect(can(null, permission)).toBe(false);
      expect(can("", permission)).toBe(false);
    });
  }

  it("denies permissions that do not exist", () => {
    expect(can("ADMIN", "everything" as never)).toBe(false);
  });

  it("scopes only coordinators to their agency", () => {
    expect(ROLES.filter(isAgencyScoped)).toEqual(["COORDINATOR"]);
  });
});
