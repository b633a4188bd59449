// A whole-collection walk of /api/v1/engagements through the real route handler while rows
// are inserted, updated and deleted between pages, checking the guarantee the README states:
// - every row that exists for the whole walk and keeps matching is returned exactly once
//   (updates that keep it matching included);
// - no row is returned twice, and nothing is returned that never existed;
// - a row deleted before the walk reaches it is not returned;
// - rows inserted during the walk may or may not appear (keyset paging by id: those whose id
//   sorts after the cursor do, those before it do not), each at most once.
// Seeded with one set-based INSERT ... SELECT generate_series: 100,000 rows on PostgreSQL;
// 20,000 on PGlite, where the same walk of 100,000 takes minutes (single-connection WASM
// Postgres, ~5x slower per page) for no extra coverage of the paging logic.
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
    while (next) {
      const response = await route(new Request(`http://127.0.0.1${next}`, { headers: { authorization: `Bearer ${secret}` } }));
      expect(response.status).toBe(200);
      const page = schema.parse(await response.json());
      for (const row of page.data) seen.set(row.id, (seen.get(row.id) ?? 0) + 1);
      next = page.next;
      pages += 1;
      const last = page.data.at(-1)?.id;
      if (!next || !last) break;
      // Between pages, about where the walk is: n is the last row read.
      const n = Number(last.slice(tag.length + 1));
      const ahead = n + 500;
      const behind = n - 500;
      if (ahead <= ROWS && !deleted.has(idOf(ahead))) {
        // Update a row not read yet (it keeps matching) and delete another one not read yet.
        await db.engagement.update({ where: { id: idOf(ahead) }, data: { notes: `walk ${pages}`, version: { increment: 1 } } });
        updated.add(idOf(ahead));
        if (ahead + 1 <= ROWS && !deleted.has(idOf(ahead + 1))) {
          await db.engagement.delete({ where: { id: idOf(ahead + 1) } });
          deleted.add(idOf(ahead + 1));
        }
      }
      if (behind >= 1 && !deleted.has(idOf(behind))) {
        await db.engagement.update({ where: { id: idOf(behind) }, data: { depth: "CONTRIBUTE", version: { increment: 1 } } });
        updated.add(idOf(behind));
      }
      // Insert one row whose id sorts ahead of the cursor and one behind it.
      for (const id of [`${idOf(ahead)}a`, `${idOf(Math.max(behind, 1))}b`]) {
        await db.engagement.create({
          data: { id, participantId, agencyId, committeeId, role: "OBSERVER", depth: "OBSERVE", startDate: new Date("2024-01-01"), endDate: new Date("2024-02-01") },
        });
        inserted.add(id);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`[api-walk] ${BACKEND}: ${pages} pages, ${seen.size} rows in ${seconds.toFixed(1)} s (${Math.round(seen.size / seconds)} rows/s, writes between pages included)`);

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
    expect([...updated].every((id) => seen.get(id) === 1)).toBe(true);
    expect(deleted.size).toBeGreaterThan(10);
    expect(inserted.size).toBeGreaterThan(10);
    expect(pages).toBeGreaterThanOrEqual(Math.floor((ROWS - deleted.size) / 1000));
  });
});
