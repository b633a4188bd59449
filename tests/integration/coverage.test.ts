// The coverage engine against a real database, on both backends:
// - the hand-computed fixture through the SQL raises exactly the expected flags;
// - on generated demo data, the SQL aggregates equal the pure engine's, scope by scope,
//   and the whole gap report equals the one built from plain rows;
// - the report and admin actions: scope from the session, validation, audit, conflicts.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { AppSession } from "@/server/auth/session";
import {
  aggregateEngagements,
  countActivities,
  countAreaEngagements,
  countInventory,
  type CommitteeRef,
  type EngagementFact,
  type StandardRef,
} from "@/domain/coverage-metrics";
import { buildGapReport } from "@/domain/coverage-report";
import { EXPECTED_C6, EXPECTED_CORE_AREA_A, EXPECTED_GAPS, EXPECTED_TOTALS, FIXTURE_AGENCIES, FIXTURE_COMMITTEES, FIXTURE_ENGAGEMENTS, FIXTURE_PARTICIPANTS, FIXTURE_PERIOD, FIXTURE_REFERENCE, FIXTURE_STANDARDS, FIXTURE_TODAY } from "@/domain/coverage-fixture";
import { fiscalYearPeriod, rangePeriod, toIsoDate, type Period } from "@/domain/fiscal-year";
import { randomBytes } from "node:crypto";
import { openDatabase, type Database } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";
import { BACKEND, databaseUrl, emptyPgliteDatabase, withAdmin } from "./support/backend";

interface PrivateDatabase {
  db: Database;
  dispose(): Promise<void>;
}

/**
 * A new, empty database of this run's backend. Unlike support's scratchDatabase it waits
 * for its closed connections to leave before dropping the database: terminating a socket
 * that is still closing surfaces as an unhandled FATAL 57P01 in the test run.
 */
async function privateDatabase(): Promise<PrivateDatabase> {
  if (BACKEND === "pglite") {
    const db = await emptyPgliteDatabase();
    return { db, dispose: () => db.close() };
  }
  const name = `set_coverage_${randomBytes(6).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const db = openDatabase({ kind: "postgres", url: databaseUrl(name) });
  return {
    db,
    async dispose() {
      await db.close();
      await withAdmin(async (c) => {
        // Usually gone at once; the generous deadline only matters on a loaded machine.
        for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
          const { rows } = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}

const sessionRef: { current: AppSession | null } = { current: null };
vi.mock("@/server/auth/session", () => ({ getSession: async () => sessionRef.current }));

const { computeGapReport, REPORT_TRANSACTION } = await import("@/server/coverage/gap-report-data");
const { queryActivityCounts, queryEngagementAggregates, queryInventory, queryReportContext, queryTrend, tuneReportTransaction } = await import("@/server/coverage/coverage-sql");
const { seedDefaultIndicators } = await import("@/server/coverage/indicator-seed");
const { areaParamsOf } = await import("@/domain/coverage-indicators");
const { seedReference } = await import("../../seeds/reference");
const { generateDemoData } = await import("../../seeds/demo-data");

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const gapKeys = (gaps: { code: string; subject: { kind: string; id: string } }[]) => gaps.map((g) => `${g.subject.kind} ${g.subject.id} ${g.code}`).sort();

async function insertFixture(prisma: PrismaClient) {
  const provenance = "INFERRED" as const;
  await prisma.agency.createMany({ data: FIXTURE_AGENCIES });
  await prisma.coreArea.createMany({ data: FIXTURE_REFERENCE.coreAreas.map((c) => ({ ...c, description: c.name, provenance })) });
  await prisma.keyApplication.createMany({ data: FIXTURE_REFERENCE.keyApplications.map((k) => ({ ...k, provenance })) });
  await prisma.maturityCell.createMany({ data: FIXTURE_REFERENCE.maturity.map((m) => ({ ...m, provenance })) });
  await prisma.sdo.createMany({ data: FIXTURE_REFERENCE.sdos.map((s) => ({ ...s, type: "consortium" })) });
  await prisma.committee.createMany({ data: FIXTURE_REFERENCE.committees });
  await prisma.coreAreaCommittee.createMany({ data: FIXTURE_COMMITTEES.flatMap((c) => c.coreAreaIds.map((coreAreaId) => ({ coreAreaId, committeeId: c.id }))) });
  await prisma.keyApplicationCommittee.createMany({
    data: FIXTURE_COMMITTEES.flatMap((c) => c.keyApplicationIds.map((keyApplicationId) => ({ keyApplicationId, committeeId: c.id }))),
  });
  await prisma.standard.createMany({
    data: FIXTURE_STANDARDS.map((s) => ({ id: s.id, sdoId: s.sdoId, committeeId: s.committeeId, designation: s.designation, title: s.title, stage: s.stage })),
  });
  await prisma.standardCoreArea.createMany({ data: FIXTURE_STANDARDS.flatMap((s) => s.coreAreaIds.map((coreAreaId) => ({ standardId: s.id, coreAreaId }))) });
  await prisma.standardKeyApplication.createMany({
    data: FIXTURE_STANDARDS.flatMap((s) => s.keyApplicationIds.map((keyApplicationId) => ({ standardId: s.id, keyApplicationId }))),
  });
  await prisma.participant.createMany({ data: FIXTURE_PARTICIPANTS });
  await prisma.engagement.createMany({
    data: FIXTURE_ENGAGEMENTS.map((e) => ({
      ...e,
      startDate: day(e.startDate),
      endDate: e.endDate ? day(e.endDate) : null,
      lastConfirmedOn: e.lastConfirmedOn ? day(e.lastConfirmedOn) : null,
    })),
  });
}

describe(`the hand-computed fixture through SQL on ${BACKEND}`, () => {
  let scratch: PrivateDatabase;
  beforeAll(async () => {
    scratch = await privateDatabase();
    await applyMigrations(scratch.db);
    await insertFixture(scratch.db.prisma);
  });
  afterAll(() => scratch.dispose());

  it("raises exactly the expected flags", async () => {
    const report = await scratch.db.prisma.$transaction(
      (tx) => computeGapReport(tx, { period: FIXTURE_PERIOD, today: FIXTURE_TODAY, generatedAt: "2026-01-15T12:00:00.000Z", agencyId: null, sdoId: null }),
      REPORT_TRANSACTION,
    );
    expect(gapKeys(report.gaps)).toEqual(EXPECTED_GAPS.map((g) => `${g.kind} ${g.id} ${g.code}`).sort());
    expect(report.coreAreas.find((c) => c.id === "FX-CA-A")?.metrics).toEqual(EXPECTED_CORE_AREA_A);
    expect(report.totals).toMatchObject(EXPECTED_TOTALS);
    expect(report.gaps.find((g) => g.code === "SINGLE_AGENCY" && g.subject.id === "FX-CA-C")?.reason).toContain("a single agency, FXONE.");
  });

  it("rolls C6 up with its working group, counts the SDO-level seat, and takes the confirmed day", async () => {
    const report = await scratch.db.prisma.$transaction(
      (tx) => computeGapReport(tx, { period: FIXTURE_PERIOD, today: FIXTURE_TODAY, generatedAt: "2026-01-15T12:00:00.000Z", agencyId: null, sdoId: null }),
      REPORT_TRANSACTION,
    );
    const c6 = report.committees.find((c) => c.id === "FX-C6");
    expect(c6?.direct).toMatchObject(EXPECTED_C6.direct);
    expect(c6?.metrics).toMatchObject(EXPECTED_C6.includingSubgroups);
    expect(c6?.drill.committee).toEqual(["FX-C6", "FX-C7"]);
    expect(report.coreAreas.find((c) => c.id === "FX-CA-F")?.metrics.engagements).toBe(1);
    expect(report.coreAreas.find((c) => c.id === "FX-CA-G")?.metrics).toMatchObject({ engagements: 1, leadership: 1, lastActivity: "2025-06-15" });
    expect(report.sdos.find((s) => s.id === "FX-S4")?.metrics.engagements).toBe(1);
    expect(report.heatmaps.coreAreaKeyApplication.cells.find((c) => c.id === "FX-CA-A|FX-KA-X")).toMatchObject({ level: 4, deepShare: 2 / 3 });
  });

  it("rolls up beyond 31 committees with sub-groups too (no masks), the same as the engine", async () => {
    const prisma = scratch.db.prisma;
    // 32 more parents, each with a working group and a seat in it (plus one on a parent).
    for (let i = 0; i < 32; i++) {
      await prisma.committee.create({ data: { id: `FX-P${i}`, sdoId: "FX-S3", designation: `FX P${i}`, title: "Parent" } });
      await prisma.committee.create({ data: { id: `FX-P${i}-WG`, sdoId: "FX-S3", parentId: `FX-P${i}`, designation: `FX P${i}/WG`, title: "WG" } });
      await prisma.engagement.create({
        data: { participantId: `FX-P${1 + (i % 3)}`, agencyId: i % 3 === 2 ? "FX-AG2" : "FX-AG1", committeeId: `FX-P${i}-WG`, role: "MEMBER", depth: "ATTEND", startDate: day("2025-01-01") },
      });
    }
    await prisma.engagement.create({ data: { participantId: "FX-P3", agencyId: "FX-AG2", committeeId: "FX-P0", role: "CHAIR", depth: "LEAD", startDate: day("2025-02-01") } });
    const world = await readWorld(prisma);
    const scope = { start: FIXTURE_PERIOD.start, end: FIXTURE_PERIOD.end, asOf: "2025-09-30", agencyId: null, sdoId: null };
    const sql = await prisma.$transaction(async (tx) => {
      await tuneReportTransaction(tx);
      return [await queryEngagementAggregates(tx, scope, [], true), await queryEngagementAggregates(tx, scope, [], false)];
    }, REPORT_TRANSACTION);
    const pure = aggregateEngagements(world.facts, world.committees, world.standards, scope);
    expect(pure.committeeTree["FX-P0"]).toMatchObject({ engagements: 2, participants: 2, agencies: 2, leadership: 1 });
    expect(sql[0]!.aggregates.committeeTree).toEqual(pure.committeeTree);
    expect(sql[1]!.aggregates.committeeTree).toEqual(pure.committeeTree);
    expect(sql[0]!.aggregates.committeeTree["FX-C6"]).toMatchObject(EXPECTED_C6.includingSubgroups);
  });
});

interface World {
  facts: EngagementFact[];
  committees: CommitteeRef[];
  standards: StandardRef[];
  activities: { agencyId: string; kind: "TRAINING" | "ADOPTION" | "INTERNATIONAL_EXCHANGE" | "PUBLIC_PRIVATE_COLLABORATION" | "INTERAGENCY_COORDINATION"; startDate: string; sdoId: string | null }[];
}

async function readWorld(prisma: PrismaClient): Promise<World> {
  const [engagements, committees, standards, activities] = await Promise.all([
    prisma.engagement.findMany({
      select: { id: true, participantId: true, agencyId: true, committeeId: true, standardId: true, role: true, depth: true, startDate: true, endDate: true, lastConfirmedOn: true },
    }),
    prisma.committee.findMany({ select: { id: true, sdoId: true, parentId: true, coreAreas: { select: { coreAreaId: true } }, keyApplications: { select: { keyApplicationId: true } } } }),
    prisma.standard.findMany({
      select: { id: true, sdoId: true, committeeId: true, stage: true, coreAreas: { select: { coreAreaId: true } }, keyApplications: { select: { keyApplicationId: true } } },
    }),
    prisma.activity.findMany({ select: { agencyId: true, kind: true, startDate: true, sdoId: true } }),
  ]);
  return {
    facts: engagements.map((e) => ({
      ...e,
      startDate: toIsoDate(e.startDate),
      endDate: e.endDate ? toIsoDate(e.endDate) : null,
      lastConfirmedOn: e.lastConfirmedOn ? toIsoDate(e.lastConfirmedOn) : null,
    })),
    committees: committees.map((c) => ({ id: c.id, sdoId: c.sdoId, parentId: c.parentId, coreAreaIds: c.coreAreas.map((l) => l.coreAreaId), keyApplicationIds: c.keyApplications.map((l) => l.keyApplicationId) })),
    standards: standards.map((s) => ({
      id: s.id,
      sdoId: s.sdoId,
      committeeId: s.committeeId,
      stage: s.stage,
      coreAreaIds: s.coreAreas.map((l) => l.coreAreaId),
      keyApplicationIds: s.keyApplications.map((l) => l.keyApplicationId),
    })),
    activities: activities.map((a) => ({ ...a, startDate: toIsoDate(a.startDate) })),
  };
}

describe(`SQL aggregation equals the pure engine on generated data (${BACKEND})`, () => {
  let scratch: PrivateDatabase;
  let world: World;
  const NOW = new Date("2026-03-15T12:00:00Z");
  beforeAll(async () => {
    scratch = await privateDatabase();
    await applyMigrations(scratch.db);
    await seedReference(scratch.db.prisma);
    await seedDefaultIndicators(scratch.db.prisma);
    await generateDemoData(scratch.db.prisma, { seed: 11, engagements: 4000, participants: 300, activities: 500, extraStandards: 400, now: NOW });
    // Some edge cases the generator does not make: a standard-only engagement whose
    // standard has no committee, and one whose standard's SDO differs from its committee's.
    const orphan = await scratch.db.prisma.standard.findFirstOrThrow({ where: { committeeId: null }, select: { id: true } });
    const crossed = await scratch.db.prisma.standard.findFirstOrThrow({ where: { id: "STD-20243" }, select: { id: true } });
    const person = await scratch.db.prisma.participant.findFirstOrThrow({ select: { id: true, agencyId: true } });
    await scratch.db.prisma.engagement.createMany({
      data: [orphan.id, crossed.id].map((standardId, i) => ({
        id: `edge-${i}`,
        participantId: person.id,
        agencyId: person.agencyId,
        standardId,
        role: "EDITOR" as const,
        depth: "LEAD" as const,
        startDate: day("2024-11-01"),
      })),
    });
    // Seats confirmed still active on various days (some after an as-of day, some before).
    const some = await scratch.db.prisma.engagement.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 400 });
    for (const [i, e] of some.entries()) {
      if (i % 4 === 0) await scratch.db.prisma.engagement.update({ where: { id: e.id }, data: { lastConfirmedOn: day(i % 8 === 0 ? "2025-08-01" : "2024-03-15") } });
    }
    world = await readWorld(scratch.db.prisma);
  }, 240_000);
  afterAll(() => scratch.dispose());

  const scopes: [string, Period, string, string | null, string | null][] = [
    ["FY2025, all", fiscalYearPeriod(2025), "2025-09-30", null, null],
    ["FY2024, NIST", fiscalYearPeriod(2024), "2024-09-30", "AG-NIST", null],
    ["2019 to today, ISO/IEC JTC 1", rangePeriod("2019-01-01", "2026-03-15"), "2026-03-15", null, "SDO-ISOIEC-JTC1"],
    ["FY2026 so far, DHS at IETF", fiscalYearPeriod(2026), "2026-03-15", "AG-DHS", "SDO-IETF"],
    ["FY2025, the SDO of the crossed standard", fiscalYearPeriod(2025), "2025-09-30", null, "SDO-ISOIEC-JTC1"],
  ];

  it.each(scopes)("%s", async (_, period, asOf, agencyId, sdoId) => {
    const scope = { start: period.start, end: period.end, asOf, agencyId, sdoId };
    const prisma = scratch.db.prisma;
    const { indicators } = await prisma.$transaction((tx) => queryReportContext(tx, scope));
    const areas = indicators.flatMap((i) => {
      const p = areaParamsOf(i.kind, i.params);
      return p ? [{ key: i.id, ...p }] : [];
    });
    const sql = await prisma.$transaction(async (tx) => {
      await tuneReportTransaction(tx);
      return {
        // Distinct agencies are counted with a bitmask or with DISTINCT: same numbers.
        engagement: await queryEngagementAggregates(tx, scope, areas, true),
        manyAgencies: await queryEngagementAggregates(tx, scope, areas, false),
        inventory: await queryInventory(tx, sdoId),
        activities: await queryActivityCounts(tx, scope),
      };
    }, REPORT_TRANSACTION);
    const pure = aggregateEngagements(world.facts, world.committees, world.standards, scope);
    expect(pure.total.engagements).toBeGreaterThan(0);
    expect(sql.engagement.aggregates).toEqual(pure);
    expect(sql.manyAgencies.aggregates).toEqual(pure);
    expect(sql.engagement.unengagedStandards.map((s) => s.id)).toEqual(pure.unengagedDevelopmentStandardIds);
    for (const area of areas) {
      expect(sql.engagement.areaCounts[area.key]).toBe(countAreaEngagements(world.facts, world.committees, world.standards, scope, area));
    }
    expect(sql.inventory).toEqual(countInventory(world.committees, world.standards, sdoId));
    expect(sql.activities).toEqual(countActivities(world.activities, scope));
  });

  it.each([
    [null, null],
    ["AG-NIST", null],
    [null, "SDO-IETF"],
  ])("trend by fiscal year equals each year's totals (agency %s, SDO %s)", async (agencyId, sdoId) => {
    const prisma = scratch.db.prisma;
    const rows = await prisma.$transaction(async (tx) => {
      await tuneReportTransaction(tx);
      return queryTrend(tx, { agencyId, sdoId }, 2016, 2026);
    }, REPORT_TRANSACTION);
    expect(rows.map((r) => r.fiscalYear)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const row of rows) {
      const period = fiscalYearPeriod(row.fiscalYear);
      const total = aggregateEngagements(world.facts, world.committees, world.standards, { start: period.start, end: period.end, asOf: period.end, agencyId, sdoId }).total;
      expect(row).toEqual({ fiscalYear: row.fiscalYear, engagements: total.engagements, participants: total.participants, agencies: total.agencies, leadership: total.leadership, depth: total.depth });
    }
  });

  it("builds the same whole report from SQL as from plain rows", async () => {
    const prisma = scratch.db.prisma;
    const period = fiscalYearPeriod(2025);
    const request = { period, today: "2026-03-15", generatedAt: NOW.toISOString(), agencyId: null, sdoId: null };
    const fromSql = await prisma.$transaction((tx) => computeGapReport(tx, request), REPORT_TRANSACTION);
    const scope = { start: period.start, end: period.end, asOf: "2025-09-30", agencyId: null, sdoId: null };
    const { reference, settings, indicators } = await prisma.$transaction((tx) => queryReportContext(tx, scope));
    const aggregates = aggregateEngagements(world.facts, world.committees, world.standards, scope);
    const details = await prisma.standard.findMany({
      where: { id: { in: aggregates.unengagedDevelopmentStandardIds } },
      select: { id: true, designation: true, title: true, stage: true, sdoId: true, committeeId: true },
    });
    const byId = new Map(details.map((d) => [d.id, d]));
    const fromRows = buildGapReport({
      generatedAt: request.generatedAt,
      period,
      asOf: "2025-09-30",
      agency: null,
      sdo: null,
      settings,
      reference,
      inventory: countInventory(world.committees, world.standards, null),
      aggregates,
      unengagedStandards: aggregates.unengagedDevelopmentStandardIds.map((id) => byId.get(id)!),
      activities: countActivities(world.activities, scope),
      indicators,
      areaEngagements: Object.fromEntries(
        indicators.flatMap((i) => {
          const p = areaParamsOf(i.kind, i.params);
          return p ? [[i.id, countAreaEngagements(world.facts, world.committees, world.standards, scope, p)]] : [];
        }),
      ),
    });
    expect(fromSql).toEqual(fromRows);
    expect(fromSql.recommendations).toHaveLength(8);
    expect(fromSql.objectives).toHaveLength(4);
    expect(fromSql.gaps.length).toBeGreaterThan(0);
  });

  it.each([null, "SDO-ISOIEC-JTC1"])("reuses the inventory counts (SDO %s) until the inventory changes, then counts again", async (sdoId) => {
    const prisma = scratch.db.prisma;
    const period = fiscalYearPeriod(2025);
    const scope = { start: period.start, end: period.end, asOf: "2025-09-30", agencyId: null, sdoId };
    const context = () => prisma.$transaction((tx) => queryReportContext(tx, scope));
    const first = await context();
    expect(first.inventory).toEqual(countInventory(world.committees, world.standards, sdoId));
    expect((await context()).inventory).toBe(first.inventory);

    // A new link between one of the SDO's standards and a core area it lacked: counted at once.
    const standard = world.standards.find((s) => s.sdoId === "SDO-ISOIEC-JTC1" && !s.coreAreaIds.includes("CA-CRYPTO"))!;
    await prisma.standardCoreArea.create({ data: { standardId: standard.id, coreAreaId: "CA-CRYPTO" } });
    try {
      const linked = world.standards.map((s) => (s.id === standard.id ? { ...s, coreAreaIds: [...s.coreAreaIds, "CA-CRYPTO"] } : s));
      const after = await context();
      expect(after.inventory).toEqual(countInventory(world.committees, linked, sdoId));
      expect(after.inventory.coreArea["CA-CRYPTO"]!.standards).toBe(first.inventory.coreArea["CA-CRYPTO"]!.standards + 1);
    } finally {
      await prisma.standardCoreArea.delete({ where: { standardId_coreAreaId: { standardId: standard.id, coreAreaId: "CA-CRYPTO" } } });
    }
    const restored = await context();
    expect(restored.inventory).not.toBe(first.inventory);
    expect(restored.inventory).toEqual(first.inventory);
  });
});

const { db } = await import("@/server/db/client");
const actions = await import("@/server/actions/coverage");

describe(`coverage actions on ${BACKEND}`, () => {
  const stamp = Date.now().toString(36);
  const users = new Map<string, AppSession>();

  beforeAll(async () => {
    await seedReference(db);
    await seedDefaultIndicators(db);
    for (const role of ["ADMIN", "LEAD", "COORDINATOR", "VIEWER"] as const) {
      const agencyId = role === "COORDINATOR" ? "AG-NIST" : null;
      const email = `cov-${role.toLowerCase()}-${stamp}@test.gov`;
      const user = await db.user.create({ data: { email, name: role, role, passwordHash: "x", agencyId } });
      users.set(role, { user: { id: user.id, email, name: role, role, agencyId, agencyAcronym: agencyId ? "NIST" : null }, scope: { userId: user.id, role, agencyId } });
    }
    // One engagement each for NIST and DHS in FY2025, so both agencies have something.
    for (const agencyId of ["AG-NIST", "AG-DHS"]) {
      const person = await db.participant.create({ data: { agencyId, name: `Coverage ${agencyId} ${stamp}` } });
      await db.engagement.create({
        data: { participantId: person.id, agencyId, committeeId: "C-SC27", role: "CHAIR", depth: "LEAD", startDate: day("2024-12-01") },
      });
    }
  });
  beforeEach(() => {
    sessionRef.current = null;
  });
  const as = (role: string) => (sessionRef.current = users.get(role)!);

  it("refuses without a session", async () => {
    expect(await actions.computeGapReportAction({ fy: 2025 })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("computes the report for a lead, all agencies or one", async () => {
    as("LEAD");
    const all = await actions.computeGapReportAction({ fy: "2025" });
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    expect(all.data.agency).toBeNull();
    expect(all.data.period).toMatchObject({ kind: "fiscalYear", fiscalYear: 2025 });
    const dhs = await actions.computeGapReportAction({ fy: 2025, agency: "AG-DHS" });
    expect(dhs.ok && dhs.data.agency?.acronym).toBe("DHS");
    expect(dhs.ok && dhs.data.totals.agencies).toBe(1);
  });

  it("pins a coordinator to their own agency, whatever the request says", async () => {
    as("COORDINATOR");
    const result = await actions.computeGapReportAction({ fy: 2025, agency: "AG-DHS" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.agency?.id).toBe("AG-NIST");
    expect(result.data.totals.agencies).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "coverage.report", actorId: users.get("COORDINATOR")!.user.id } });
    expect(event.agencyId).toBe("AG-NIST");
  });

  it.each([
    [{ fy: 2025, agency: "AG-NOPE" }, "agency"],
    [{ fy: 2025, sdo: "SDO-NOPE" }, "sdo"],
    [{ from: "2025-02-01" }, "to"],
    [{ from: "2025-02-01", to: "2025-01-01" }, "to"],
    [{ fy: 1999 }, "fy"],
  ])("refuses bad filters %j", async (input, field) => {
    as("LEAD");
    const result = await actions.computeGapReportAction(input);
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(result.ok ? null : result.error.fieldErrors?.[field]).toBeTruthy();
  });

  it("exports CSV and JSON, audited", async () => {
    as("VIEWER");
    const csv = await actions.exportGapReportAction({ fy: 2025, format: "csv" });
    expect(csv.ok).toBe(true);
    if (!csv.ok) return;
    expect(csv.data.fileName).toBe("gap-report-FY2025.csv");
    expect(csv.data.content.split("\r\n")[0]).toMatch(/^section,rank,subject_type,/);
    const json = await actions.exportGapReportAction({ fy: 2025, sdo: "SDO-IETF", format: "json" });
    expect(json.ok && JSON.parse(json.data.content).sdo.acronym).toBe("IETF");
    const events = await db.auditEvent.findMany({ where: { action: "coverage.export", actorId: users.get("VIEWER")!.user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => (e.after as { format: string }).format)).toEqual(["csv", "json"]);
  });

  it("lets only an admin change the scoring, with optimistic locking", async () => {
    const before = await db.coverageSettings.findUnique({ where: { id: 1 } });
    const version = before?.version ?? 0;
    const values = { weightObserve: 1, weightAttend: 2, weightContribute: 3, weightLead: 5, staleMonths: 9, metPercent: 90, partialPercent: 40 };
    as("LEAD");
    expect(await actions.updateCoverageSettingsAction({ ...values, version })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    as("ADMIN");
    const saved = await actions.updateCoverageSettingsAction({ ...values, version });
    expect(saved).toEqual({ ok: true, data: { version: version + 1 } });
    const stale = await actions.updateCoverageSettingsAction({ ...values, staleMonths: 10, version });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT", current: { staleMonths: 9, version: version + 1 } } });
    const report = await actions.computeGapReportAction({ fy: 2025 });
    expect(report.ok && report.data.settings).toEqual({
      weights: { OBSERVE: 1, ATTEND: 2, CONTRIBUTE: 3, LEAD: 5 },
      staleMonths: 9,
      thresholds: { met: 0.9, partial: 0.4 },
    });
    // Every status follows the admin's thresholds: indicators, recommendations, objectives.
    if (report.ok) {
      const byThreshold = (a: number | null) => (a === null ? "unmeasured" : a >= 0.9 ? "met" : a >= 0.4 ? "partial" : "gap");
      for (const x of [...report.data.indicators, ...report.data.recommendations, ...report.data.objectives]) {
        expect(x.status).toBe(byThreshold(x.attainment === null ? null : Math.round(x.attainment * 1000) / 1000));
      }
    }
    const contradictory = await actions.updateCoverageSettingsAction({ ...values, metPercent: 40, partialPercent: 60, version: version + 1 });
    expect(contradictory).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { partialPercent: ["“Partial from” cannot be above “met from”"] } } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "coverage.settings.update" }, orderBy: { createdAt: "desc" } });
    expect(event.after).toMatchObject({ weightLead: 5, staleMonths: 9, metPercent: 90, partialPercent: 40 });
    // Put the defaults back for whoever runs next on this database.
    await db.coverageSettings.update({
      where: { id: 1 },
      data: { weightObserve: 1, weightAttend: 2, weightContribute: 3, weightLead: 4, staleMonths: 12, metPercent: 100, partialPercent: 50 },
    });
  });

  it("edits an indicator's target and parameters, refusing bad ones and stale versions", async () => {
    const indicator = await db.indicator.findUniqueOrThrow({ where: { code: "REC8-ADOPTIONS" } });
    const base = { id: indicator.id, version: indicator.version, name: indicator.name, description: indicator.description, unit: indicator.unit };
    as("ADMIN");
    const bad = await actions.updateIndicatorAction({ ...base, target: 5 });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { activityKind: ["Choose the kind of activity"] } } });
    const ok = await actions.updateIndicatorAction({ ...base, target: 5, activityKind: "ADOPTION" });
    expect(ok).toEqual({ ok: true, data: { id: indicator.id, version: indicator.version + 1 } });
    expect(await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).toMatchObject({ target: 5, params: { activityKind: "ADOPTION" } });
    const stale = await actions.updateIndicatorAction({ ...base, target: 6, activityKind: "ADOPTION" });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await db.indicator.update({ where: { id: indicator.id }, data: { target: indicator.target } });
  });
});
