// Participation on a real database: scope for every action and role (own vs. foreign
// agency), tampered fields, optimistic-lock conflicts, audit before/after, list scoping,
// export neutralisation. Only the session is faked (see action-wrapper.test.ts).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppSession } from "@/server/auth/session";
import { BACKEND } from "./support/backend";

const sessionRef: { current: AppSession | null } = { current: null };
vi.mock("@/server/auth/session", () => ({ getSession: async () => sessionRef.current }));

const actions = await import("@/server/actions/participation");
const { db } = await import("@/server/db/client");
const { listEngagements, getEngagement, listContradictingEngagements } = await import("@/server/participation/engagements");
const { listParticipants } = await import("@/server/participation/participants");
const { exportEngagements } = await import("@/server/participation/export");
const { listAuditEvents } = await import("@/server/audit/audit-log");
const { parseEngagementFilters, parseParticipantFilters } = await import("@/domain/participation/list-filters");

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
type Role = AppSession["user"]["role"];
const sessions = new Map<string, AppSession>();
const ids = {} as Record<
  "agencyA" | "agencyB" | "sdo" | "otherSdo" | "committee" | "committee2" | "otherCommittee" | "standard" | "personA" | "personB" | "engagementB" | "activityB",
  string
>;

async function makeUser(key: string, role: Role, agencyId: string | null) {
  const email = `${key}.${tag}@test.gov`;
  const user = await db.user.create({ data: { email, name: key, role, agencyId, passwordHash: "x" } });
  sessions.set(key, {
    user: { id: user.id, email, name: key, role, agencyId, agencyAcronym: null },
    scope: { userId: user.id, role, agencyId: role === "COORDINATOR" ? agencyId : null },
  });
}
const as = (key: string) => {
  sessionRef.current = sessions.get(key)!;
};

beforeAll(async () => {
  const a = await db.agency.create({ data: { acronym: `A${tag}`, name: "Agency A" } });
  const b = await db.agency.create({ data: { acronym: `B${tag}`, name: "Agency B" } });
  ids.agencyA = a.id;
  ids.agencyB = b.id;
  const sdo = await db.sdo.create({ data: { acronym: `S${tag}`, name: "SDO", type: "consortium" } });
  const otherSdo = await db.sdo.create({ data: { acronym: `O${tag}`, name: "Other SDO", type: "consortium" } });
  ids.sdo = sdo.id;
  ids.otherSdo = otherSdo.id;
  ids.committee = (await db.committee.create({ data: { sdoId: sdo.id, designation: `S${tag}/WG 1`, title: "WG 1" } })).id;
  ids.committee2 = (await db.committee.create({ data: { sdoId: sdo.id, designation: `S${tag}/WG 2`, title: "WG 2" } })).id;
  ids.otherCommittee = (await db.committee.create({ data: { sdoId: otherSdo.id, designation: `O${tag}/TC 1`, title: "TC 1" } })).id;
  ids.standard = (await db.standard.create({ data: { sdoId: sdo.id, committeeId: ids.committee, designation: `S${tag}-1`, title: "Std", stage: "DEVELOPMENT" } })).id;
  ids.personA = (await db.participant.create({ data: { agencyId: a.id, name: `=HYPERLINK("x") ${tag}`, email: `a.${tag}@a.gov` } })).id;
  ids.personB = (await db.participant.create({ data: { agencyId: b.id, name: `Bea ${tag}`, email: `b.${tag}@b.gov` } })).id;
  ids.engagementB = (
    await db.engagement.create({ data: { participantId: ids.personB, agencyId: b.id, committeeId: ids.committee, role: "CHAIR", depth: "LEAD", startDate: new Date("2024-01-01") } })
  ).id;
  ids.activityB = (await db.activity.create({ data: { agencyId: b.id, kind: "TRAINING", title: "B training", startDate: new Date("2024-02-01") } })).id;
  await makeUser("admin", "ADMIN", null);
  await makeUser("lead", "LEAD", null);
  await makeUser("viewer", "VIEWER", null);
  await makeUser("coordA", "COORDINATOR", a.id);
  await makeUser("coordB", "COORDINATOR", b.id);
});

beforeEach(() => {
  sessionRef.current = null;
});

const engagementPayload = (over: Record<string, unknown> = {}) => ({
  participantId: ids.personA, sdoId: ids.sdo, committeeId: ids.committee, role: "MEMBER", depth: "ATTEND", startDate: "2024-10-01", ...over,
});

async function snapshotB() {
  return {
    engagement: await db.engagement.findUnique({ where: { id: ids.engagementB } }),
    person: await db.participant.findUnique({ where: { id: ids.personB } }),
    activity: await db.activity.findUnique({ where: { id: ids.activityB } }),
  };
}

describe(`participation on ${BACKEND}`, () => {
  describe("every action refuses LEAD and VIEWER and changes nothing", () => {
    const calls: [string, () => Promise<{ ok: boolean; error?: { code: string } }>][] = [
      ["createParticipant", () => actions.createParticipantAction({ name: "Nobody", agencyId: ids.agencyA })],
      ["updateParticipant", () => actions.updateParticipantAction({ id: ids.personB, version: 1, name: "Changed" })],
      ["setParticipantActive", () => actions.setParticipantActiveAction({ id: ids.personB, version: 1, active: false })],
      ["createEngagement", () => actions.createEngagementAction(engagementPayload({ participantId: ids.personB }))],
      ["updateEngagement", () => actions.updateEngagementAction({ ...engagementPayload({ participantId: ids.personB }), id: ids.engagementB, version: 1 })],
      ["endEngagement", () => actions.endEngagementAction({ id: ids.engagementB, version: 1, endDate: "2025-01-01" })],
      ["deleteEngagement", () => actions.deleteEngagementAction({ id: ids.engagementB, version: 1 })],
      ["createActivity", () => actions.createActivityAction({ kind: "TRAINING", title: "Nope nope", startDate: "2025-01-01", agencyId: ids.agencyB })],
      ["updateActivity", () => actions.updateActivityAction({ id: ids.activityB, version: 1, kind: "TRAINING", title: "Changed", startDate: "2025-01-01" })],
      ["deleteActivity", () => actions.deleteActivityAction({ id: ids.activityB, version: 1 })],
    ];
    for (const role of ["lead", "viewer"]) {
      for (const [name, call] of calls) {
        it(`${role} x ${name} -> FORBIDDEN`, async () => {
          const before = await snapshotB();
          const people = await db.participant.count();
          as(role);
          const result = await call();
          expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
          expect(await snapshotB()).toEqual(before);
          expect(await db.participant.count()).toBe(people);
        });
      }
    }
    it("anonymous x every action -> UNAUTHENTICATED", async () => {
      for (const [, call] of calls) expect(await call()).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    });
  });

  describe("a coordinator cannot touch another agency's records (crafted ids)", () => {
    const foreign: [string, () => Promise<{ ok: boolean; error?: { code: string; fieldErrors?: Record<string, string[]> } }>, string][] = [
      ["updateParticipant", () => actions.updateParticipantAction({ id: ids.personB, version: 1, name: "Hijacked" }), "NOT_FOUND"],
      ["setParticipantActive", () => actions.setParticipantActiveAction({ id: ids.personB, version: 1, active: false }), "NOT_FOUND"],
      ["createEngagement for a foreign person", () => actions.createEngagementAction(engagementPayload({ participantId: ids.personB, role: "EXPERT" })), "VALIDATION"],
      ["updateEngagement", () => actions.updateEngagementAction({ ...engagementPayload({ participantId: ids.personA }), id: ids.engagementB, version: 1 }), "NOT_FOUND"],
      ["endEngagement", () => actions.endEngagementAction({ id: ids.engagementB, version: 1, endDate: "2025-01-01" }), "NOT_FOUND"],
      ["deleteEngagement", () => actions.deleteEngagementAction({ id: ids.engagementB, version: 1 }), "NOT_FOUND"],
      ["updateActivity", () => actions.updateActivityAction({ id: ids.activityB, version: 1, kind: "TRAINING", title: "Hijacked", startDate: "2025-01-01" }), "NOT_FOUND"],
      ["deleteActivity", () => actions.deleteActivityAction({ id: ids.activityB, version: 1 }), "NOT_FOUND"],
    ];
    for (const [name, call, code] of foreign) {
      it(`coordA x ${name} -> ${code}, nothing changed`, async () => {
        const before = await snapshotB();
        as("coordA");
        const result = await call();
        expect(result).toMatchObject({ ok: false, error: { code } });
        expect(await snapshotB()).toEqual(before);
      });
    }

    it("a tampered agencyId is ignored: the row lands in the coordinator's own agency", async () => {
      as("coordA");
      const result = await actions.createParticipantAction({ name: `Tampered ${tag}`, agencyId: ids.agencyB });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect((await db.participant.findUniqueOrThrow({ where: { id: result.data.id } })).agencyId).toBe(ids.agencyA);
      const activity = await actions.createActivityAction({ kind: "TRAINING", title: `Tampered ${tag}`, startDate: "2025-01-01", agencyId: ids.agencyB });
      expect(activity.ok).toBe(true);
      if (activity.ok) expect((await db.activity.findUniqueOrThrow({ where: { id: activity.data.id } })).agencyId).toBe(ids.agencyA);
    });

    it("reads are scoped too: a foreign id finds nothing, a foreign agency filter is overridden", async () => {
      const coordA = sessions.get("coordA")!.scope;
      expect(await getEngagement(coordA, ids.engagementB)).toBeNull();
      const list = await listEngagements(coordA, parseEngagementFilters({ agency: ids.agencyB }));
      expect(list.rows.every((r) => r.agencyId === ids.agencyA)).toBe(true);
      const people = await listParticipants(coordA, parseParticipantFilters({ agency: ids.agencyB, status: "all" }));
      expect(people.rows.map((p) => p.agencyId)).not.toContain(ids.agencyB);
      expect(people.total).toBeGreaterThan(0);
    });
  });

  describe("own agency: create, edit, end, delete with audit", () => {
    it("coordinator logs an engagement; the audit has before/after and the agency", async () => {
      as("coordA");
      const created = await actions.createEngagementAction(engagementPayload({ role: "EDITOR", depth: "LEAD", standardId: ids.standard, notes: "@SUM(1)" }));
      expect(created.ok).toBe(true);
      if (!created.ok) return;
      const row = await db.engagement.findUniqueOrThrow({ where: { id: created.data.id } });
      expect(row).toMatchObject({ agencyId: ids.agencyA, role: "EDITOR", depth: "LEAD", version: 1, endDate: null });
      const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.data.id, action: "engagement.create" } });
      expect(audit).toMatchObject({ entityType: "Engagement", agencyId: ids.agencyA, actorId: sessions.get("coordA")!.user.id });
      expect(audit.before).toBeNull();
      expect(audit.after).toMatchObject({ role: "EDITOR", depth: "LEAD", startDate: "2024-10-01", endDate: null, version: 1 });

      const updated = await actions.updateEngagementAction({ ...engagementPayload({ role: "EXPERT", depth: "CONTRIBUTE", standardId: ids.standard }), id: created.data.id, version: 1 });
      expect(updated).toMatchObject({ ok: true, data: { version: 2 } });
      const updateAudit = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.data.id, action: "engagement.update" } });
      expect(updateAudit.before).toMatchObject({ depth: "LEAD", version: 1 });
      expect(updateAudit.after).toMatchObject({ depth: "CONTRIBUTE", version: 2 });

      const ended = await actions.endEngagementAction({ id: created.data.id, version: 2, endDate: "2025-06-30" });
      expect(ended).toMatchObject({ ok: true, data: { version: 3 } });
      expect((await db.engagement.findUniqueOrThrow({ where: { id: created.data.id } })).endDate?.toISOString().slice(0, 10)).toBe("2025-06-30");

      const removed = await actions.deleteEngagementAction({ id: created.data.id, version: 3 });
      expect(removed.ok).toBe(true);
      expect(await db.engagement.count({ where: { id: created.data.id } })).toBe(0);
      const deleteAudit = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.data.id, action: "engagement.delete" } });
      expect(deleteAudit.before).toMatchObject({ endDate: "2025-06-30" });
      expect(deleteAudit.after).toBeNull();
    });

    it("the second of two edits from the same version is refused with the current values", async () => {
      as("coordA");
      const created = await actions.createEngagementAction(engagementPayload({ role: "LIAISON", committeeId: ids.committee2 }));
      if (!created.ok) throw new Error(JSON.stringify(created.error));
      const first = await actions.updateEngagementAction({ ...engagementPayload({ role: "LIAISON", committeeId: ids.committee2, notes: "first" }), id: created.data.id, version: 1 });
      expect(first.ok).toBe(true);
      const second = await actions.updateEngagementAction({ ...engagementPayload({ role: "LIAISON", committeeId: ids.committee2, notes: "second" }), id: created.data.id, version: 1 });
      expect(second.ok).toBe(false);
      if (second.ok) return;
      expect(second.error.code).toBe("CONFLICT");
      expect(second.error.message).toMatch(/Someone else changed this engagement/);
      expect(second.error.current).toMatchObject({ notes: "first", version: 2 });
      expect((await db.engagement.findUniqueOrThrow({ where: { id: created.data.id } })).notes).toBe("first");
      // Stale delete and stale end are refused as well.
      expect(await actions.deleteEngagementAction({ id: created.data.id, version: 1 })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
      expect(await actions.endEngagementAction({ id: created.data.id, version: 1, endDate: "2025-01-01" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
      expect(await db.engagement.count({ where: { id: created.data.id } })).toBe(1);
    });

    it("participant edits are locked the same way", async () => {
      as("coordA");
      const person = await actions.createParticipantAction({ name: `Lock ${tag}` });
      if (!person.ok) throw new Error("create failed");
      expect((await actions.updateParticipantAction({ id: person.data.id, version: 1, name: `Lock one ${tag}` })).ok).toBe(true);
      const stale = await actions.updateParticipantAction({ id: person.data.id, version: 1, name: `Lock two ${tag}` });
      expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT", current: { name: `Lock one ${tag}` } } });
    });

    it("field rules that need the database come back next to the field", async () => {
      as("coordA");
      const wrongSdo = await actions.createEngagementAction(engagementPayload({ committeeId: ids.otherCommittee, role: "DELEGATE" }));
      expect(wrongSdo).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { committeeId: ["This committee does not belong to the chosen SDO"] } } });
      const future = await actions.createEngagementAction(engagementPayload({ startDate: `${new Date().getUTCFullYear() + 3}-01-01`, role: "DELEGATE" }));
      expect(future).toMatchObject({ ok: false, error: { fieldErrors: { startDate: ["The start date cannot be more than a year from today"] } } });
      expect((await actions.createEngagementAction(engagementPayload({ role: "SECRETARY", depth: "LEAD" }))).ok).toBe(true);
      const duplicate = await actions.createEngagementAction(engagementPayload({ role: "SECRETARY", depth: "LEAD" }));
      expect(duplicate).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { committeeId: [expect.stringMatching(/already has an active engagement/)] } } });
      const endBeforeStart = await actions.createEngagementAction(engagementPayload({ role: "OBSERVER", endDate: "2024-09-01" }));
      expect(endBeforeStart).toMatchObject({ ok: false, error: { fieldErrors: { endDate: ["The end date cannot be before the start date"] } } });
    });

    it("an admin must choose the agency, and may act on any agency", async () => {
      as("admin");
      expect(await actions.createParticipantAction({ name: `Admin made ${tag}` })).toMatchObject({ ok: false, error: { fieldErrors: { agencyId: ["Choose an agency"] } } });
      expect((await actions.createParticipantAction({ name: `Admin made ${tag}`, agencyId: ids.agencyB })).ok).toBe(true);
      const activity = await db.activity.create({ data: { agencyId: ids.agencyB, kind: "ADOPTION", title: "x", standardId: ids.standard, startDate: new Date("2024-01-01") } });
      expect((await actions.deleteActivityAction({ id: activity.id, version: 1 })).ok).toBe(true);
    });
  });

  describe("what the coverage numbers need from entry (issue 12)", () => {
    it("accepts an engagement at the SDO level on a standard of an SDO without committees", async () => {
      const noCommittees = await db.sdo.create({ data: { acronym: `N${tag}`, name: "No committees", type: "government" } });
      const sp = await db.standard.create({ data: { sdoId: noCommittees.id, designation: `N${tag} SP 800-160`, title: "Systems security engineering", stage: "REVISION" } });
      as("coordA");
      const created = await actions.createEngagementAction(engagementPayload({ sdoId: noCommittees.id, committeeId: "", standardId: sp.id }));
      expect(created.ok).toBe(true);
      const row = await db.engagement.findUniqueOrThrow({ where: { id: created.ok ? created.data.id : "" } });
      expect(row).toMatchObject({ committeeId: null, standardId: sp.id });
      // Neither committee nor standard: a field error, not an internal error.
      const neither = await actions.createEngagementAction(engagementPayload({ sdoId: noCommittees.id, committeeId: "" }));
      expect(neither).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { committeeId: [expect.stringContaining("or a standard")] } } });
      // At the SDO level the standard must be that SDO's.
      const foreign = await actions.createEngagementAction(engagementPayload({ sdoId: noCommittees.id, committeeId: "", standardId: ids.standard }));
      expect(foreign).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { standardId: ["At the SDO level, choose a standard of the chosen SDO"] } } });
    });

    it("refuses a leadership role at a depth other than Lead, with a field error", async () => {
      as("coordA");
      const result = await actions.createEngagementAction(engagementPayload({ role: "CONVENOR", depth: "CONTRIBUTE", startDate: "2024-11-01" }));
      expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { depth: [expect.stringContaining("held at depth “Lead”")] } } });
      const ok = await actions.createEngagementAction(engagementPayload({ role: "CONVENOR", depth: "LEAD", startDate: "2024-11-01" }));
      expect(ok.ok).toBe(true);
    });

    it("lists existing contradicting rows for admins without rewriting them", async () => {
      const legacy = await db.engagement.create({
        data: { participantId: ids.personB, agencyId: ids.agencyB, committeeId: ids.committee2, role: "EDITOR", depth: "ATTEND", startDate: new Date("2023-01-01") },
      });
      const { rows, total } = await listContradictingEngagements();
      expect(rows.map((r) => r.id)).toContain(legacy.id);
      expect(total).toBeGreaterThanOrEqual(1);
      expect(rows.every((r) => r.depth !== "LEAD")).toBe(true);
      expect((await db.engagement.findUniqueOrThrow({ where: { id: legacy.id } })).depth).toBe("ATTEND");
    });

    it("confirms a seat still active with one click: today, audited, own agency only, not an ended seat", async () => {
      as("coordA");
      const created = await actions.createEngagementAction(engagementPayload({ committeeId: ids.committee2, startDate: "2024-03-01" }));
      if (!created.ok) throw new Error("setup");
      const before = await db.engagement.findUniqueOrThrow({ where: { id: created.data.id } });
      expect(before.lastConfirmedOn).toBeNull();
      const confirmed = await actions.confirmEngagementAction({ id: before.id, version: before.version });
      const today = new Date().toISOString().slice(0, 10);
      expect(confirmed).toEqual({ ok: true, data: { id: before.id, version: before.version + 1, lastConfirmedOn: today } });
      const event = await db.auditEvent.findFirstOrThrow({ where: { action: "engagement.confirm", entityId: before.id } });
      expect(event.after).toMatchObject({ lastConfirmedOn: today });
      expect(event.before).toMatchObject({ lastConfirmedOn: null });
      // A stale version is a conflict; another agency's seat is not found.
      expect(await actions.confirmEngagementAction({ id: before.id, version: before.version })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
      as("coordB");
      expect(await actions.confirmEngagementAction({ id: before.id, version: before.version + 1 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      as("viewer");
      expect(await actions.confirmEngagementAction({ id: before.id, version: before.version + 1 })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      as("coordA");
      const ended = await actions.createEngagementAction(engagementPayload({ committeeId: ids.committee2, role: "EXPERT", depth: "CONTRIBUTE", startDate: "2024-03-01", endDate: "2024-06-01" }));
      if (!ended.ok) throw new Error("setup");
      expect(await actions.confirmEngagementAction({ id: ended.data.id, version: 1 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    });
  });

  describe("exports and the audit trail follow the scope", () => {
    it("CSV export neutralises formulas and leaves out foreign rows", async () => {
      const coordA = sessions.get("coordA")!.scope;
      let csv = "";
      for await (const chunk of exportEngagements(coordA, parseEngagementFilters({ q: tag }), "csv")) csv += chunk;
      const lines = csv.trim().split("\r\n");
      expect(lines[0]).toBe("id,participant,agency,sdo,committee,standard,role,depth,start_date,end_date,last_confirmed_on,notes");
      expect(lines.length).toBeGreaterThan(1);
      expect(csv).toContain(`"'=HYPERLINK(""x"") ${tag}"`);
      expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
      expect(csv).not.toContain(`Bea ${tag}`);
      let json = "";
      for await (const chunk of exportEngagements(coordA, parseEngagementFilters({ q: tag }), "json")) json += chunk;
      const parsed = JSON.parse(json) as { agency: string }[];
      expect(parsed.length).toBe(lines.length - 1);
      expect(parsed.every((r) => r.agency === `A${tag}`)).toBe(true);
    });

    it("a coordinator's audit view holds only their agency's events", async () => {
      const coordA = sessions.get("coordA")!.scope;
      const admin = sessions.get("admin")!.scope;
      const mine = await listAuditEvents(coordA, { page: 1 });
      expect(mine.total).toBeGreaterThan(0);
      expect(mine.rows.every((e) => e.agencyId === ids.agencyA)).toBe(true);
      const all = await listAuditEvents(admin, { page: 1 });
      expect(all.total).toBeGreaterThan(mine.total);
    });
  });
});
