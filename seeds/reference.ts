// Seeds the NISTIR 8074 reference data from seeds/reference-data/*.json. Idempotent: rows are
// matched by id (link tables by their composite key), created when missing, updated only
// when a column differs, so a second run writes nothing. All in one transaction.
// Rows that exist in the database but not in the files are left alone (counted as "extra").
import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { readReferenceFiles, type ReferenceFiles } from "./reference-files";

export interface TableCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** In the database but not in the reference files; never deleted here. */
  extra: number;
}

export interface SeedReport {
  tables: Record<string, TableCounts>;
  /** Sum over all tables. */
  totals: TableCounts;
  warnings: string[];
  durationMs: number;
}

type Tx = Prisma.TransactionClient;
type Plain = Record<string, unknown>;

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  return (a ?? null) === (b ?? null);
}

function sameRow(desired: Plain, current: Plain): boolean {
  return Object.keys(desired).every((k) => sameValue(desired[k], current[k]));
}

interface SyncSpec<Row extends Plain> {
  desired: Row[];
  existing: Row[];
  key: (row: Row) => string;
  /** Unique business key besides the id; a clash with another id stops the seed. */
  naturalKey?: (row: Row) => string;
  create: (rows: Row[]) => Promise<unknown>;
  update?: (row: Row) => Promise<unknown>;
}

async function syncRows<Row extends Plain>(table: string, spec: SyncSpec<Row>): Promise<TableCounts> {
  const current = new Map(spec.existing.map((row) => [spec.key(row), row]));
  const byNatural = spec.naturalKey ? new Map(spec.existing.map((row) => [spec.naturalKey!(row), spec.key(row)])) : null;
  const toCreate: Row[] = [];
  const toUpdate: Row[] = [];
  let unchanged = 0;
  for (const row of spec.desired) {
    const existing = current.get(spec.key(row));
    if (byNatural && spec.naturalKey) {
      const holder = byNatural.get(spec.naturalKey(row));
      if (holder !== undefined && holder !== spec.key(row)) {
        throw new Error(
          `${table}: "${spec.naturalKey(row)}" already belongs to row ${holder}, not reference row ${spec.key(row)}; ` +
            `rename or merge it by hand, then seed again`,
        );
      }
    }
    if (!existing) toCreate.push(row);
    else if (!sameRow(row, existing)) toUpdate.push(row);
    else unchanged++;
  }
  if (toCreate.length) await spec.create(toCreate);
  if (toUpdate.length) {
    if (!spec.update) throw new Error(`${table}: rows differ but the table has no updatable columns`);
    for (const row of toUpdate) await spec.update(row);
  }
  const desiredKeys = new Set(spec.desired.map(spec.key));
  const extra = spec.existing.filter((row) => !desiredKeys.has(spec.key(row))).length;
  return { created: toCreate.length, updated: toUpdate.length, unchanged, extra };
}

const byId = <Row extends { id: string }>(row: Row) => row.id;

export async function seedReference(prisma: PrismaClient, files: ReferenceFiles = readReferenceFiles()): Promise<SeedReport> {
  const started = performance.now();
  const tables = await prisma.$transaction((tx) => seedAll(tx, files), { maxWait: 10_000, timeout: 120_000 });
  const totals: TableCounts = { created: 0, updated: 0, unchanged: 0, extra: 0 };
  for (const counts of Object.values(tables)) {
    totals.created += counts.created;
    totals.updated += counts.updated;
    totals.unchanged += counts.unchanged;
    totals.extra += counts.extra;
  }
  return { tables, totals, warnings: files.meta.warnings, durationMs: Math.round(performance.now() - started) };
}

async function seedAll(tx: Tx, f: ReferenceFiles): Promise<Record<string, TableCounts>> {
  const report: Record<string, TableCounts> = {};

  report.Source = await syncRows("Source", {
    desired: f.sources.map((s) => ({ id: s.id, title: s.title, url: s.url, doi: s.doi })),
    existing: await tx.source.findMany(),
    key: byId,
    create: (data) => tx.source.createMany({ data, skipDuplicates: true }),
    update: ({ id, ...data }) => tx.source.update({ where: { id }, data }),
  });

  report.Agency = await syncRows("Agency", {
    desired: f.agencies.map((a) => ({
      id: a.id,
      acronym: a.acronym,
      name: a.name,
      parentId: a.parentId,
      iicswgMember: a.iicswgMember,
      provenance: a.provenance,
      sourceRefs: a.sourceRefs,
    })),
    existing: await tx.agency.findMany({
      select: { id: true, acronym: true, name: true, parentId: true, iicswgMember: true, provenance: true, sourceRefs: true },
    }),
    key: byId,
    naturalKey: (a) => a.acronym,
    create: (data) => tx.agency.createMany({ data, skipDuplicates: true }),
    update: ({ id, ...data }) => tx.agency.update({ where: { id }, data }),
  });

  report.Objective = await syncRows("Objective", {
    desired: f.objectives.map((o) => ({
      id: o.id,
      number: o.number,
      title: o.title,
      gist: o.gist,
      provenance: o.provenance,
      sourceRefs: o.sourceRefs,
    })),
    existing: await tx.objective.findMany(),
    key: byId,
    naturalKey: (o) => String(o.number),
    create: (data) => tx.objective.createMany({ data, skipDuplicates: true }),
    update: ({ id, ...data }) => tx.objective.update({ where: { id }, data }),
  });

  report.Recommendation = await syncRows("Recommendation", {
    desired: f.recommendations.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      gist: r.gist,
      // Only REC-1 has a draft heading; the others only a draft theme phrase, which is the
      // closest thing the schema has a column for.
      draftHeading: r.draftHeading ?? r.draftTheme,
      draftVsFinal: r.draftVsFinal,
      indicators: r.indicators,
      provenance: r.provenance,
      sourceRefs: r.sourceRefs,
    })),
    existing: await tx.recommendation.findMany(),
    key: byId,
    naturalKey: (r) => String(r.number),
    create: (data) => tx.recommendation.createMany({ data, skipDuplicates: true }),
    update: ({ id, ...data }) => tx.recommendation.update({ where: { id }, data }),
  });

  report.RecommendationObjective = await syncRows("RecommendationObjective", {
    desired: f.recommendations.flatMap((r) => r.objectiveIds.map((objectiveId) => ({ recommendationId: r.id, objectiveId }))),
    existing: await tx.recommendationObjective.findMany(),
    key: (l) => `${l.recommendationId}|${l.objectiveId}`,
    create: (data) => tx.recommendationObjective.createMany({ data, skipDuplicates: true }),
  });

  report.CoreArea = await syncRows("CoreArea", {
    desired: f.coreAreas.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      maturity: c.maturity,
      provenance: c.provenance,
      sourceRefs: c.sourceRefs,
    })),
    existing: await tx.coreArea.findMany(),
    key: byId,
    naturalKey: (c) => c.name,
    create: (data) => tx.coreArea.createMany({ data, skipDuplicates: true }),
    update: ({ id, ...data }) => tx.coreArea.update({ where: { id }, data }),
  });

  report.KeyApplication = await syncRows("KeyApplication", {
    desired: f.keyApplications.map((k) => ({
      id: k.id,
      name: k.name,
      description: k.description,
      maturity: k.maturity,
      provenance: k.provenance,
      sourceRefs: k.sourceRefs,
    })),
    existing: await tx.keyApplication.findMany(),
    key: byId,
    naturalKey: (k) => k.name,
    create: (data) => tx.keyApplication.createMany({ data, skipDuplicates: true }),
    update: ({ id, ...data }) => tx.keyApplication.update({ where: { id }, data }),
  });

  report.MaturityCell = await syncRows("MaturityCell", {
    desired: f.maturity.cells.map((c) => ({
      coreAreaId: c.coreAreaId,
      keyApplicationId: c.keyApplicationId,
      level: c.level,
      provenance: c.provenance,
      sourceRefs: c.sourceRefs,
    })),
    existing: await tx.maturityCell.findMany(),
    key: (c) => `${c.coreAreaId}|${c.keyApplicationId}`,
    create: (data) => tx.maturityCell.createMany({ data, skipDuplicates: true }),
    update: ({ coreAreaId, keyApplicationId, ...data }) =>
      tx.maturityCell.update({ where: { coreAreaId_keyApplicationId: { coreAreaId, keyApplicationId } }, data }),
  });

  report.Sdo = await syncRows("Sdo", {
    desired: f.sdos.map((s) => ({
      id: s.id,
      acronym: s.acronym,
      name: s.name,
      type: s.type,
      provenance: s.provenance,
      sourceRefs: s.sourceRefs,
    })),
    existing: await tx.sdo.findMany({
      select: { id: true, acronym: true, name: true, type: true, provenance: true, sourceRefs: true },
    }),
    key: byId,
    naturalKey: (s) => s.acronym,
    create: (data) => tx.sdo.createMany({ data, skipDuplicates: true }),
    update: ({ id, ...data }) => tx.sdo.update({ where: { id }, data }),
  });

  // The files list committees parent-first, so one multi-row insert satisfies the tree FK.
  report.Committee = await syncRows("Committee", {
    desired: f.committees.map((c) => ({
      id: c.id,
      sdoId: c.sdoId,
      parentId: c.parentId,
      designation: c.designation,
      title: c.title,
      usMirrorOrTag: c.usMirrorOrTag,
      note: c.note,
      provenance: c.provenance,
      sourceRefs: c.sourceRefs,
    })),
    existing: await tx.committee.findMany({
      select: {
        id: true,
        sdoId: true,
        parentId: true,
        designation: true,
        title: true,
        usMirrorOrTag: true,
        note: true,
        provenance: true,
        sourceRefs: true,
      },
    }),
    key: byId,
    naturalKey: (c) => c.designation,
    create: (data) => tx.committee.createMany({ data, skipDuplicates: true }),
    update: ({ id, ...data }) => tx.committee.update({ where: { id }, data }),
  });

  report.CoreAreaCommittee = await syncRows("CoreAreaCommittee", {
    desired: f.coreAreas.flatMap((c) => c.committeeIds.map((committeeId) => ({ coreAreaId: c.id, committeeId }))),
    existing: await tx.coreAreaCommittee.findMany(),
    key: (l) => `${l.coreAreaId}|${l.committeeId}`,
    create: (data) => tx.coreAreaCommittee.createMany({ data, skipDuplicates: true }),
  });

  report.KeyApplicationCommittee = await syncRows("KeyApplicationCommittee", {
    desired: f.keyApplications.flatMap((k) => k.committeeIds.map((committeeId) => ({ keyApplicationId: k.id, committeeId }))),
    existing: await tx.keyApplicationCommittee.findMany(),
    key: (l) => `${l.keyApplicationId}|${l.committeeId}`,
    create: (data) => tx.keyApplicationCommittee.createMany({ data, skipDuplicates: true }),
  });

  const standardIds = new Set(f.standards.map((s) => s.id));
  report.Standard = await syncRows("Standard", {
    desired: f.standards.map((s) => ({
      id: s.id,
      sdoId: s.sdoId,
      committeeId: s.committeeId,
      designation: s.designation,
      title: s.title,
      stage: s.stage,
      year: s.year,
      note: s.note,
      provenance: s.provenance,
      sourceRefs: s.sourceRefs,
    })),
    existing: await tx.standard.findMany({
      select: {
        id: true,
        sdoId: true,
        committeeId: true,
        designation: true,
        title: true,
        stage: true,
        year: true,
        note: true,
        provenance: true,
        sourceRefs: true,
      },
    }),
    key: byId,
    naturalKey: (s) => `${s.sdoId} ${s.designation}`,
    create: (data) => tx.standard.createMany({ data, skipDuplicates: true }),
    update: ({ id, ...data }) => tx.standard.update({ where: { id }, data }),
  });

  // Link rows of standards that are not reference rows (user-entered, synthetic demo) are
  // not ours to judge: only the reference standards' links are read and compared.
  report.StandardCoreArea = await syncRows("StandardCoreArea", {
    desired: f.standards.flatMap((s) => s.coreAreaIds.map((coreAreaId) => ({ standardId: s.id, coreAreaId }))),
    existing: await tx.standardCoreArea.findMany({ where: { standardId: { in: [...standardIds] } } }),
    key: (l) => `${l.standardId}|${l.coreAreaId}`,
    create: (data) => tx.standardCoreArea.createMany({ data, skipDuplicates: true }),
  });

  report.StandardKeyApplication = await syncRows("StandardKeyApplication", {
    desired: f.standards.flatMap((s) =>
      s.keyApplicationIds.map((keyApplicationId) => ({ standardId: s.id, keyApplicationId })),
    ),
    existing: await tx.standardKeyApplication.findMany({ where: { standardId: { in: [...standardIds] } } }),
    key: (l) => `${l.standardId}|${l.keyApplicationId}`,
    create: (data) => tx.standardKeyApplication.createMany({ data, skipDuplicates: true }),
  });

  return report;
}

/** One line per table, for command-line output. */
export function formatSeedReport(report: SeedReport): string {
  const lines = Object.entries(report.tables).map(
    ([table, c]) =>
      `  ${table.padEnd(24)} created ${String(c.created).padStart(4)}  updated ${String(c.updated).padStart(4)}  ` +
      `unchanged ${String(c.unchanged).padStart(4)}${c.extra ? `  extra (kept) ${c.extra}` : ""}`,
  );
  const t = report.totals;
  lines.push(`  ${"total".padEnd(24)} created ${String(t.created).padStart(4)}  updated ${String(t.updated).padStart(4)}  unchanged ${String(t.unchanged).padStart(4)}`);
  return [...lines, ...report.warnings.map((w) => `  note: ${w}`), `  in ${report.durationMs} ms`].join("\n");
}
