// A whole-collection walk of /api/v1/engagements through the real route handler while rows
// are inserted, updated and deleted between pages, checking the guarantee the README states:
// - every row that exists for the whole walk and keeps matching is returned exactly once
//   (updates that keep it matching included);
// - no row is returned twice, and nothing is returned that never existed;
// - a row deleted before the walk reaches it is not returned;
// - rows inserted during the walk may or may not appear (keyset paging by id: those whose id
//   sorts after the cursor do, those before it do not), each at most once.
// Seeded with one set-based INSERT ... SELECT generate_series: 100,000 rows on PostgreSQL;
// 20,000 on PGlite (single-connection Postgres in WASM), where the seed and the walk run
// about 4x slower (measured on a loaded 2-core machine: 20k seeded in 30 s and walked at
// 750 rows/s, against 100k seeded in 26 s and walked at 3,100 rows/s on PostgreSQL), so
// 100k would add ~5 minutes to every run for no extra coverage of the paging logic.
// Measured duration of this file on that machine: ~70 s on PostgreSQL, ~85 s on PGlite.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BACKEND } from "./support/backend";

process.env.API_RATE_LIMIT = "1000000";
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/server/db/client");
const { createApiToken } = await import("@/server/api-tokens/tokens");
const { pageOf, engagementItem } = await import("@/server/api/v1-schemas");
const route = (await import("../../app/api/v1/engagements/route")).GET;

const ROWS = BACKEND === "postgres" ? 100_000 : 20_000;
const tag = `w${Date.now().toString(36)}`;
const idOf = (n: number) => `${tag}-${String(n).padStart(6, "0")}`;
let agencyId = "";
let participantId = "";
let committeeId = "";
let secret = "";

beforeAll(async () => {
  agencyId = (await db.agency.create({ data: { acronym: `W${tag}`, name: "Walk agency" } })).id;
  participantId = (await db.participant.create({ data: { agencyId, name: `Walker ${tag}` } })).id;
  const sdo = await db.sdo.create({ data: { acronym: `S${tag}`, name: "Walk SDO", type: "consortium" } });
  committeeId = (await db.committee.create({ data: { sdoId: sdo.id, designation: `S${tag}/WG 1`, title: "Walk WG" } })).id;
  const started = performance.now();
  // Past seats (an end date), so the one-active-seat rule never applies.
  await db.$executeRaw`
INSERT INTO "Engagement" (id, "participantId", "agencyId", "committeeId", role, depth, "startDate", "endDate", "updatedAt")
SELECT ${tag} || '-' || lpad(g::text, 6, '0'), ${participantId}, ${agencyId}, ${committeeId}, 'MEMBER', 'ATTEND',
       DATE '2015-01-01' + (g % 3000), DATE '2015-01-01' + (g % 3000) + 30, now()
FROM generate_series(1, ${ROWS}::int) AS g`;
  console.log(`[api-walk] seeded ${ROWS} engagements on ${BACKEND} in ${Math.round(performance.now() - started)} ms`);
  const user = await db.user.create({ data: { email: `walker.${tag}@test.gov`, name: "Walker", role: "ADMIN", passwordHash: "x" } });
  secret = (await db.$transaction((tx) => createApiToken(tx, user.id, { name: "walk", expiresInDays: 30 }, new Date()))).secret;
});

afterAll(async () => {
  await db.$executeRaw`DELETE FROM "Engagement" WHERE "agencyId" = ${agencyId}`;
});

describe(`a whole-collection walk of ${ROWS} engagements on ${BACKEND}`, () => {
  it("returns every row present for the whole walk exactly once while rows are inserted, updated and deleted", async () => {
    const schema = pageOf(engagementItem);
    const seen = new Map<string, number>();
    const deleted = new Set<string>();
    const inserted = new Set<string>();
    const updated = new Set<string>();
    let next: string | null = `/api/v1/engagements?agency=${agencyId}&status=all&limit=1000`;
    let pages = 0;
    const started = performance.now();
    let writeMs = 0;
    while (next) {
      const response = await route(new Request(`http://127.0.0.1${next}`, { headers: { authorization: `Bearer ${secret}` } }));
      expect(response.status).toBe(200);
      const page = schema.parse(await response.json());
      for (const row of page.data) seen.set(row.id, (seen.get(row.id) ?? 0) + 1);
      next = page.next;
      pages += 1;
      const last = page.data.at(-1)?.id;
      if (!next || !last) break;
      // Between pages, about where the walk is (n: the last row read), in ONE statement so
      // the writes cost one round trip: update a row not read yet (it keeps matching) and
      // one already read, delete a row not read yet, insert a row whose id sorts ahead of
      // the cursor and one whose id sorts behind it.
      const n = Number(last.slice(tag.length + 1));
      const ahead = idOf(n + 500);
      const gone = idOf(n + 501);
      const behind = idOf(Math.max(n - 500, 1));
      const news = [`${ahead}a`, `${behind}b`];
      const writes = performance.now();
      await db.$executeRaw`
WITH u AS (
  UPDATE "Engagement" SET notes = 'walk ' || ${pages}::int, depth = CASE WHEN id = ${behind} THEN 'CONTRIBUTE'::"Depth" ELSE depth END,
         version = version + 1, "updatedAt" = now()
  WHERE id IN (${ahead}, ${behind}) RETURNING id
), d AS (
  DELETE FROM "Engagement" WHERE id = ${gone} RETURNING id
)
INSERT INTO "Engagement" (id, "participantId", "agencyId", "committeeId", role, depth, "startDate", "endDate", "updatedAt")
SELECT x, ${participantId}, ${agencyId}, ${committeeId}, 'OBSERVER', 'OBSERVE', DATE '2024-01-01', DATE '2024-02-01', now()
FROM unnest(${news}::text[]) AS x`;
      writeMs += performance.now() - writes;
      for (const id of [ahead, behind]) if (n + 500 <= ROWS || id === behind) updated.add(id);
      if (n + 501 <= ROWS) deleted.add(gone);
      for (const id of news) inserted.add(id);
    }
    const seconds = (performance.now() - started - writeMs) / 1000;
    console.log(`[api-walk] ${BACKEND}: ${pages} pages, ${seen.size} rows in ${seconds.toFixed(1)} s of reads (${Math.round(seen.size / seconds)} rows/s) + ${(writeMs / 1000).toFixed(1)} s of writes between pages`);

    const twice = [...seen].filter(([, count]) => count > 1).map(([id]) => id);
    expect(twice).toEqual([]);
    const missing: string[] = [];
    for (let n = 1; n <= ROWS; n++) {
      const id = idOf(n);
      if (!deleted.has(id) && !seen.has(id)) missing.push(id);
    }
    expect(missing).toEqual([]);
    expect([...deleted].filter((id) => seen.has(id))).toEqual([]);
    const unknown = [...seen.keys()].filter((id) => !inserted.has(id) && !(id.startsWith(`${tag}-`) && id.length === tag.length + 7));
    expect(unknown).toEqual([]);
    expect([...updated].filter((id) => !deleted.has(id)).every((id) => seen.get(id) === 1)).toBe(true);
    expect(deleted.size).toBeGreaterThan(10);
    expect(inserted.size).toBeGreaterThan(10);
    expect(pages).toBeGreaterThanOrEqual(Math.floor((ROWS - deleted.size) / 1000));
  });
});
