// The export routes' limits on a real database: unreadable filters (impossible dates, too
// long terms, unknown values) get a 400 with reasons instead of a 500 or an empty file;
// lists over the row cap are refused; at most EXPORT_CONCURRENCY exports stream at once;
// keyset batches return exactly the list's rows in the list's order. The session is faked
// (see action-wrapper.test.ts); the e2e security spec downloads through HTTP.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppSession } from "@/server/auth/session";
import { BACKEND } from "./support/backend";

const sessionRef: { current: AppSession | null } = { current: null };
vi.mock("@/server/auth/session", () => ({ getSession: async () => sessionRef.current }));

const { db } = await import("@/server/db/client");
const { exportRoute, exportEngagements } = await import("@/server/participation/export");
const { engagementExportCount, engagementsForExport, listEngagements } = await import("@/server/participation/engagements");
const { engagementFilterProblems, parseEngagementFilters } = await import("@/domain/participation/list-filters");
const { GET: engagementExport } = await import("../../app/engagements/export/route");
const { GET: activityExport } = await import("../../app/activities/export/route");
const { listAuditEvents, parseAuditFilters } = await import("@/server/audit/audit-log");

const tag = `x${Date.now().toString(36)}`;
let admin: AppSession;

beforeAll(async () => {
  const agency = await db.agency.create({ data: { acronym: `E${tag}`, name: "Export agency" } });
  const sdo = await db.sdo.create({ data: { acronym: `ES${tag}`, name: "SDO", type: "consortium" } });
  const committee = await db.committee.create({ data: { sdoId: sdo.id, designation: `ES${tag}/WG 1`, title: "WG 1" } });
  // Participants whose names sort differently from their start dates, two sharing a date.
  const names = ["Delta", "Alpha", "Echo", "Bravo", "Charlie", "Foxtrot", "Golf"];
  for (const [i, name] of names.entries()) {
    const person = await db.participant.create({ data: { agencyId: agency.id, name: `${name} ${tag}` } });
    await db.engagement.create({
      data: { participantId: person.id, agencyId: agency.id, committeeId: committee.id, role: "MEMBER", depth: "ATTEND", startDate: new Date(`2024-0${1 + (i % 3)}-01`) },
    });
  }
  const user = await db.user.create({ data: { email: `export.${tag}@test.gov`, name: "Exporter", role: "ADMIN", passwordHash: "x" } });
  admin = { user: { id: user.id, email: user.email, name: "Exporter", role: "ADMIN", agencyId: null, agencyAcronym: null }, scope: { userId: user.id, role: "ADMIN", agencyId: null } };
});

beforeEach(() => {
  sessionRef.current = admin;
});

const get = (handler: (r: Request) => Promise<Response>, query: string) => handler(new Request(`http://127.0.0.1/engagements/export?${query}`));

describe(`exports on ${BACKEND}`, () => {
  it.each([
    ["an impossible date", "to=2025-13-45", /to: use a real date/],
    ["a day that does not exist", "from=2023-02-29", /from: use a real date/],
    ["a year out of range", "from=0001-01-01", /from: use a real date from 1900 to 2100/],
    ["a reversed range", "from=2025-06-01&to=2025-01-01", /to: must not be before the from date/],
    ["an overlong search", `q=${"x".repeat(101)}`, /q: use at most 100 characters/],
    ["an unknown sort", "sort=drop%20table", /sort: not one of the allowed values/],
  ])("refuses %s with a 400 and the reason, on both lists", async (_label, query, reason) => {
    for (const handler of [engagementExport, activityExport]) {
      const response = await get(handler, `format=csv&${query}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(reason);
    }
  });

  it("refuses an address longer than 4 KB (414)", async () => {
    const response = await get(engagementExport, `format=csv&agency=${"a".repeat(5000)}`);
    expect(response.status).toBe(414);
  });

  it("streams the filtered rows", async () => {
    const response = await get(engagementExport, `format=csv&q=${tag}&from=2024-01-01&to=2024-12-31`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const lines = (await response.text()).trim().split("\n");
    expect(lines).toHaveLength(1 + 7);
  });

  it("writes an adoption's A-119 category and its explanation into the activity CSV", async () => {
    const agency = await db.agency.findFirstOrThrow({ where: { acronym: `E${tag}` } });
    await db.activity.create({
      data: {
        agencyId: agency.id, kind: "ADOPTION", title: `Adoption ${tag}`, startDate: new Date("2024-03-01"),
        standardUse: "GOVERNMENT_UNIQUE", governmentUniqueReason: "No voluntary standard covers it",
      },
    });
    const response = await get(activityExport, `format=csv&agency=${agency.id}`);
    expect(response.status).toBe(200);
    const [header, row] = (await response.text()).trim().split("\n");
    const columns = header!.split(",");
    const cells = row!.split(",");
    expect(cells[columns.indexOf("standard_use")]).toBe("GOVERNMENT_UNIQUE");
    expect(cells[columns.indexOf("government_unique_reason")]).toBe("No voluntary standard covers it");
  });

  it("refuses a list over the row cap, asking to narrow the filters", async () => {
    const capped = exportRoute("engagements", {
      parse: (p) => parseEngagementFilters(p),
      problems: engagementFilterProblems,
      count: engagementExportCount,
      produce: exportEngagements,
    }, 5);
    const response = await get(capped, `format=csv&q=${tag}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/would have 7 rows; one export holds at most 5\. Narrow the filters/);
    const narrowed = await get(capped, `format=csv&q=${tag}&to=2024-01-31`);
    expect(narrowed.status).toBe(200);
    expect((await narrowed.text()).trim().split("\n")).toHaveLength(1 + 3);
  });

  it("streams at most two exports at once; a third gets 503 with Retry-After until one ends", async () => {
    const first = await get(engagementExport, `format=json&q=${tag}`);
    const second = await get(engagementExport, `format=json&q=${tag}`);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await get(engagementExport, `format=json&q=${tag}`);
    expect(third.status).toBe(503);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await third.text()).toMatch(/Other exports are running/);
    expect(JSON.parse(await first.text())).toHaveLength(7); // reading to the end frees the slot
    await second.body!.cancel(); // so does a cancelled download
    const fourth = await get(engagementExport, `format=json&q=${tag}`);
    expect(fourth.status).toBe(200);
    await fourth.text();
  });

  it.each(["startDate", "participant", "committee", "endDate"] as const)("keyset batches give the list's rows in its order (sort %s)", async (sort) => {
    for (const dir of ["asc", "desc"] as const) {
      const filters = parseEngagementFilters({ q: tag, sort, dir });
      const listed = (await listEngagements(admin.scope, filters)).rows.map((r) => r.id);
      const exported: string[] = [];
      for await (const batch of engagementsForExport(admin.scope, filters, 2)) exported.push(...batch.map((r) => r.id));
      expect(exported).toEqual(listed);
    }
  });

  it("the audit log drops an impossible date filter instead of failing", async () => {
    const filters = parseAuditFilters({ from: "2025-13-45", to: "2025-02-30" });
    expect(filters.from).toBeUndefined();
    expect(filters.to).toBeUndefined();
    await expect(listAuditEvents(admin.scope, filters)).resolves.toMatchObject({ page: 1 });
  });
});
