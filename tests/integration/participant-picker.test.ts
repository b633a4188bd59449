// The participant field of the engagement and activity forms on a real database: a select
// while the scope holds few people, a bounded search (in scope only) beyond, and the
// /api/options/participants route behind that search.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AppSession, Scope } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { BACKEND } from "./support/backend";

const sessionRef: { current: AppSession | null } = { current: null };
vi.mock("@/server/auth/session", () => ({ getSession: async () => sessionRef.current }));

const { participantChoices, participantFieldChoices, searchParticipantChoices, PARTICIPANT_LIST_LIMIT, PARTICIPANT_SEARCH_LIMIT } = await import(
  "@/server/participation/participants"
);
const { GET } = await import("../../app/api/options/participants/route");

const tag = `pick${Date.now().toString(36)}`;
let big: { id: string; acronym: string };
let small: { id: string; acronym: string };
let goneId = "";

const coordinator = (agencyId: string): Scope => ({ userId: "u-coordinator", role: "COORDINATOR", agencyId });
const admin: Scope = { userId: "u-admin", role: "ADMIN", agencyId: null };

function sessionFor(scope: Scope): AppSession {
  return { user: { id: scope.userId, email: `${scope.userId}@example.gov`, name: scope.userId, role: scope.role, agencyId: scope.agencyId, agencyAcronym: null }, scope };
}

async function callRoute(q: string | null): Promise<{ status: number; body: { choices?: { id: string; label: string }[]; error?: string } }> {
  const url = new URL("http://localhost/api/options/participants");
  if (q !== null) url.searchParams.set("q", q);
  const response = await GET(new Request(url));
  return { status: response.status, body: (await response.json()) as { choices?: { id: string; label: string }[] } };
}

beforeAll(async () => {
  big = await db.agency.create({ data: { acronym: `B${tag}`, name: "Big agency" }, select: { id: true, acronym: true } });
  small = await db.agency.create({ data: { acronym: `S${tag}`, name: "Small agency" }, select: { id: true, acronym: true } });
  await db.participant.createMany({
    data: Array.from({ length: PARTICIPANT_LIST_LIMIT + 5 }, (_, i) => ({ agencyId: big.id, name: `${tag} Person ${String(i).padStart(3, "0")}`, email: `p${i}@${tag}.gov` })),
  });
  goneId = (await db.participant.create({ data: { agencyId: big.id, name: `${tag} Gone`, active: false }, select: { id: true } })).id;
  await db.participant.createMany({ data: [1, 2, 3].map((i) => ({ agencyId: small.id, name: `${tag} Other ${i}`, email: `o${i}@${tag}.gov` })) });
});

describe(`participant choices on ${BACKEND}`, () => {
  it("lists a small scope in full, and asks to search a scope over the limit", async () => {
    const few = await participantChoices(coordinator(small.id));
    expect(few?.map((c) => c.label)).toEqual([`${tag} Other 1`, `${tag} Other 2`, `${tag} Other 3`]);
    expect(await participantChoices(coordinator(big.id))).toBeNull();
    expect(await participantChoices(admin)).toBeNull();
  });

  it("searches name and email within the scope only, active people only, at most the limit", async () => {
    const inBig = await searchParticipantChoices(coordinator(big.id), tag);
    expect(inBig).toHaveLength(PARTICIPANT_SEARCH_LIMIT);
    expect(inBig.every((c) => c.label.startsWith(`${tag} Person `))).toBe(true);
    // The coordinator of the small agency finds only their own people, whatever they type.
    expect((await searchParticipantChoices(coordinator(small.id), tag)).map((c) => c.label)).toEqual([`${tag} Other 1`, `${tag} Other 2`, `${tag} Other 3`]);
    expect(await searchParticipantChoices(coordinator(small.id), "Person")).toEqual([]);
    // Email matches, case-insensitively; an admin sees the agency beside the name.
    expect((await searchParticipantChoices(admin, `P7@${tag.toUpperCase()}`)).map((c) => c.label)).toEqual([`${tag} Person 007 (${big.acronym})`]);
    expect(await searchParticipantChoices(admin, `${tag} Gone`)).toEqual([]);
  });

  it("keeps a record's inactive person choosable when editing, never preselects one for a new record", async () => {
    const editing = await participantFieldChoices(coordinator(big.id), goneId, { keepInactive: true });
    expect(editing.participant).toEqual({ id: goneId, label: `${tag} Gone (inactive)` });
    expect(editing.participants).toBeNull();
    const creating = await participantFieldChoices(coordinator(big.id), goneId, { keepInactive: false });
    expect(creating.participant).toBeNull();
    // Another agency's person is not found at all.
    const foreign = await participantFieldChoices(coordinator(small.id), goneId, { keepInactive: true });
    expect(foreign.participant).toBeNull();
    expect(foreign.participants).toHaveLength(3);
  });
});

describe(`GET /api/options/participants on ${BACKEND}`, () => {
  it("refuses without a session", async () => {
    sessionRef.current = null;
    expect((await callRoute(tag)).status).toBe(401);
  });

  it("answers a coordinator from their own agency only, whatever the query", async () => {
    sessionRef.current = sessionFor(coordinator(small.id));
    const own = await callRoute(tag);
    expect(own.status).toBe(200);
    expect(own.body.choices?.map((c) => c.label)).toEqual([`${tag} Other 1`, `${tag} Other 2`, `${tag} Other 3`]);
    expect((await callRoute(`${tag} Person`)).body.choices).toEqual([]);
  });

  it("answers an admin across agencies, bounded, and a viewer too (reading is allowed)", async () => {
    sessionRef.current = sessionFor(admin);
    const all = await callRoute(tag);
    expect(all.body.choices).toHaveLength(PARTICIPANT_SEARCH_LIMIT);
    sessionRef.current = sessionFor({ userId: "u-viewer", role: "VIEWER", agencyId: null });
    expect((await callRoute(`${tag} Other 2`)).body.choices?.map((c) => c.label)).toEqual([`${tag} Other 2 (${small.acronym})`]);
  });
});
