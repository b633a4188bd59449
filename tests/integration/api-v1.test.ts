// The read API (/api/v1) on a real database, through its route handlers: the matrix of
// every endpoint x (no token, expired, revoked, deactivated owner, viewer, lead,
// coordinator of agency A, admin) with the expected status and exactly the expected rows
// (a coordinator of agency A asking for agency B's records gets A's only), strict query
// validation (400 naming the parameter), ETag/304, a cursor walk returning every row
// exactly once, the coverage report's "being prepared" 503, and schema conformance: EVERY
// response of EVERY endpoint (200s and errors) is validated against the JSON Schema in the
// published OpenAPI document (ajv, draft 2020-12), not only against the zod schema.
import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { BACKEND } from "./support/backend";

// No rate limit in this file (api-rate-limit.test.ts tests it); one report at a time and a
// queue of one, so the test of the "being prepared" answer can fill the gate.
process.env.API_RATE_LIMIT = "1000000";
process.env.REPORT_CONCURRENCY = "1";
process.env.REPORT_QUEUE_MAX = "1";
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/server/db/client");
const { createApiToken } = await import("@/server/api-tokens/tokens");
const { pageOf } = await import("@/server/api/v1-schemas");
const { csvLine } = await import("@/domain/csv");
type CsvValue = import("@/domain/csv").CsvValue;
const { API_ENDPOINTS, engagementsEndpoint } = await import("@/server/api/v1-endpoints");
const { openApiDocument, responseSchemaOf } = await import("@/server/api/openapi");
const { dataStamp, reportGate } = await import("@/server/coverage/report-cache");
const { apiPageGate, readAheadStats } = await import("@/server/api/read-ahead");
const routes = {
  engagements: (await import("../../app/api/v1/engagements/route")).GET,
  activities: (await import("../../app/api/v1/activities/route")).GET,
  participants: (await import("../../app/api/v1/participants/route")).GET,
  coverage: (await import("../../app/api/v1/coverage/route")).GET,
  audit: (await import("../../app/api/v1/audit/route")).GET,
  objectives: (await import("../../app/api/v1/objectives/route")).GET,
  recommendations: (await import("../../app/api/v1/recommendations/route")).GET,
  "core-areas": (await import("../../app/api/v1/core-areas/route")).GET,
  "key-applications": (await import("../../app/api/v1/key-applications/route")).GET,
  sdos: (await import("../../app/api/v1/sdos/route")).GET,
  committees: (await import("../../app/api/v1/committees/route")).GET,
  standards: (await import("../../app/api/v1/standards/route")).GET,
  agencies: (await import("../../app/api/v1/agencies/route")).GET,
};
type Name = keyof typeof routes;
type Collection = Exclude<Name, "coverage">;

// The published document, validated with a JSON Schema validator independent of zod.
const DOC = JSON.parse(JSON.stringify(openApiDocument())) as {
  paths: Record<string, { get: { responses: Record<string, { content?: { "application/json": { schema: Record<string, unknown> } } }> } }>;
  components: { schemas: Record<string, unknown> };
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat("date-time", (v: string) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v));
ajv.addSchema({ $id: "doc", components: DOC.components });
/** Fails the test when `body` does not validate against the document's schema for `name` and `status`. */
function conforms(name: Name, status: number, body: unknown) {
  const response = DOC.paths[`/api/v1/${name}`]!.get.responses[String(status)];
  expect(response, `${name} documents ${status}`).toBeDefined();
  const schema = JSON.parse(JSON.stringify(response!.content!["application/json"].schema).replaceAll('"#/components/', '"doc#/components/'));
  const validate = ajv.compile(schema);
  const ok = validate(body);
  expect(ok, `${name} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

const tag = `v${Date.now().toString(36)}`;
const secrets: Record<string, string> = {};
const ids = {
  agencyA: "", agencyB: "", sdo: "", engA: [] as string[], engB: [] as string[], actA: [] as string[], actB: [] as string[],
  partA: [] as string[], partB: [] as string[], committees: [] as string[], standards: [] as string[], audA: [] as string[], audB: [] as string[],
};
const AUDIT_TYPE = `Api${tag}`;

async function tokenFor(key: string, role: "ADMIN" | "LEAD" | "COORDINATOR" | "VIEWER", agencyId: string | null = null) {
  const user = await db.user.create({ data: { email: `${key}.${tag}@test.gov`, name: key, role, agencyId, passwordHash: "x" } });
  const { secret, token } = await db.$transaction((tx) => createApiToken(tx, user.id, { name: key, expiresInDays: 30 }, new Date()));
  secrets[key] = secret;
  return { user, token };
}

beforeAll(async () => {
  const [a, b] = await Promise.all([
    db.agency.create({ data: { acronym: `A${tag}`, name: "Agency A" } }),
    db.agency.create({ data: { acronym: `B${tag}`, name: "Agency B" } }),
  ]);
  ids.agencyA = a.id;
  ids.agencyB = b.id;
  const sdo = await db.sdo.create({ data: { acronym: `S${tag}`, name: "API SDO", type: "consortium", provenance: "CONFIRMED", sourceRefs: ["https://example.org/sdo"] } });
  ids.sdo = sdo.id;
  for (const n of [1, 2, 3]) {
    const c = await db.committee.create({ data: { sdoId: sdo.id, designation: `S${tag}/WG ${n}`, title: `WG ${n}` } });
    ids.committees.push(c.id);
  }
  const std = await db.standard.create({ data: { sdoId: sdo.id, committeeId: ids.committees[0], designation: `S${tag} 1`, title: "Std", stage: "PUBLISHED", year: 2024 } });
  ids.standards.push(std.id);
  for (const [agency, people, engagements, count] of [[a, ids.partA, ids.engA, 5], [b, ids.partB, ids.engB, 3]] as const) {
    for (let i = 0; i < count; i++) {
      const p = await db.participant.create({ data: { agencyId: agency.id, name: `P${i} ${tag}` } });
      people.push(p.id);
      const e = await db.engagement.create({
        data: { participantId: p.id, agencyId: agency.id, committeeId: ids.committees[i % 3], role: "MEMBER", depth: "ATTEND", startDate: new Date(`2024-0${1 + i}-01`) },
      });
      engagements.push(e.id);
    }
  }
  for (const [agency, list, n] of [[a, ids.actA, 2], [b, ids.actB, 2]] as const) {
    for (let i = 0; i < n; i++) {
      const act = await db.activity.create({ data: { agencyId: agency.id, kind: "TRAINING", title: `Training ${i} ${tag}`, startDate: new Date(`2024-0${1 + i}-15`), sdoId: sdo.id } });
      list.push(act.id);
    }
  }
  for (const [agency, list, n] of [[a, ids.audA, 3], [b, ids.audB, 2]] as const) {
    for (let i = 0; i < n; i++) {
      const event = await db.auditEvent.create({ data: { actorEmail: "seed@test.gov", action: "update", entityType: AUDIT_TYPE, entityId: `e${i}`, agencyId: agency.id, before: { n: i }, after: { n: i + 1 } } });
      list.push(event.id);
    }
  }
  await tokenFor("viewer", "VIEWER");
  await tokenFor("lead", "LEAD");
  await tokenFor("coordA", "COORDINATOR", a.id);
  await tokenFor("admin", "ADMIN");
  const expired = await tokenFor("expired", "ADMIN");
  await db.personalAccessToken.update({ where: { id: expired.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const revoked = await tokenFor("revoked", "ADMIN");
  await db.personalAccessToken.update({ where: { id: revoked.token.id }, data: { revokedAt: new Date() } });
  const inactive = await tokenFor("inactive", "ADMIN");
  await db.user.update({ where: { id: inactive.user.id }, data: { active: false } });
});

function call(name: Name, query: string, key?: string, headers: Record<string, string> = {}) {
  const auth: Record<string, string> = key ? { authorization: `Bearer ${secrets[key]}` } : {};
  return routes[name](new Request(`http://127.0.0.1/api/v1/${name}${query ? `?${query}` : ""}`, { headers: { ...auth, ...headers } }));
}

const endpointOf = (name: Name) => API_ENDPOINTS.find((e) => e.path === `/api/v1/${name}`)!;
const itemOf = (name: Collection) => {
  const endpoint = endpointOf(name);
  if (endpoint.kind !== "collection") throw new Error(`${name} is not a collection`);
  return endpoint.item as z.ZodType;
};

/** Follows `next` to the end; every page must validate against the documented schema. */
async function walk(name: Collection, query: string, key: string) {
  const schema = pageOf(itemOf(name));
  const rows: { id: string; agencyId?: string }[] = [];
  let next: string | null = `/api/v1/${name}?${query}`;
  let pages = 0;
  while (next) {
    const response = await routes[name](new Request(`http://127.0.0.1${next}`, { headers: { authorization: `Bearer ${secrets[key]}` } }));
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    conforms(name, 200, body);
    const page = schema.parse(body) as { data: { id: string; agencyId?: string }[]; next: string | null };
    rows.push(...page.data);
    next = page.next;
    pages += 1;
    expect(pages).toBeLessThan(1000);
  }
  return { rows, pages };
}

const sorted = (xs: string[]) => [...xs].sort();

describe(`read API on ${BACKEND}`, () => {
  const QUERIES: Record<Name, () => string> = {
    engagements: () => `sdo=${ids.sdo}`,
    activities: () => `sdo=${ids.sdo}`,
    participants: () => `q=${tag}&status=all`,
    coverage: () => `from=2024-01-01&to=2024-12-31&sdo=${ids.sdo}`,
    audit: () => `entityType=${AUDIT_TYPE}`,
    objectives: () => "",
    recommendations: () => "",
    "core-areas": () => "",
    "key-applications": () => "",
    sdos: () => "",
    committees: () => `sdo=${ids.sdo}`,
    standards: () => `sdo=${ids.sdo}`,
    agencies: () => "",
  };
  const allIds = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id);
  type Reader = "viewer" | "lead" | "coordA" | "admin";
  /** What each reader gets from each collection: 403, or exactly these ids. */
  const EXPECTED: Record<Collection, (key: Reader) => Promise<string[] | 403>> = {
    engagements: async (key) => (key === "coordA" ? ids.engA : [...ids.engA, ...ids.engB]),
    activities: async (key) => (key === "coordA" ? ids.actA : [...ids.actA, ...ids.actB]),
    participants: async (key) => (key === "coordA" ? ids.partA : [...ids.partA, ...ids.partB]),
    audit: async (key) => (key === "admin" ? [...ids.audA, ...ids.audB] : key === "coordA" ? ids.audA : 403),
    objectives: () => allIds(db.objective.findMany({ select: { id: true } })),
    recommendations: () => allIds(db.recommendation.findMany({ select: { id: true } })),
    "core-areas": () => allIds(db.coreArea.findMany({ select: { id: true } })),
    "key-applications": () => allIds(db.keyApplication.findMany({ select: { id: true } })),
    sdos: () => allIds(db.sdo.findMany({ select: { id: true } })),
    committees: async () => ids.committees,
    standards: async () => ids.standards,
    agencies: () => allIds(db.agency.findMany({ select: { id: true } })),
  };
  const COLLECTIONS = Object.keys(EXPECTED) as Collection[];
  const READERS: Reader[] = ["viewer", "lead", "coordA", "admin"];

  it("covers every endpoint the API serves", () => {
    expect(API_ENDPOINTS.map((e) => e.path).sort()).toEqual(Object.keys(routes).map((n) => `/api/v1/${n}`).sort());
  });

  for (const name of Object.keys(routes) as Name[]) {
    it.each([
      ["no token", undefined],
      ["an expired token", "expired"],
      ["a revoked token", "revoked"],
      ["a deactivated owner's token", "inactive"],
    ])(`${name}: %s gets 401 with a JSON error`, async (_label, key) => {
      const response = await call(name, QUERIES[name](), key);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body: unknown = await response.json();
      conforms(name, 401, body);
      expect(body).toMatchObject({ code: "UNAUTHENTICATED" });
      expect(JSON.stringify(body)).not.toContain(ids.engA[0]);
    });
  }

  for (const name of COLLECTIONS) {
    it.each(READERS)(`${name}: %s gets exactly the rows the pages show (or 403)`, async (key) => {
      const expected = await EXPECTED[name](key);
      if (expected === 403) {
        const response = await call(name, QUERIES[name](), key);
        expect(response.status).toBe(403);
        const body: unknown = await response.json();
        conforms(name, 403, body);
        expect(body).toMatchObject({ code: "FORBIDDEN" });
        return;
      }
      const { rows } = await walk(name, QUERIES[name](), key);
      expect(sorted(rows.map((r) => r.id))).toEqual(sorted(expected));
    });
  }

  /** The coverage report each reader gets: the agency it is about and its engagement count. */
  it.each([
    ["viewer", "", null, 8],
    ["lead", "", null, 8],
    ["admin", "", null, 8],
    ["admin", "agencyB", "agencyB", 3],
    ["coordA", "", "agencyA", 5],
    ["coordA", "agencyB", "agencyA", 5],
  ] as const)("coverage: %s asking for agency %j gets the report of %j with %d engagements", async (key, asked, agency, engagements) => {
    const query = `${QUERIES.coverage()}${asked ? `&agency=${ids[asked]}` : ""}`;
    const response = await call("coverage", query, key);
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(/^"/);
    const body: unknown = await response.json();
    conforms("coverage", 200, body);
    const report = (endpointOf("coverage") as { body: z.ZodType }).body.parse(body) as { agency: { id: string } | null; totals: { engagements: number }; period: unknown };
    expect(report.agency?.id ?? null).toBe(agency ? ids[agency] : null);
    expect(report.totals.engagements).toBe(engagements);
    expect(report.period).toMatchObject({ kind: "range", start: "2024-01-01", end: "2024-12-31" });
  });

  it("coverage: answers the dashboard's way when the report queue is full (503 BUSY, Retry-After)", async () => {
    // A write moves the data version, so the next view needs a computation.
    await db.participant.create({ data: { agencyId: ids.agencyA, name: `Busy ${tag}` } });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const gate = reportGate();
    const running = gate.run(() => held);
    const queued = gate.run(() => held);
    try {
      const response = await call("coverage", QUERIES.coverage(), "lead");
      expect(response.status).toBe(503);
      const retry = Number(response.headers.get("retry-after"));
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(60);
      const body: unknown = await response.json();
      conforms("coverage", 503, body);
      expect(body).toMatchObject({ code: "BUSY", message: expect.stringMatching(/being prepared/) });
    } finally {
      release();
      await Promise.all([running, queued]);
    }
    expect((await call("coverage", QUERIES.coverage(), "lead")).status).toBe(200);
  });

  it.each([
    ["fy=1999", "fy"],
    ["from=2024-01-01", "to"],
    ["from=2024-06-01&to=2024-01-01", "to"],
    ["from=1990-01-01&to=2024-01-01", "to"],
    ["agency=nope", "agency"],
    ["sdo=nope", "sdo"],
    ["fy=2025&q=x", "q"],
  ])("coverage: refuses %s with a 400 naming %s", async (query, parameter) => {
    const response = await call("coverage", query, "admin");
    expect(response.status).toBe(400);
    const body: unknown = await response.json();
    conforms("coverage", 400, body);
    expect(body).toMatchObject({ parameter });
  });

  it("audit: filters as the audit page does (entity, dates), and refuses a reversed range", async () => {
    const one = await walk("audit", `entityType=${AUDIT_TYPE}&entityId=e1`, "admin");
    expect(sorted(one.rows.map((r) => r.id))).toEqual(sorted([ids.audA[1]!, ids.audB[1]!]));
    const past = await walk("audit", `entityType=${AUDIT_TYPE}&to=2001-01-01`, "admin");
    expect(past.rows).toEqual([]);
    const paged = await walk("audit", `entityType=${AUDIT_TYPE}&limit=2`, "admin");
    expect(paged.pages).toBe(3);
    const response = await call("audit", "from=2025-06-01&to=2025-01-01", "admin");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ parameter: "to" });
  });

  it("engagements: the database-built JSON and CSV pages hold exactly the rows and values of the page's own query", async () => {
    const endpoint = engagementsEndpoint;
    const extra = await db.engagement.create({
      data: {
        participantId: ids.partA[0]!, agencyId: ids.agencyA, standardId: ids.standards[0], role: "EDITOR", depth: "LEAD",
        startDate: new Date("2023-03-04"), endDate: new Date("2023-09-30"), lastConfirmedOn: new Date("2023-05-06"), notes: `Fast "path" \u00e9 back\\slash\ttab\nline \u0001 \u007f \u2028 \u{1F600}, ${tag}`,
      },
    });
    // Cells a spreadsheet would run as formulas (CSV injection), and a lone carriage return.
    const formulas = await Promise.all(
      ["=HYPERLINK(\"x\")", "+1", "-1", "@sum", "\tlead", "\rcr"].map((notes, i) =>
        db.engagement.create({
          data: { participantId: ids.partA[1]!, agencyId: ids.agencyA, committeeId: ids.committees[1], role: "MEMBER", depth: "OBSERVE", startDate: new Date(`2022-0${1 + i}-01`), endDate: new Date("2022-12-31"), notes: `${notes} ${tag}` },
        }),
      ),
    );
    try {
      const admin = { userId: "a", role: "ADMIN" as const, agencyId: null };
      const coordA = { userId: "c", role: "COORDINATOR" as const, agencyId: ids.agencyA };
      const cases: [typeof admin | typeof coordA, Record<string, string>][] = [
        [admin, { agency: ids.agencyA }],
        [admin, { agency: ids.agencyB, status: "all" }],
        [coordA, { agency: ids.agencyB }],
        [admin, { sdo: ids.sdo }],
        [admin, { participant: ids.partA[0]!, status: "ended" }],
        [coordA, { q: tag }],
        [admin, { q: tag, status: "all" }],
      ];
      for (const [scope, raw] of cases) {
        const query = endpoint.query.parse({ ...raw, limit: "3" });
        let after: string | undefined;
        for (let page = 0; page < 10; page++) {
          const rows = await endpoint.list(scope, query, raw, after, 4);
          const fast = await endpoint.listText(scope, query, raw, after, 3, dataStamp(), "json");
          const parsed: unknown = JSON.parse(fast.text);
          expect(parsed).toEqual(rows.slice(0, 3));
          // The CSV page: the header, then each row as csvLine writes the same values.
          const fields = Object.keys(endpoint.item.shape) as (keyof (typeof rows)[number])[];
          const csv = await endpoint.listText(scope, query, raw, after, 3, dataStamp(), "csv");
          expect(csv.text).toBe(csvLine(fields) + rows.slice(0, 3).map((row) => csvLine(fields.map((f) => row[f] as CsvValue))).join(""));
          expect([csv.more, csv.lastId]).toEqual([fast.more, fast.lastId]);
          expect(fast.more).toBe(rows.length > 3);
          expect(fast.lastId).toBe(rows.slice(0, 3).at(-1)?.id ?? null);
          conforms("engagements", 200, { data: parsed, next: null });
          if (!fast.more) break;
          after = fast.lastId!;
        }
      }
      // The formula cells came out neutralised: the page held them, prefixed with '.
      const all = await endpoint.listText(admin, endpoint.query.parse({ q: tag, status: "all" }), { q: tag, status: "all" }, undefined, 1000, dataStamp(), "csv");
      for (const start of ["'=HYPERLINK(\"\"x\"\")", "'+1", "'-1", "'@sum", "'\tlead", "\"'\rcr"]) expect(all.text).toContain(start);
    } finally {
      await db.engagement.deleteMany({ where: { id: { in: [extra.id, ...formulas.map((f) => f.id)] } } });
    }
  });

  it("answers format=csv: text/csv with a header row, the next page in the Link header, the same rows as JSON, ETag and 304", async () => {
    const csvWalk = async (name: Collection, query: string) => {
      const lines: string[] = [];
      let next: string | null = `/api/v1/${name}?${query}`;
      let pages = 0;
      while (next) {
        const response = await call(name, next.split("?")[1]!, "admin");
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
        const text = await response.text();
        expect(text.endsWith("\r\n")).toBe(true);
        lines.push(...text.split("\r\n").slice(0, -1).slice(pages === 0 ? 0 : 1));
        const link = response.headers.get("link");
        next = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]! : null;
        pages++;
      }
      return { lines, pages };
    };
    // Engagements (the database writes the lines) and SDOs (built from the rows): same rows as the JSON walk.
    for (const [name, query] of [["engagements", `agency=${ids.agencyA}&status=all&limit=2`], ["sdos", "limit=2"]] as const) {
      const json = await walk(name, query, "admin");
      const { lines, pages } = await csvWalk(name, `${query}&format=csv`);
      const fields = Object.keys((endpointOf(name) as { item: z.ZodObject }).item.shape);
      expect(lines[0]).toBe(fields.join(","));
      expect(lines.length - 1).toBe(json.rows.length);
      expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(json.rows.map((r) => r.id));
      expect(pages).toBe(json.pages);
    }
    // Arrays (an SDO's sources) are their JSON text, quoted as CSV quotes it.
    const sdo = await (await call("sdos", "format=csv&limit=1000", "admin")).text();
    expect(sdo).toContain(`"[""https://example.org/sdo""]"`);
    // ETag and 304 as for JSON; the CSV and JSON of one page have different tags.
    const first = await call("engagements", `agency=${ids.agencyA}&format=csv`, "admin");
    const etag = first.headers.get("etag")!;
    expect(etag).not.toBe((await call("engagements", `agency=${ids.agencyA}`, "admin")).headers.get("etag"));
    expect((await call("engagements", `agency=${ids.agencyA}&format=csv`, "admin", { "if-none-match": etag })).status).toBe(304);
    // An unknown format is a 400 naming the parameter.
    const bad = await call("engagements", "format=xml", "admin");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "INVALID_PARAMETER", parameter: "format" });
  });

  it("engagements: reads the next page ahead, and never serves it after a write", async () => {
    const pageIds = async (query: string) => {
      const response = await call("engagements", query, "admin");
      expect(response.status).toBe(200);
      return (await response.json()) as { data: { id: string; notes: string | null }[]; next: string | null };
    };
    const query = `agency=${ids.agencyA}&status=all&limit=2`;
    const first = await pageIds(query);
    // Nothing changed: the second page is the one read ahead.
    const before = readAheadStats();
    const second = await pageIds(first.next!.split("?")[1]!);
    expect(readAheadStats().served).toBe(before.served + 1);
    // A write lands between two pages: the page read ahead is dropped, the change shown.
    const changed = second.data[0]!;
    await pageIds(query); // reads the second page ahead again
    await db.engagement.update({ where: { id: changed.id }, data: { notes: `changed while walking ${tag}` } });
    const again = await pageIds(first.next!.split("?")[1]!);
    expect(readAheadStats().dropped).toBe(before.dropped + 1);
    expect(again.data.map((r) => r.id)).toEqual(second.data.map((r) => r.id));
    expect(again.data[0]!.notes).toBe(`changed while walking ${tag}`);
    await db.engagement.update({ where: { id: changed.id }, data: { notes: changed.notes } });
  });

  it("engagements: pages take turns at the page gate, and a full queue answers 503 BUSY with Retry-After", async () => {
    const gate = apiPageGate();
    const concurrency = 2; // API_PAGE_CONCURRENCY's default
    // Pages the tests before read ahead may still be at the gate: let them finish first.
    while (gate.stats().running + gate.stats().queued > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const { queueMax } = gate.stats();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: concurrency + queueMax }, () => gate.run(() => held));
    try {
      expect(gate.stats()).toMatchObject({ running: concurrency, queued: queueMax });
      const response = await call("engagements", `agency=${ids.agencyA}&limit=2`, "admin");
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const body: unknown = await response.json();
      conforms("engagements", 503, body);
      expect(body).toMatchObject({ code: "BUSY" });
    } finally {
      release();
      await Promise.all(holders);
    }
    expect((await call("engagements", `agency=${ids.agencyA}&limit=2`, "admin")).status).toBe(200);
  });

  it("gives a coordinator of agency A asking for agency B's rows only A's", async () => {
    for (const name of ["engagements", "activities", "participants"] as const) {
      const { rows } = await walk(name, `${QUERIES[name]()}&agency=${ids.agencyB}`, "coordA");
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.agencyId))).toEqual(new Set([ids.agencyA]));
    }
    const { rows } = await walk("engagements", `agency=${ids.agencyB}`, "coordA");
    expect(rows.every((r) => r.agencyId === ids.agencyA)).toBe(true);
  });

  it("walks a collection page by page returning every row exactly once, in id order", async () => {
    const { rows, pages } = await walk("engagements", `${QUERIES.engagements()}&limit=3`, "admin");
    expect(pages).toBe(3);
    const got = rows.map((r) => r.id);
    expect(new Set(got).size).toBe(got.length);
    expect(sorted(got)).toEqual(sorted([...ids.engA, ...ids.engB]));
    expect(got).toEqual([...got].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });

  it("returns every row that exists for the whole walk exactly once while rows are written during the walk", async () => {
    const schema = pageOf(itemOf("engagements"));
    const before = [...ids.engA, ...ids.engB];
    const seen: string[] = [];
    const added: string[] = [];
    let next: string | null = `/api/v1/engagements?${QUERIES.engagements()}&limit=2`;
    let step = 0;
    while (next) {
      const response = await routes.engagements(new Request(`http://127.0.0.1${next}`, { headers: { authorization: `Bearer ${secrets.admin}` } }));
      const body: unknown = await response.json();
      conforms("engagements", 200, body);
      const page = schema.parse(body) as { data: { id: string }[]; next: string | null };
      seen.push(...page.data.map((r) => r.id));
      next = page.next;
      // Between pages: edit a row already read and one not yet read, and add a new row.
      step += 1;
      await db.engagement.update({ where: { id: before[step % before.length]! }, data: { notes: `walk ${step}`, version: { increment: 1 } } });
      const p = ids.partA[step % ids.partA.length]!;
      const created = await db.engagement.create({
        data: { participantId: p, agencyId: ids.agencyA, committeeId: ids.committees[2], role: "OBSERVER", depth: "OBSERVE", startDate: new Date("2025-01-01"), endDate: new Date(`2025-02-0${step % 9 + 1}`) },
      });
      added.push(created.id);
      expect(step).toBeLessThan(50);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.includes(id)).sort()).toEqual(sorted(before));
    expect(seen.every((id) => before.includes(id) || added.includes(id))).toBe(true);
    await db.engagement.deleteMany({ where: { id: { in: added } } });
  });

  it("keeps the filters in the next link", async () => {
    const response = await call("engagements", `sdo=${ids.sdo}&limit=2&status=active`, "admin");
    const { next } = (await response.json()) as { next: string };
    const url = new URL(next, "http://x");
    expect(url.pathname).toBe("/api/v1/engagements");
    expect(url.searchParams.get("sdo")).toBe(ids.sdo);
    expect(url.searchParams.get("status")).toBe("active");
    expect(url.searchParams.get("cursor")).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ["an unknown parameter", "sdo=x&sort=name", 400, "UNKNOWN_PARAMETER", "sort"],
    ["a limit over 1000", "limit=1001", 400, "INVALID_PARAMETER", "limit"],
    ["a zero limit", "limit=0", 400, "INVALID_PARAMETER", "limit"],
    ["a limit that is not a number", "limit=ten", 400, "INVALID_PARAMETER", "limit"],
    ["an impossible date", "from=2025-13-45", 400, "INVALID_PARAMETER", "from"],
    ["a reversed range", "from=2025-06-01&to=2025-01-01", 400, "INVALID_PARAMETER", "to"],
    ["an unknown depth", "depth=DEEP", 400, "INVALID_PARAMETER", "depth"],
    ["an overlong search", `q=${"x".repeat(101)}`, 400, "INVALID_PARAMETER", "q"],
    ["a repeated parameter", "role=MEMBER&role=CHAIR", 400, "INVALID_PARAMETER", "role"],
    ["a NUL byte", "q=a%00b", 400, "INVALID_PARAMETER", "q"],
    ["a lone surrogate", "q=a%ED%A0%80b", 400, "INVALID_PARAMETER", "q"],
    ["a malformed cursor", "cursor=../../etc", 400, "INVALID_PARAMETER", "cursor"],
  ])("refuses %s with a 400 naming the parameter", async (_label, query, status, code, parameter) => {
    const response = await call("engagements", query, "admin");
    expect(response.status).toBe(status);
    const json: unknown = await response.json();
    conforms("engagements", 400, json);
    const body = z.object({ code: z.string(), message: z.string(), parameter: z.string() }).strict().parse(json);
    expect(body).toMatchObject({ code, parameter });
    expect(body.message).toContain(parameter);
    expect(body.message).not.toMatch(/prisma|select|at \w+ \(/i);
  });

  it.each([
    ["activities", "kind=PARTY", "kind"],
    ["activities", "from=2025-06-01&to=2025-01-01", "to"],
    ["activities", "role=MEMBER", "role"],
    ["participants", "status=gone", "status"],
    ["participants", "sdo=x", "sdo"],
    ["sdos", "q=x", "q"],
    ["committees", "limit=-1", "limit"],
    ["standards", "committee=" + "x".repeat(65), "committee"],
    ["objectives", "q=x", "q"],
    ["recommendations", "objective=", "objective"],
    ["core-areas", "limit=1001", "limit"],
    ["key-applications", "cursor=%2F", "cursor"],
    ["agencies", "sort=acronym", "sort"],
    ["audit", "entityType=" + "x".repeat(41), "entityType"],
    ["audit", "from=2025-02-30", "from"],
  ] as const)("%s refuses %s with a 400 naming %s", async (name, query, parameter) => {
    const response = await call(name, query, name === "audit" ? "admin" : "viewer");
    expect(response.status).toBe(400);
    const body: unknown = await response.json();
    conforms(name, 400, body);
    expect(body).toMatchObject({ parameter });
  });

  it("answers a foreign or unknown cursor with an empty page, not an error", async () => {
    const response = await call("engagements", `sdo=${ids.sdo}&cursor=${Buffer.from("zzzzzzzz").toString("base64url")}`, "admin");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [], next: null });
  });

  it("sends an ETag and answers If-None-Match with 304, and a changed row with a new ETag", async () => {
    const first = await call("engagements", QUERIES.engagements(), "admin");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const again = await call("engagements", QUERIES.engagements(), "admin", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    await db.engagement.update({ where: { id: ids.engB[0] }, data: { notes: "changed", version: { increment: 1 } } });
    const changed = await call("engagements", QUERIES.engagements(), "admin", { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("records the token's last use and address", async () => {
    await call("sdos", "limit=1", "viewer", { "x-forwarded-for": "198.51.100.7, 10.0.0.1" });
    const token = await db.personalAccessToken.findFirstOrThrow({ where: { name: "viewer", user: { email: `viewer.${tag}@test.gov` } } });
    expect(token.lastUsedAddress).toBe("198.51.100.7");
    expect(token.lastUsedAt).not.toBeNull();
  });

  it("lists every endpoint on the API page with its parameters, roles and a curl on the public origin", async () => {
    const { apiDocs, publicOrigin } = await import("@/server/api/api-docs");
    expect(publicOrigin("https://tracker.example.gov/base", new Headers({ host: "other.example" }))).toBe("https://tracker.example.gov");
    expect(publicOrigin(undefined, new Headers({ host: "127.0.0.1:3243" }))).toBe("http://127.0.0.1:3243");
    expect(publicOrigin("not a url", new Headers({ host: "t.example.gov", "x-forwarded-proto": "https" }))).toBe("https://t.example.gov");
    const docs = apiDocs("https://t.example.gov");
    expect(docs.map((d) => d.path)).toEqual(API_ENDPOINTS.map((e) => e.path));
    for (const endpoint of API_ENDPOINTS) {
      const doc = docs.find((d) => d.path === endpoint.path)!;
      expect(doc.parameters.map((p) => p.name)).toEqual(Object.keys(endpoint.query.shape));
      expect(doc.parameters.every((p) => p.values.length > 0)).toBe(true);
      expect(doc.curl).toMatch(new RegExp(`^curl -H "Authorization: Bearer \\$TRACKER_TOKEN" "https://t\\.example\\.gov${endpoint.path}(\\?[^"]*)?"$`));
    }
    expect(docs.find((d) => d.path === "/api/v1/audit")!.roles).toEqual(["Admin", "Coordinator (own agency)"]);
    expect(docs.find((d) => d.path === "/api/v1/engagements")!.parameters.find((p) => p.name === "depth")!.values).toBe("one of OBSERVE, ATTEND, CONTRIBUTE, LEAD");
    expect(docs.find((d) => d.path === "/api/v1/sdos")!.parameters.find((p) => p.name === "limit")!.values).toBe("whole number from 1 to 1000 (default 100)");
  });

  it("documents every endpoint in OpenAPI 3.1 with the same schemas the responses validate against", async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const paths = doc.paths as Record<string, { get: { parameters: { name: string }[]; responses: Record<string, { content?: { "application/json": { schema: unknown } } }> } }>;
    expect(Object.keys(paths).sort()).toEqual(Object.keys(routes).map((n) => `/api/v1/${n}`).sort());
    for (const endpoint of API_ENDPOINTS) {
      const op = paths[endpoint.path]!.get;
      expect(op.parameters.map((p) => p.name).sort()).toEqual(Object.keys(endpoint.query.shape).sort());
      const schema = endpoint.kind === "collection" ? pageOf(endpoint.item) : endpoint.body;
      const documented = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Record<string, unknown>;
      delete documented.$schema;
      expect(op.responses["200"]!.content!["application/json"].schema).toEqual(documented);
      expect(responseSchemaOf(endpoint)).toEqual(documented);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "304", "400", "401", "403", "429", "500"]));
      expect(op.responses["400"]!.content!["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    }
    const route = (await import("../../app/api/v1/openapi.json/route")).GET;
    expect(await route().json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
