// The fiscal-year data call on a real database: the whole workflow per role (open, narrative,
// submit, return, resubmit, accept, correct as a new version), crafted requests for another
// agency, frozen snapshots, the year-over-year comparison, the board with a fixed clock,
// the roll-up and the audit trail. Only the session is faked (see action-wrapper.test.ts).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppSession } from "@/server/auth/session";
import { BACKEND } from "./support/backend";

const sessionRef: { current: AppSession | null } = { current: null };
vi.mock("@/server/auth/session", () => ({ getSession: async () => sessionRef.current }));

const actions = await import("@/server/actions/data-call");
const participation = await import("@/server/actions/participation");
const { db } = await import("@/server/db/client");
const { loadBoard, loadRollUp, loadSubmission } = await import("@/server/data-call/submissions");
const { snapshotHash, changedFigures } = await import("@/domain/data-call/snapshot");
const { assembleCounted, assembleDataCall, assembleGrouped, countedFigures } = await import("@/domain/data-call/assembly");
const rows = await import("@/server/data-call/assembly-rows");
const cacheModule = await import("@/server/coverage/report-cache");
const { readEnv, reportConcurrency } = await import("@/lib/env");
const { seedReference } = await import("../../seeds/reference");
const { seedDefaultIndicators } = await import("@/server/coverage/indicator-seed");
const submissionExport = await import("../../app/data-calls/[fy]/[agencyId]/export/route");
const rollUpExport = await import("../../app/data-calls/[fy]/rollup/export/route");

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
type Role = AppSession["user"]["role"];
const sessions = new Map<string, AppSession>();
const ids = {} as Record<"agencyA" | "agencyB" | "sdo" | "committee" | "standard" | "personA" | "personA2" | "e1" | "e2" | "eOld" | "adoption" | "call2025" | "call2026", string>;
const day = (d: string) => new Date(`${d}T00:00:00Z`);

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
const narrative = { importance: "Standards carry our mission.", uses: "Procurement and regulation.", examples: "TLS 1.3 everywhere.", gaps: "Post-quantum migration." };

beforeAll(async () => {
  await seedReference(db);
  await seedDefaultIndicators(db);
  const coreArea = await db.coreArea.findFirstOrThrow({ orderBy: { id: "asc" } });
  ids.agencyA = (await db.agency.create({ data: { acronym: `A${tag}`, name: "Agency A" } })).id;
  ids.agencyB = (await db.agency.create({ data: { acronym: `B${tag}`, name: "Agency B" } })).id;
  ids.sdo = (await db.sdo.create({ data: { acronym: `S${tag}`, name: "SDO", type: "consortium" } })).id;
  ids.committee = (await db.committee.create({ data: { sdoId: ids.sdo, designation: `S${tag}/WG 1`, title: "WG 1" } })).id;
  await db.coreAreaCommittee.create({ data: { coreAreaId: coreArea.id, committeeId: ids.committee } });
  ids.standard = (await db.standard.create({ data: { sdoId: ids.sdo, committeeId: ids.committee, designation: `S${tag}-1`, title: "Std", stage: "DEVELOPMENT" } })).id;
  ids.personA = (await db.participant.create({ data: { agencyId: ids.agencyA, name: "Ada" } })).id;
  ids.personA2 = (await db.participant.create({ data: { agencyId: ids.agencyA, name: "Bob" } })).id;
  const engagement = (participantId: string, role: "CHAIR" | "MEMBER", startDate: string, endDate: string | null) =>
    db.engagement.create({ data: { participantId, agencyId: ids.agencyA, committeeId: ids.committee, role, depth: role === "CHAIR" ? "LEAD" : "ATTEND", startDate: day(startDate), endDate: endDate ? day(endDate) : null } });
  ids.e1 = (await engagement(ids.personA, "CHAIR", "2024-06-01", null)).id; // FY2024..FY2026
  ids.e2 = (await engagement(ids.personA2, "MEMBER", "2025-11-15", null)).id; // FY2026 only
  ids.eOld = (await engagement(ids.personA2, "MEMBER", "2023-01-01", "2025-03-01")).id; // FY2025 only
  ids.adoption = (
    await db.activity.create({
      data: { agencyId: ids.agencyA, kind: "ADOPTION", title: "Adopt", standardId: ids.standard, standardUse: "GOVERNMENT_UNIQUE", governmentUniqueReason: "No voluntary standard fits our classified use.", startDate: day("2026-02-01") },
    })
  ).id;
  await makeUser("admin", "ADMIN", null);
  await makeUser("lead", "LEAD", null);
  await makeUser("viewer", "VIEWER", null);
  await makeUser("coordA", "COORDINATOR", ids.agencyA);
  await makeUser("coordB", "COORDINATOR", ids.agencyB);
});

beforeEach(() => {
  sessionRef.current = null;
});

async function submissionOf(agencyId: string, dataCallId: string) {
  return db.agencySubmission.findUnique({ where: { dataCallId_agencyId: { dataCallId, agencyId } }, include: { snapshots: { orderBy: { version: "asc" } }, reviews: true } });
}

describe(`data call on ${BACKEND}`, () => {
  it("only admins open a data call; one per fiscal year", async () => {
    const input = { fiscalYear: 2026, dueDate: "2026-11-30", instructions: "Report your FY2026 standards activity." };
    for (const role of ["lead", "viewer", "coordA"]) {
      as(role);
      expect(await actions.openDataCallAction(input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await db.dataCall.count()).toBe(0);
    as("admin");
    const opened = await actions.openDataCallAction(input);
    expect(opened).toMatchObject({ ok: true, data: { fiscalYear: 2026 } });
    ids.call2026 = (opened as { data: { id: string } }).data.id;
    expect(await actions.openDataCallAction(input)).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { fiscalYear: ["A data call for FY2026 is already open"] } } });
    expect(await actions.openDataCallAction({ ...input, fiscalYear: 2025, dueDate: "2025-02-30" })).toMatchObject({
      ok: false, error: { fieldErrors: { dueDate: ["Enter the due date as a real date (YYYY-MM-DD)"] } },
    });
    const last = await actions.openDataCallAction({ ...input, fiscalYear: 2025, dueDate: "2025-11-30" });
    ids.call2025 = (last as { data: { id: string } }).data.id;
  });

  it("an admin prepares, submits and accepts FY2025 for agency A (the previous year)", async () => {
    as("admin");
    expect(await actions.saveNarrativeAction({ dataCallId: ids.call2025, agencyId: ids.agencyA, revision: 1, ...narrative })).toMatchObject({ ok: true });
    const submitted = await actions.submitSubmissionAction({ dataCallId: ids.call2025, agencyId: ids.agencyA });
    expect(submitted).toMatchObject({ ok: true, data: { version: 1 } });
    const s = (await submissionOf(ids.agencyA, ids.call2025))!;
    expect(await actions.reviewSubmissionAction({ submissionId: s.id, snapshotVersion: 1, decision: "ACCEPTED" })).toMatchObject({ ok: true, data: { status: "ACCEPTED" } });
    const figures = s.snapshots[0]!.figures as { participation: { summary: { key: string; ids: string[] }[] } };
    expect(figures.participation.summary[0]).toMatchObject({ key: "participation.engagements", ids: [ids.e1, ids.eOld].sort() });
  });

  it("a crafted request for another agency's submission changes nothing", async () => {
    const before = await db.agencySubmission.count();
    const snapshots = await db.submissionSnapshot.count();
    as("coordB");
    expect(await actions.saveNarrativeAction({ dataCallId: ids.call2026, agencyId: ids.agencyA, revision: 1, ...narrative })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await actions.submitSubmissionAction({ dataCallId: ids.call2026, agencyId: ids.agencyA })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await actions.correctSubmissionAction({ dataCallId: ids.call2025, agencyId: ids.agencyA, reason: "Hijack the accepted report" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const accepted = (await submissionOf(ids.agencyA, ids.call2025))!;
    expect(await actions.reviewSubmissionAction({ submissionId: accepted.id, snapshotVersion: 1, decision: "RETURNED", reason: "Coordinators cannot review" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    for (const role of ["lead", "viewer"]) {
      as(role);
      expect(await actions.saveNarrativeAction({ dataCallId: ids.call2026, agencyId: ids.agencyA, revision: 1, ...narrative })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await actions.submitSubmissionAction({ dataCallId: ids.call2026, agencyId: ids.agencyA })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    sessionRef.current = null;
    expect(await actions.submitSubmissionAction({ dataCallId: ids.call2026, agencyId: ids.agencyA })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await db.agencySubmission.count()).toBe(before);
    expect(await db.submissionSnapshot.count()).toBe(snapshots);
    expect((await submissionOf(ids.agencyA, ids.call2025))!.status).toBe("ACCEPTED");
    // Nor can coordinator B read it.
    expect(await loadSubmission(sessions.get("coordB")!, 2026, ids.agencyA, new Date("2026-10-15"))).toBeNull();
  });

  it("coordinator A: narrative, submit; admin returns with a reason; fix and resubmit; admin accepts", async () => {
    as("coordA");
    const empty = await actions.submitSubmissionAction({ dataCallId: ids.call2026, agencyId: ids.agencyA });
    expect(empty).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { importance: [expect.stringContaining("before submitting")] } } });
    const saved = await actions.saveNarrativeAction({ dataCallId: ids.call2026, agencyId: ids.agencyA, revision: 1, ...narrative, gaps: "" });
    expect(saved).toMatchObject({ ok: true, data: { status: "DRAFT", revision: 2 } });
    expect(await actions.saveNarrativeAction({ dataCallId: ids.call2026, agencyId: ids.agencyA, revision: 1, ...narrative })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await actions.saveNarrativeAction({ dataCallId: ids.call2026, agencyId: ids.agencyA, revision: 2, ...narrative, importance: "bad\u0000byte" })).toMatchObject({
      ok: false, error: { code: "VALIDATION", fieldErrors: { importance: [expect.stringContaining("U+0000 NUL")] } },
    });
    expect(await actions.saveNarrativeAction({ dataCallId: ids.call2026, agencyId: ids.agencyA, revision: 2, ...narrative })).toMatchObject({ ok: true });
    const first = await actions.submitSubmissionAction({ dataCallId: ids.call2026, agencyId: ids.agencyA });
    expect(first).toMatchObject({ ok: true, data: { version: 1 } });
    let s = (await submissionOf(ids.agencyA, ids.call2026))!;
    expect(s.status).toBe("SUBMITTED");
    const snap = s.snapshots[0]!;
    expect(snap.contentHash).toBe(snapshotHash(snap.figures as never, narrative));
    expect(snap.narrative).toEqual(narrative);
    // While under review: no narrative changes, no second submission.
    expect(await actions.saveNarrativeAction({ dataCallId: ids.call2026, agencyId: ids.agencyA, revision: 3, ...narrative })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await actions.submitSubmissionAction({ dataCallId: ids.call2026, agencyId: ids.agencyA })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // Not accepted yet: leads and viewers cannot read it.
    expect(await loadSubmission(sessions.get("lead")!, 2026, ids.agencyA, new Date("2026-10-15"))).toBeNull();

    as("admin");
    expect(await actions.reviewSubmissionAction({ submissionId: s.id, snapshotVersion: 1, decision: "RETURNED", reason: "" })).toMatchObject({ ok: false, error: { fieldErrors: { reason: [expect.any(String)] } } });
    expect(await actions.reviewSubmissionAction({ submissionId: s.id, snapshotVersion: 1, decision: "RETURNED", reason: "Explain the gaps in more detail." })).toMatchObject({ ok: true, data: { status: "RETURNED" } });
    expect((await submissionOf(ids.agencyA, ids.call2026))!.returnReason).toBe("Explain the gaps in more detail.");

    as("coordA");
    expect(await actions.saveNarrativeAction({ dataCallId: ids.call2026, agencyId: ids.agencyA, revision: 3, ...narrative, gaps: "Post-quantum migration, staffing." })).toMatchObject({ ok: true, data: { status: "DRAFT" } });
    expect(await actions.submitSubmissionAction({ dataCallId: ids.call2026, agencyId: ids.agencyA })).toMatchObject({ ok: true, data: { version: 2 } });

    as("admin");
    expect(await actions.reviewSubmissionAction({ submissionId: s.id, snapshotVersion: 1, decision: "ACCEPTED" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await actions.reviewSubmissionAction({ submissionId: s.id, snapshotVersion: 2, decision: "ACCEPTED" })).toMatchObject({ ok: true, data: { status: "ACCEPTED" } });
    s = (await submissionOf(ids.agencyA, ids.call2026))!;
    // The returned version stays in the history, with its review.
    expect(s.snapshots.map((x) => x.version)).toEqual([1, 2]);
    expect(s.reviews.map((r) => r.decision).sort()).toEqual(["ACCEPTED", "RETURNED"]);
    expect(s.snapshots[1]!.narrative).toMatchObject({ gaps: "Post-quantum migration, staffing." });

    // Every transition audited, in order.
    const audit = await db.auditEvent.findMany({ where: { entityType: "AgencySubmission", entityId: s.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorEmail: true } });
    expect(audit.map((a) => a.action)).toEqual([
      "submission.narrative", "submission.narrative", "submission.submit", "submission.review", "submission.narrative", "submission.submit", "submission.review",
    ]);
  });

  it("leads and viewers read the accepted submission; the year-over-year comparison uses FY2025", async () => {
    const lead = await loadSubmission(sessions.get("lead")!, 2026, ids.agencyA, new Date("2026-10-15"));
    expect(lead).not.toBeNull();
    expect(lead!.live).toBeNull();
    expect(lead!.history).toBeNull();
    expect(lead!.latest?.version).toBe(2);
    expect(lead!.previous?.fiscalYear).toBe(2025);
    const summary = lead!.latest!.figures.participation.summary;
    expect(summary.find((f) => f.key === "participation.engagements")?.ids).toEqual([ids.e1, ids.e2].sort());
    expect(lead!.latest!.figures.standardsUse.governmentUnique.map((g) => g.activityId)).toEqual([ids.adoption]);
    // Leads cannot see a submission that was never accepted.
    expect(await loadSubmission(sessions.get("viewer")!, 2026, ids.agencyB, new Date("2026-10-15"))).toBeNull();
  });

  it("the frozen snapshot never changes; the page shows what changed in the records since", async () => {
    const s = (await submissionOf(ids.agencyA, ids.call2026))!;
    const frozen = s.snapshots[1]!;
    await expect(db.submissionSnapshot.update({ where: { id: frozen.id }, data: { contentHash: "0".repeat(64) } })).rejects.toThrow();
    await expect(db.submissionSnapshot.delete({ where: { id: frozen.id } })).rejects.toThrow();
    // A later edit to the records: e2 ends before the fiscal year starts... as if logged wrongly.
    await db.engagement.update({ where: { id: ids.e2 }, data: { startDate: day("2025-01-01"), endDate: day("2025-06-01") } });
    const after = await db.submissionSnapshot.findUniqueOrThrow({ where: { id: frozen.id } });
    expect(after.contentHash).toBe(frozen.contentHash);
    expect(after.figures).toEqual(frozen.figures);
    const coord = await loadSubmission(sessions.get("coordA")!, 2026, ids.agencyA, new Date("2026-10-15"), { records: "changes" });
    const changes = changedFigures(coord!.latest!.figures, coord!.liveRecords!);
    expect(changes.find((c) => c.key === "participation.engagements")).toMatchObject({ before: 2, after: 1, removed: [ids.e2] });
  });

  it("a correction after acceptance is a new version with a reason, never an overwrite", async () => {
    as("coordA");
    expect(await actions.submitSubmissionAction({ dataCallId: ids.call2026, agencyId: ids.agencyA })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await actions.correctSubmissionAction({ dataCallId: ids.call2026, agencyId: ids.agencyA, reason: "short" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const corrected = await actions.correctSubmissionAction({ dataCallId: ids.call2026, agencyId: ids.agencyA, reason: "Engagement e2 was logged in the wrong year." });
    expect(corrected).toMatchObject({ ok: true, data: { version: 3 } });
    const s = (await submissionOf(ids.agencyA, ids.call2026))!;
    expect(s.status).toBe("SUBMITTED");
    expect(s.snapshots.map((x) => [x.version, x.reason])).toEqual([[1, null], [2, null], [3, "Engagement e2 was logged in the wrong year."]]);
    // Until the correction is accepted, the roll-up keeps the accepted version 2.
    let rollUp = (await loadRollUp(2026))!.rollUp;
    expect(rollUp.agencies).toEqual([expect.objectContaining({ agencyId: ids.agencyA, snapshotVersion: 2 })]);
    expect(rollUp.totals.find((l) => l.key === "participation.engagements")?.total).toBe(2);
    as("admin");
    expect(await actions.reviewSubmissionAction({ submissionId: s.id, snapshotVersion: 3, decision: "ACCEPTED" })).toMatchObject({ ok: true });
    rollUp = (await loadRollUp(2026))!.rollUp;
    expect(rollUp.agencies).toEqual([expect.objectContaining({ agencyId: ids.agencyA, snapshotVersion: 3 })]);
    expect(rollUp.totals.find((l) => l.key === "participation.engagements")?.byAgency).toEqual([{ agencyId: ids.agencyA, acronym: `A${tag}`, value: 1 }]);
  });

  it("the board: statuses and overdue against a fixed clock", async () => {
    const onTime = (await loadBoard(2026, new Date("2026-11-30T23:00:00Z")))!;
    const rowOf = (board: typeof onTime, agencyId: string) => board.rows.find((r) => r.agencyId === agencyId)!;
    expect(rowOf(onTime, ids.agencyA).board).toBe("ACCEPTED");
    expect(rowOf(onTime, ids.agencyB).board).toBe("NOT_STARTED");
    const late = (await loadBoard(2026, new Date("2026-12-01T00:00:00Z")))!;
    expect(rowOf(late, ids.agencyB).board).toBe("OVERDUE");
    expect(rowOf(late, ids.agencyA).board).toBe("ACCEPTED");
    expect(late.reminders.some((r) => r.agencyId === ids.agencyB)).toBe(true);
    expect(late.reminders.some((r) => r.agencyId === ids.agencyA)).toBe(false);
    expect(await loadBoard(1999, new Date())).toBeNull();
  });

  it("exports: authenticated, validated, scoped, never cached", async () => {
    const get = (query: string, agencyId = ids.agencyA) =>
      submissionExport.GET(new Request(`http://test/data-calls/2026/${agencyId}/export?${query}`), { params: Promise.resolve({ fy: "2026", agencyId }) });
    sessionRef.current = null;
    expect((await get("format=csv")).status).toBe(401);
    as("lead");
    expect((await get("format=xml")).status).toBe(400);
    // Agency B never submitted: nothing a lead may read.
    expect((await get("format=csv", ids.agencyB)).status).toBe(404);
    const csv = await get("format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Cache-Control")).toBe("no-store");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("section,key,label,value,record_count,record_ids");
    expect(text).toContain("meta,status,Status,ACCEPTED,,");
    expect(text).toContain(`participation,participation.engagements,Engagements active in the year,1,1,${ids.e1}`);
    // A lead may not open the returned version 1 (only the accepted one).
    expect((await get("format=json&version=1")).status).toBe(404);
    as("coordB");
    expect((await get("format=json")).status).toBe(404);
    as("coordA");
    const v1 = await get("format=json&version=1");
    expect(v1.status).toBe(200);
    expect(await v1.json()).toMatchObject({ version: 1, status: "RETURNED", agency: `A${tag}` });

    const rollUp = (query: string, fy = "2026") => rollUpExport.GET(new Request(`http://test/data-calls/${fy}/rollup/export?${query}`), { params: Promise.resolve({ fy }) });
    as("viewer");
    const json = await rollUp("format=json");
    expect(json.status).toBe(200);
    expect(json.headers.get("Cache-Control")).toBe("no-store");
    expect((await json.json()).agencies).toEqual([expect.objectContaining({ agencyId: ids.agencyA, snapshotVersion: 3 })]);
    expect((await rollUp("format=csv", "1999")).status).toBe(404);
    expect((await rollUp("format=csv", "abc")).status).toBe(404);
  });

  it("adoptions carry their A-119 category, validated by the action and by the database", async () => {
    as("coordA");
    const adoption = { kind: "ADOPTION", title: "Adopt it", startDate: "2026-03-01", standardId: ids.standard };
    expect(await participation.createActivityAction(adoption)).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { standardUse: ["Choose the A-119 category of this use"] } } });
    expect(await participation.createActivityAction({ ...adoption, standardUse: "GOVERNMENT_UNIQUE", governmentUniqueReason: "x" })).toMatchObject({
      ok: false, error: { fieldErrors: { governmentUniqueReason: [expect.stringContaining("at least 20 characters")] } },
    });
    const created = await participation.createActivityAction({ ...adoption, standardUse: "GOVERNMENT_UNIQUE", governmentUniqueReason: "Nothing voluntary covers this classified use." });
    expect(created).toMatchObject({ ok: true });
    const row = await db.activity.findUniqueOrThrow({ where: { id: (created as { data: { id: string } }).data.id } });
    expect(row).toMatchObject({ agencyId: ids.agencyA, standardUse: "GOVERNMENT_UNIQUE", governmentUniqueReason: "Nothing voluntary covers this classified use." });
    // A training never keeps a category, whatever is posted.
    const training = await participation.createActivityAction({ kind: "TRAINING", title: "Course", startDate: "2026-03-01", standardUse: "VOLUNTARY_NEW" });
    expect((await db.activity.findUniqueOrThrow({ where: { id: (training as { data: { id: string } }).data.id } })).standardUse).toBeNull();
    // The database refuses what the form would: a government-unique use without explanation, a category on a training.
    await expect(db.activity.create({ data: { agencyId: ids.agencyA, kind: "ADOPTION", title: "x", startDate: day("2026-03-01"), standardUse: "GOVERNMENT_UNIQUE" } })).rejects.toThrow();
    await expect(db.activity.create({ data: { agencyId: ids.agencyA, kind: "TRAINING", title: "x", startDate: day("2026-03-01"), standardUse: "VOLUNTARY_NEW" } })).rejects.toThrow();
  });
});

// The draft page's figures come from the report cache, keyed by the data version: never
// stale after a write, computed once for concurrent views, "being prepared" when the gate is full.
describe(`the cached draft on ${BACKEND}`, () => {
  const NOW = new Date("2026-10-15T12:00:00Z");
  const view = () => loadSubmission(sessions.get("coordB")!, 2026, ids.agencyB, NOW);
  const engagements = (data: Awaited<ReturnType<typeof view>>) => data!.live!.participation.summary.find((f) => f.key === "participation.engagements")!.value;
  let personB = "";

  beforeAll(async () => {
    personB = (await db.participant.create({ data: { agencyId: ids.agencyB, name: "Cleo" } })).id;
  });

  /** A coordinator's save through the real action: a new past seat in FY2026 for agency B. */
  async function saveSeat(month: number) {
    as("coordB");
    const saved = await participation.createEngagementAction({
      participantId: personB, sdoId: ids.sdo, committeeId: ids.committee, role: "MEMBER", depth: "ATTEND",
      startDate: `2026-0${month}-01`, endDate: `2026-0${month}-20`,
    });
    expect(saved).toMatchObject({ ok: true });
  }

  it("is served from the cache until a write, and the next view after any write shows it", async () => {
    const first = await view();
    const before = cacheModule.reportCacheStats();
    const again = await view();
    // Same data version: nothing computed, the very same cached figures.
    expect(cacheModule.reportCacheStats().computed).toBe(before.computed);
    expect(again!.live!.participation).toBe(first!.live!.participation);
    // Counted figures: no record ids on the draft page, the number of records instead.
    expect(first!.live!.participation.summary[0]).not.toHaveProperty("ids");
    expect(first!.liveRecords).toBeNull();

    await saveSeat(2);
    const afterSave = await view();
    expect(engagements(afterSave)).toBe(engagements(first) + 1);
    expect(afterSave!.live!.participation.byDepth.find((f) => f.key === "depth.ATTEND")).toMatchObject({ recordCount: engagements(afterSave) });

    // A write to the inventory (the committee's core areas): InventoryVersion moves.
    const area = await db.coreArea.findFirstOrThrow({ where: { NOT: { committees: { some: { committeeId: ids.committee } } } }, orderBy: { id: "desc" } });
    await db.coreAreaCommittee.create({ data: { coreAreaId: area.id, committeeId: ids.committee } });
    const afterInventory = await view();
    expect(afterInventory!.live!.participation.byCoreArea.map((f) => f.key)).toContain(`coreArea.${area.id}`);

    // The counted figures are exactly those of the assembly with ids (what submitting freezes).
    const withIds = await loadSubmission(sessions.get("coordB")!, 2026, ids.agencyB, NOW, { records: "all" });
    expect(withIds!.liveRecords).not.toBeNull();
    expect(afterInventory!.live).toEqual(countedFigures(withIds!.liveRecords!));
  });

  it("the database groups and counts exactly as the assembly in JavaScript (both agencies, both years)", async () => {
    for (const agencyId of [ids.agencyA, ids.agencyB]) {
      for (const fy of [2025, 2026]) {
        const reference = assembleDataCall({ ...(await rows.readAssemblyRows(db, agencyId, fy))!, indicators: [] });
        expect(assembleGrouped({ ...(await rows.readGroupedAssembly(db, agencyId, fy))!, indicators: [] })).toEqual(reference);
        expect(assembleCounted({ ...(await rows.readCountedAssembly(db, agencyId, fy))!, indicators: [] })).toEqual(countedFigures(reference));
      }
    }
    // Not a comparison of empty reports: agency A has seats, areas and an adoption in FY2026.
    const a2026 = assembleDataCall({ ...(await rows.readAssemblyRows(db, ids.agencyA, 2026))!, indicators: [] });
    expect(a2026.participation.summary[0]!.value).toBeGreaterThan(0);
    expect(a2026.participation.byCoreArea.length).toBeGreaterThan(0);
    expect(a2026.standardsUse.governmentUnique.length).toBeGreaterThan(0);
    expect(await rows.readCountedAssembly(db, "no-such-agency", 2026)).toBeNull();
  });

  it("computes once for concurrent identical views", async () => {
    await saveSeat(3);
    let before = cacheModule.reportCacheStats();
    await view();
    const single = cacheModule.reportCacheStats().computed - before.computed;
    // The draft's figures and the agency's coverage report (its indicators).
    expect(single).toBe(2);
    await saveSeat(4);
    before = cacheModule.reportCacheStats();
    const [a, b, c] = await Promise.all([view(), view(), view()]);
    expect(cacheModule.reportCacheStats().computed - before.computed).toBe(single);
    expect(b!.live!.participation).toBe(a!.live!.participation);
    expect(c!.live!.participation).toBe(a!.live!.participation);
    expect(engagements(a)).toBe(engagements(b));
  });

  it("answers 'being prepared' at once when the report gate's queue is full, to the page and to the export", async () => {
    await saveSeat(5);
    const gate = cacheModule.reportGate();
    const env = readEnv();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: reportConcurrency(env) + env.REPORT_QUEUE_MAX }, () => gate.run(() => held));
    expect(gate.stats().queued).toBe(env.REPORT_QUEUE_MAX);
    try {
      expect(await view().catch((e: unknown) => e)).toBeInstanceOf(cacheModule.ReportBusyError);
      as("coordB");
      const exported = await submissionExport.GET(new Request(`http://test/data-calls/2026/${ids.agencyB}/export?format=csv`), { params: Promise.resolve({ fy: "2026", agencyId: ids.agencyB }) });
      expect(exported.status).toBe(503);
      expect(Number(exported.headers.get("Retry-After"))).toBeGreaterThanOrEqual(2);
    } finally {
      release();
      await Promise.all(holders);
    }
    expect(engagements(await view())).toBeGreaterThan(0);
  });
});
