// Seeding the reference data and generating demo data, from an empty database, on the
// backend of this run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/server/db/migrate";
import { seedReference } from "../../seeds/reference";
import { generateDemoData } from "../../seeds/demo-data";
import { BACKEND, scratchDatabase, type ScratchDatabase } from "./support/backend";

let scratch: ScratchDatabase;

beforeAll(async () => {
  scratch = await scratchDatabase();
  await applyMigrations(scratch.db);
});
afterAll(() => scratch.dispose());

const TABLES = ["Source", "Agency", "Objective", "Recommendation", "RecommendationObjective", "CoreArea", "KeyApplication", "MaturityCell", "Sdo", "Committee", "CoreAreaCommittee", "KeyApplicationCommittee", "Standard", "StandardCoreArea", "StandardKeyApplication"];

/** Every reference row as JSON, so any change anywhere (updatedAt included) shows. */
async function snapshot(): Promise<Record<string, string>> {
  const session = await scratch.db.session();
  try {
    const out: Record<string, string> = {};
    for (const table of TABLES) {
      const rows = await session.query<{ j: string }>(`SELECT coalesce(json_agg(t ORDER BY t::text)::text, '[]') AS j FROM "${table}" t`);
      out[table] = rows[0]!.j;
    }
    return out;
  } finally {
    await session.release();
  }
}

describe(`seeds on ${BACKEND}`, () => {
  it("seeds the NISTIR 8074 reference model", async () => {
    const report = await seedReference(scratch.db.prisma);
    expect(report.totals.updated).toBe(0);
    expect(report.totals.created).toBeGreaterThan(500);
    const prisma = scratch.db.prisma;
    expect(await prisma.objective.count()).toBe(4);
    expect(await prisma.recommendation.count()).toBe(8);
    expect(await prisma.coreArea.count()).toBe(10);
    expect(await prisma.keyApplication.count()).toBe(6);
    expect(await prisma.maturityCell.count()).toBe(60);
    // Provenance and sources are kept.
    const sc27 = await prisma.committee.findUniqueOrThrow({ where: { designation: "ISO/IEC JTC 1/SC 27" }, include: { parent: true, sdo: true } });
    expect(sc27.parent?.designation).toBe("ISO/IEC JTC 1");
    expect(sc27.provenance).toBeDefined();
    const inferred = await prisma.coreArea.count({ where: { provenance: "INFERRED" } });
    expect(inferred).toBeGreaterThan(0);
    const nist = await prisma.agency.findUniqueOrThrow({ where: { acronym: "NIST" }, include: { parent: true } });
    expect(nist.parent?.acronym).toBe("DOC");
    const rec1 = await prisma.recommendation.findUniqueOrThrow({ where: { number: 1 }, include: { objectives: true } });
    expect(rec1.objectives.length).toBe(4);
    expect(rec1.sourceRefs.length).toBeGreaterThan(0);
    expect(await prisma.source.count({ where: { id: { in: rec1.sourceRefs } } })).toBe(rec1.sourceRefs.length);
  });

  it("seeding twice changes nothing", async () => {
    const before = await snapshot();
    const report = await seedReference(scratch.db.prisma);
    expect(report.totals.created).toBe(0);
    expect(report.totals.updated).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("repairs a tampered reference row and nothing else", async () => {
    await scratch.db.prisma.coreArea.update({ where: { id: "CA-CRYPTO" }, data: { description: "tampered" } });
    const report = await seedReference(scratch.db.prisma);
    expect(report.totals.updated).toBe(1);
    expect(report.totals.created).toBe(0);
    expect((await scratch.db.prisma.coreArea.findUniqueOrThrow({ where: { id: "CA-CRYPTO" } })).description).not.toBe("tampered");
  });

  it("generates deterministic, uneven synthetic demo data", async () => {
    const prisma = scratch.db.prisma;
    const now = new Date("2026-11-01T00:00:00Z");
    const options = { seed: 42, participants: 60, engagements: 400, activities: 40, now };
    const first = await generateDemoData(prisma, options);
    expect(first.status).toBe("created");
    expect(await prisma.engagement.count()).toBe(400);
    expect(await prisma.participant.count()).toBe(60);
    const digest = async () =>
      JSON.stringify(
        await prisma.engagement.findMany({
          orderBy: { id: "asc" },
          select: { id: true, participantId: true, committeeId: true, standardId: true, role: true, depth: true, startDate: true, endDate: true },
        }),
      );
    const firstDigest = await digest();

    // Without reset a second run writes nothing.
    expect((await generateDemoData(prisma, options)).status).toBe("skipped");
    expect(await digest()).toBe(firstDigest);

    // Same seed after a reset: identical data.
    await generateDemoData(prisma, { ...options, reset: true });
    expect(await digest()).toBe(firstDigest);

    // Some engagements ended, some leadership, never an end before the start.
    const ended = await prisma.engagement.count({ where: { endDate: { not: null } } });
    expect(ended).toBeGreaterThan(0);
    expect(ended).toBeLessThan(400);
    expect(await prisma.engagement.count({ where: { depth: "LEAD" } })).toBeGreaterThan(0);
    // The reference data is untouched by demo generation.
    expect(await prisma.standard.count({ where: { designation: { startsWith: "SYN-" } } })).toBe(0);
  });
});
