// The action wrapper's order of checks and its transaction, against the real database.
// Only the session is faked (there is no HTTP request in a unit of this kind); the
// end-to-end tests exercise real sign-in.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AppSession } from "@/server/auth/session";
import { BACKEND } from "./support/backend";

const sessionRef: { current: AppSession | null } = { current: null };
vi.mock("@/server/auth/session", () => ({ getSession: async () => sessionRef.current }));

const { action } = await import("@/server/actions/action");
const { db } = await import("@/server/db/client");
const { UserError } = await import("@/server/errors");

const stamp = Date.now();
let counter = 0;
const acronym = () => `W${stamp}${counter++}`;

const userIds = new Map<string, string>();
let agencyForCoordinator = "";

beforeAll(async () => {
  agencyForCoordinator = (await db.agency.create({ data: { acronym: `WA${stamp}`, name: "Wrapper test agency" } })).id;
  for (const role of ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"] as const) {
    const user = await db.user.create({
      data: {
        email: `${role.toLowerCase()}.${stamp}@test.gov`,
        name: role,
        role,
        passwordHash: "not-used",
        agencyId: role === "COORDINATOR" ? agencyForCoordinator : null,
      },
    });
    userIds.set(role, user.id);
  }
});

const sessionAs = (role: AppSession["user"]["role"]): AppSession => {
  const id = userIds.get(role)!;
  const agencyId = role === "COORDINATOR" ? agencyForCoordinator : null;
  return {
    user: { id, email: `${role.toLowerCase()}.${stamp}@test.gov`, name: role, role, agencyId, agencyAcronym: null },
    scope: { userId: id, role, agencyId },
  };
};

const input = z.object({ acronym: z.string().min(2, "Too short"), name: z.string().min(1, "Required"), failAfterWrite: z.string().optional() });

const createAgencyAction = action({ input, permission: "reference.write", audit: "test.agency.create" }, async ({ input, tx }) => {
  const agency = await tx.agency.create({ data: { acronym: input.acronym, name: input.name } });
  if (input.failAfterWrite === "user") throw new UserError("CONFLICT", "Refused after a write.");
  if (input.failAfterWrite === "crash") throw new Error("secret internal detail: SELECT * FROM x");
  return { data: { id: agency.id }, audit: { entityType: "Agency", entityId: agency.id, before: null, after: agency } };
});

const auditCount = (entityId?: string) => db.auditEvent.count({ where: { action: "test.agency.create", ...(entityId ? { entityId } : {}) } });

beforeEach(() => {
  sessionRef.current = null;
});

describe(`action wrapper on ${BACKEND}`, () => {
  it("refuses without a session and writes nothing", async () => {
    const code = acronym();
    const result = await createAgencyAction({ acronym: code, name: "X" });
    expect(result).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await db.agency.count({ where: { acronym: code } })).toBe(0);
  });

  it("validates with zod and returns field errors", async () => {
    sessionRef.current = sessionAs("ADMIN");
    const result = await createAgencyAction({ acronym: "A", name: "" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("VALIDATION");
    expect(result.error.fieldErrors).toEqual({ acronym: ["Too short"], name: ["Required"] });
  });

  it("accepts FormData as the form payload", async () => {
    sessionRef.current = sessionAs("ADMIN");
    const form = new FormData();
    const code = acronym();
    form.set("acronym", code);
    form.set("name", "From a form");
    const result = await createAgencyAction(undefined, form);
    expect(result.ok).toBe(true);
    expect(await db.agency.count({ where: { acronym: code } })).toBe(1);
  });

  for (const role of ["LEAD", "COORDINATOR", "VIEWER"] as const) {
    it(`refuses ${role} (no reference.write) and writes nothing`, async () => {
      sessionRef.current = sessionAs(role);
      const code = acronym();
      const result = await createAgencyAction({ acronym: code, name: "X" });
      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await db.agency.count({ where: { acronym: code } })).toBe(0);
    });

    it(`refuses ${role} before validating: invalid input gives FORBIDDEN and no field errors`, async () => {
      sessionRef.current = sessionAs(role);
      const result = await createAgencyAction({ acronym: "A", name: "" });
      expect(result).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "You do not have permission to do this." } });
    });
  }

  it("writes the record and its audit event with before/after in one go", async () => {
    sessionRef.current = sessionAs("ADMIN");
    const code = acronym();
    const result = await createAgencyAction({ acronym: code, name: "Audited" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: result.data.id } });
    expect(event).toMatchObject({ action: "test.agency.create", entityType: "Agency", actorEmail: `admin.${stamp}@test.gov`, actorId: userIds.get("ADMIN") });
    expect(event.before).toBeNull();
    expect(event.after).toMatchObject({ acronym: code, name: "Audited" });
  });

  it("rolls back the write when the handler refuses, and says why", async () => {
    sessionRef.current = sessionAs("ADMIN");
    const code = acronym();
    const before = await auditCount();
    const result = await createAgencyAction({ acronym: code, name: "X", failAfterWrite: "user" });
    expect(result).toEqual({ ok: false, error: { code: "CONFLICT", message: "Refused after a write.", fieldErrors: undefined, current: undefined } });
    expect(await db.agency.count({ where: { acronym: code } })).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("masks unexpected errors behind a reference id and rolls back", async () => {
    sessionRef.current = sessionAs("ADMIN");
    const code = acronym();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await createAgencyAction({ acronym: code, name: "X", failAfterWrite: "crash" });
    spy.mockRestore();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("INTERNAL");
    expect(result.error.message).toMatch(/^Something went wrong \(reference [0-9a-f-]{36}\)\. Nothing was saved\.$/);
    expect(JSON.stringify(result)).not.toMatch(/SELECT|secret/);
    expect(await db.agency.count({ where: { acronym: code } })).toBe(0);
  });

  it("turns a unique violation into a CONFLICT message", async () => {
    sessionRef.current = sessionAs("ADMIN");
    const code = acronym();
    expect((await createAgencyAction({ acronym: code, name: "First" })).ok).toBe(true);
    const again = await createAgencyAction({ acronym: code, name: "Second" });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});
