// Writes synthetic demo data planned by src/domain/demo-data.ts. Demo rows are recognised by
// their "demo-" ids (and synthetic standards by their "SYN-" designations), so a reset removes
// exactly them. Inserts go in createMany batches with planner-made ids: nothing is read back.
import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import {
  DEFAULT_DEMO_OPTIONS,
  DEMO_ID_PREFIX,
  SYNTHETIC_DESIGNATION_PREFIX,
  planDemoData,
  type DemoOptions,
  type DemoUniverse,
} from "@/domain/demo-data";

export interface GenerateDemoOptions extends Partial<DemoOptions> {
  /** Delete existing demo rows first; without it existing demo data is left alone. */
  reset?: boolean;
  batchSize?: number;
}

export interface DemoReport {
  status: "created" | "skipped";
  message: string;
  options: Omit<DemoOptions, "now"> & { now: string };
  deleted: { activities: number; engagements: number; participants: number; standards: number };
  created: {
    standards: number;
    standardCoreAreas: number;
    standardKeyApplications: number;
    participants: number;
    engagements: number;
    activities: number;
  };
  thinCoreAreaIds: string[];
  thinKeyApplicationIds: string[];
  planMs: number;
  writeMs: number;
}

type Tx = Prisma.TransactionClient;

const demoId = { startsWith: DEMO_ID_PREFIX };
const syntheticStandard: Prisma.StandardWhereInput = {
  OR: [{ id: demoId }, { designation: { startsWith: SYNTHETIC_DESIGNATION_PREFIX } }],
};

const day = (text: string) => new Date(`${text}T00:00:00Z`);

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<{ count: number }>): Promise<number> {
  let count = 0;
  for (let i = 0; i < rows.length; i += size) count += (await write(rows.slice(i, i + size))).count;
  return count;
}

async function countDemoRows(tx: Tx) {
  const [participants, engagements, activities, standards] = await Promise.all([
    tx.participant.count({ where: { id: demoId } }),
    tx.engagement.count({ where: { id: demoId } }),
    tx.activity.count({ where: { id: demoId } }),
    tx.standard.count({ where: syntheticStandard }),
  ]);
  return { participants, engagements, activities, standards };
}

async function deleteDemoRows(tx: Tx): Promise<DemoReport["deleted"]> {
  // Rows pointing at demo participants or synthetic standards go too (FKs are RESTRICT).
  const activities = await tx.activity.deleteMany({
    where: { OR: [{ id: demoId }, { standard: syntheticStandard }] },
  });
  const engagements = await tx.engagement.deleteMany({
    where: { OR: [{ id: demoId }, { participantId: demoId }, { standard: syntheticStandard }] },
  });
  const participants = await tx.participant.deleteMany({ where: { id: demoId } });
  const standards = await tx.standard.deleteMany({ where: syntheticStandard });
  return {
    activities: activities.count,
    engagements: engagements.count,
    participants: participants.count,
    standards: standards.count,
  };
}

async function loadUniverse(tx: Tx): Promise<DemoUniverse> {
  const [agencies, coreAreas, keyApplications, committees, standards] = await Promise.all([
    tx.agency.findMany({ select: { id: true, acronym: true }, orderBy: { id: "asc" } }),
    tx.coreArea.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } }),
    tx.keyApplication.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    tx.committee.findMany({
      select: {
        id: true,
        sdoId: true,
        designation: true,
        coreAreas: { select: { coreAreaId: true }, orderBy: { coreAreaId: "asc" } },
        keyApplications: { select: { keyApplicationId: true }, orderBy: { keyApplicationId: "asc" } },
      },
      orderBy: { id: "asc" },
    }),
    tx.standard.findMany({
      where: { NOT: syntheticStandard },
      select: {
        id: true,
        sdoId: true,
        committeeId: true,
        designation: true,
        coreAreas: { select: { coreAreaId: true }, orderBy: { coreAreaId: "asc" } },
        keyApplications: { select: { keyApplicationId: true }, orderBy: { keyApplicationId: "asc" } },
      },
      orderBy: { id: "asc" },
    }),
  ]);
  // Ordered reads keep the plan a pure function of (reference data, options).
  return {
    agencies,
    coreAreas,
    keyApplicationIds: keyApplications.map((k) => k.id),
    committees: committees.map((c) => ({
      id: c.id,
      sdoId: c.sdoId,
      designation: c.designation,
      coreAreaIds: c.coreAreas.map((l) => l.coreAreaId),
      keyApplicationIds: c.keyApplications.map((l) => l.keyApplicationId),
    })),
    standards: standards.map((s) => ({
      id: s.id,
      sdoId: s.sdoId,
      committeeId: s.committeeId,
      designation: s.designation,
      coreAreaIds: s.coreAreas.map((l) => l.coreAreaId),
      keyApplicationIds: s.keyApplications.map((l) => l.keyApplicationId),
    })),
  };
}

export async function generateDemoData(prisma: PrismaClient, input: GenerateDemoOptions = {}): Promise<DemoReport> {
  const { reset = false, batchSize = 5000, ...rest } = input;
  const options: DemoOptions = { ...DEFAULT_DEMO_OPTIONS, now: new Date(), ...rest };
  const report: DemoReport = {
    status: "skipped",
    message: "",
    options: { ...options, now: options.now.toISOString() },
    deleted: { activities: 0, engagements: 0, participants: 0, standards: 0 },
    created: { standards: 0, standardCoreAreas: 0, standardKeyApplications: 0, participants: 0, engagements: 0, activities: 0 },
    thinCoreAreaIds: [],
    thinKeyApplicationIds: [],
    planMs: 0,
    writeMs: 0,
  };
  const started = performance.now();

  await prisma.$transaction(
    async (tx) => {
      const existing = await countDemoRows(tx);
      const hasDemo = Object.values(existing).some((n) => n > 0);
      if (hasDemo && !reset) {
        report.message =
          `Demo data already present (${existing.participants} participants, ${existing.engagements} engagements, ` +
          `${existing.activities} activities, ${existing.standards} synthetic standards); nothing written. Use reset to regenerate.`;
        return;
      }
      if (hasDemo) report.deleted = await deleteDemoRows(tx);

      const universe = await loadUniverse(tx);
      if (universe.agencies.length === 0 || universe.committees.length === 0) {
        throw new Error("No reference data: run the reference seed (scripts/db-seed.ts) first.");
      }
      const planStarted = performance.now();
      const plan = planDemoData(universe, options);
      report.planMs = Math.round(performance.now() - planStarted);
      report.thinCoreAreaIds = plan.thinCoreAreaIds;
      report.thinKeyApplicationIds = plan.thinKeyApplicationIds;

      const c = report.created;
      c.standards = await inBatches(
        plan.standards.map((s) => ({
          id: s.id,
          sdoId: s.sdoId,
          committeeId: s.committeeId,
          designation: s.designation,
          title: s.title,
          stage: s.stage,
          year: s.year,
          note: "Synthetic demo standard.",
          provenance: "INFERRED" as const,
        })),
        batchSize,
        (data) => tx.standard.createMany({ data }),
      );
      c.standardCoreAreas = await inBatches(
        plan.standards.flatMap((s) => s.coreAreaIds.map((coreAreaId) => ({ standardId: s.id, coreAreaId }))),
        batchSize,
        (data) => tx.standardCoreArea.createMany({ data }),
      );
      c.standardKeyApplications = await inBatches(
        plan.standards.flatMap((s) => s.keyApplicationIds.map((keyApplicationId) => ({ standardId: s.id, keyApplicationId }))),
        batchSize,
        (data) => tx.standardKeyApplication.createMany({ data }),
      );
      c.participants = await inBatches(plan.participants, batchSize, (data) => tx.participant.createMany({ data }));
      c.engagements = await inBatches(
        plan.engagements.map((e) => ({ ...e, startDate: day(e.startDate), endDate: e.endDate ? day(e.endDate) : null })),
        batchSize,
        (data) => tx.engagement.createMany({ data }),
      );
      c.activities = await inBatches(
        plan.activities.map((a) => ({ ...a, startDate: day(a.startDate), endDate: a.endDate ? day(a.endDate) : null })),
        batchSize,
        (data) => tx.activity.createMany({ data }),
      );
      report.status = "created";
      report.message = `Created ${c.participants} participants, ${c.engagements} engagements, ${c.activities} activities, ${c.standards} synthetic standards.`;
    },
    { maxWait: 10_000, timeout: 15 * 60_000 },
  );

  report.writeMs = Math.round(performance.now() - started) - report.planMs;
  return report;
}
