import { describe, expect, it } from "vitest";
import { auditChanges, auditSubject, formatAuditValue } from "./audit-diff";

describe("auditChanges", () => {
  it("lists only the fields that changed, with labels and readable values", () => {
    const before = { id: "e1", participant: "Ada", participantId: "p1", role: "MEMBER", depth: "ATTEND", endDate: null, version: 1 };
    const after = { id: "e1", participant: "Ada", participantId: "p1", role: "EDITOR", depth: "ATTEND", endDate: "2025-01-31", version: 2 };
    expect(auditChanges(before, after)).toEqual([
      { field: "role", label: "Role", before: "Member", after: "Editor" },
      { field: "endDate", label: "End date", before: null, after: "2025-01-31" },
    ]);
  });

  it("shows every set field of a create, and of a delete", () => {
    const row = { id: "x", name: "Ada", email: null, active: true, agency: "NIST", agencyId: "a1", version: 1 };
    expect(auditChanges(null, row)).toEqual([
      { field: "name", label: "Name", before: null, after: "Ada" },
      { field: "active", label: "Active", before: null, after: "Yes" },
      { field: "agency", label: "Agency", before: null, after: "NIST" },
    ]);
    expect(auditChanges(row, null).map((c) => [c.field, c.before, c.after])).toEqual([
      ["name", "Ada", null],
      ["active", "Yes", null],
      ["agency", "NIST", null],
    ]);
  });

  it("keeps an id when it has no readable twin, and tolerates non-objects", () => {
    expect(auditChanges({ committeeId: "c1" }, { committeeId: "c2" })).toEqual([
      { field: "committeeId", label: "committeeId", before: "c1", after: "c2" },
    ]);
    expect(auditChanges("junk", [1, 2])).toEqual([]);
  });

  it("formats labels of enums and empty values", () => {
    expect(formatAuditValue("kind", "ADOPTION")).toBe("Adoption of a standard");
    expect(formatAuditValue("depth", "LEAD")).toBe("Lead");
    expect(formatAuditValue("notes", "")).toBeNull();
    expect(formatAuditValue("attendees", 12)).toBe("12");
  });
});

describe("auditSubject", () => {
  it("names the record from its snapshot", () => {
    expect(auditSubject(null, { participant: "Ada", committee: "JTC 1/SC 27" })).toBe("Ada in JTC 1/SC 27");
    expect(auditSubject({ title: "Workshop" }, null)).toBe("Workshop");
    expect(auditSubject(null, { name: "Ada", email: "a@x.gov" })).toBe("Ada");
    expect(auditSubject(null, null)).toBeNull();
  });
});
