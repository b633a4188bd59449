// Constraint violations surface as typed UserErrors, on the backend of this run.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { toUserError, UserError } from "@/server/errors";
import { BACKEND } from "./support/backend";

async function errorOf(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    const mapped = toUserError(error);
    if (!mapped) throw error;
    return mapped;
  }
  throw new Error("expected the database to refuse the write");
}

const suffix = `${Date.now()}`;
let agencyId: string;
let participantId: string;
let committeeId: string;

beforeAll(async () => {
  const agency = await db.agency.create({ data: { acronym: `TA${suffix}`, name: "Test Agency" } });
  agencyId = agency.id;
  const sdo = await db.sdo.create({ data: { acronym: `TSDO${suffix}`, name: "Test SDO", type: "consortium" } });
  const committee = await db.committee.create({ data: { sdoId: sdo.id, designation: `TC ${suffix}`, title: "Test committee" } });
  committeeId = committee.id;
  const participant = await db.participant.create({ data: { agencyId, name: "Pat Synthetic", email: `pat.${suffix}@example.gov` } });
  participantId = participant.id;
});

const engagement = (over: Record<string, unknown> = {}) => ({
  participantId,
  agencyId,
  committeeId,
  role: "MEMBER" as const,
  depth: "ATTEND" as const,
  startDate: new Date("2024-01-01"),
  ...over,
});

describe(`constraints on ${BACKEND}`, () => {
  it("duplicate SDO acronym -> CONFLICT", async () => {
    const e = await errorOf(db.sdo.create({ data: { acronym: `TSDO${suffix}`, name: "Again", type: "x" } }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/already exists/);
  });

  it("duplicate user email -> CONFLICT", async () => {
    const data = { email: `dup.${suffix}@example.gov`, name: "A", passwordHash: "x", role: "VIEWER" as const };
    await db.user.create({ data });
    expect((await errorOf(db.user.create({ data }))).code).toBe("CONFLICT");
  });

  it("coordinator without an agency -> VALIDATION", async () => {
    const e = await errorOf(
      db.user.create({ data: { email: `c.${suffix}@example.gov`, name: "C", passwordHash: "x", role: "COORDINATOR" } }),
    );
    expect(e.code).toBe("VALIDATION");
  });

  it("engagement ending before it starts -> VALIDATION", async () => {
    const e = await errorOf(db.engagement.create({ data: engagement({ endDate: new Date("2023-12-31") }) }));
    expect(e.code).toBe("VALIDATION");
    expect(e.message).toMatch(/end date/);
  });

  it("engagement with neither committee nor standard -> VALIDATION", async () => {
    const e = await errorOf(db.engagement.create({ data: engagement({ committeeId: null }) }));
    expect(e.code).toBe("VALIDATION");
  });

  it("second identical active engagement -> CONFLICT; an ended one may repeat", async () => {
    await db.engagement.create({ data: engagement({ role: "EDITOR" }) });
    expect((await errorOf(db.engagement.create({ data: engagement({ role: "EDITOR" }) }))).code).toBe("CONFLICT");
    await db.engagement.create({ data: engagement({ role: "EDITOR", endDate: new Date("2024-06-01") }) });
    expect(await db.engagement.count({ where: { participantId, role: "EDITOR" } })).toBe(2);
  });

  it("engagement pointing at a missing committee -> VALIDATION", async () => {
    const e = await errorOf(db.engagement.create({ data: engagement({ committeeId: "does-not-exist" }) }));
    expect(e.code).toBe("VALIDATION");
  });

  it("engagement whose agency differs from its participant's -> VALIDATION", async () => {
    const other = await db.agency.create({ data: { acronym: `TB${suffix}`, name: "Other Agency" } });
    const e = await errorOf(db.engagement.create({ data: engagement({ agencyId: other.id, role: "CHAIR" }) }));
    expect(e.code).toBe("VALIDATION");
  });

  it("deleting an agency still in use -> VALIDATION, nothing deleted", async () => {
    const e = await errorOf(db.agency.delete({ where: { id: agencyId } }));
    expect(e.code).toBe("VALIDATION");
    expect(await db.agency.count({ where: { id: agencyId } })).toBe(1);
  });

  it("updating a missing record -> NOT_FOUND", async () => {
    const e = await errorOf(db.agency.update({ where: { id: "missing" }, data: { name: "x" } }));
    expect(e.code).toBe("NOT_FOUND");
  });

  it("objective numbers outside 1..4 -> VALIDATION", async () => {
    const e = await errorOf(db.objective.create({ data: { id: `O${suffix}`, number: 5, title: "x", gist: "x", provenance: "INFERRED" } }));
    expect(e.code).toBe("VALIDATION");
  });

  it("unexpected errors are not mapped (they get masked by the action wrapper)", () => {
    expect(toUserError(new Error("boom"))).toBeNull();
    expect(toUserError("nope")).toBeNull();
  });
});
