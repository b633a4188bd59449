// Admin side of the coverage engine: the scoring settings (depth weights, stale months,
// met / partial thresholds) and the indicators. Optimistic locking on `version`: a stale save is refused with the
// current values.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { indicatorEditValues, type CoverageSettingsInput, type IndicatorUpdateInput } from "@/domain/coverage-inputs";
import type { IndicatorDefinition } from "@/domain/coverage-indicators";
import { DEFAULT_SETTINGS, type CoverageSettingsValues } from "@/domain/coverage-report";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import type { Tx } from "./gap-report-data";

export interface SettingsSnapshot extends CoverageSettingsValues {
  version: number;
}

interface SettingsRow {
  weightObserve: number;
  weightAttend: number;
  weightContribute: number;
  weightLead: number;
  staleMonths: number;
  metPercent: number;
  partialPercent: number;
  version: number;
}

function settingsSnapshot(row: SettingsRow): SettingsSnapshot {
  return {
    weights: { OBSERVE: row.weightObserve, ATTEND: row.weightAttend, CONTRIBUTE: row.weightContribute, LEAD: row.weightLead },
    staleMonths: row.staleMonths,
    thresholds: { met: row.metPercent / 100, partial: row.partialPercent / 100 },
    version: row.version,
  };
}

async function currentSettings(client: Pick<Tx, "coverageSettings">): Promise<SettingsSnapshot> {
  const row = await client.coverageSettings.findUnique({ where: { id: 1 } });
  return row ? settingsSnapshot(row) : { ...DEFAULT_SETTINGS, version: 0 };
}

export interface CoverageAdminData {
  settings: SettingsSnapshot;
  indicators: (IndicatorDefinition & { version: number; recommendation: { number: number; title: string } })[];
  coreAreas: { id: string; name: string }[];
  committees: { id: string; designation: string; title: string }[];
}

export async function getCoverageAdmin(): Promise<CoverageAdminData> {
  const [settings, rows, coreAreas, committees] = await Promise.all([
    currentSettings(db),
    db.indicator.findMany({
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      include: { recommendation: { select: { number: true, title: true } } },
    }),
    db.coreArea.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.committee.findMany({ select: { id: true, designation: true, title: true }, orderBy: { designation: "asc" } }),
  ]);
  const indicators = rows.map((r) => ({
    id: r.id,
    code: r.code,
    recommendationId: r.recommendationId,
    name: r.name,
    description: r.description,
    kind: r.kind,
    params: r.params,
    target: r.target,
    unit: r.unit,
    sortOrder: r.sortOrder,
    version: r.version,
    recommendation: r.recommendation,
  }));
  return { settings, indicators, coreAreas, committees };
}

export async function updateCoverageSettings(tx: Tx, input: CoverageSettingsInput) {
  const before = await currentSettings(tx);
  const data = {
    weightObserve: input.weightObserve,
    weightAttend: input.weightAttend,
    weightContribute: input.weightContribute,
    weightLead: input.weightLead,
    staleMonths: input.staleMonths,
    metPercent: input.metPercent,
    partialPercent: input.partialPercent,
  };
  const conflict = async () =>
    new UserError("CONFLICT", "Someone else changed the scoring settings after you opened them. Nothing was saved.", undefined, flatSettings(await currentSettings(tx)));
  if (input.version === 0) {
    // No row yet: the first save creates it (a concurrent first save makes this one conflict).
    const created = await tx.coverageSettings.createMany({ data: [{ id: 1, ...data }], skipDuplicates: true });
    if (created.count === 0) throw await conflict();
  } else {
    const { count } = await tx.coverageSettings.updateMany({ where: { id: 1, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw await conflict();
  }
  return { before, after: await currentSettings(tx) };
}

/** Settings as flat fields, for conflict notices and audit rows. */
export function flatSettings(s: SettingsSnapshot) {
  return {
    weightObserve: s.weights.OBSERVE,
    weightAttend: s.weights.ATTEND,
    weightContribute: s.weights.CONTRIBUTE,
    weightLead: s.weights.LEAD,
    staleMonths: s.staleMonths,
    metPercent: Math.round(s.thresholds.met * 100),
    partialPercent: Math.round(s.thresholds.partial * 100),
    version: s.version,
  };
}

const indicatorSnapshotSelect = {
  id: true,
  code: true,
  recommendationId: true,
  name: true,
  description: true,
  kind: true,
  params: true,
  target: true,
  unit: true,
  version: true,
} satisfies Prisma.IndicatorSelect;

export async function updateIndicator(tx: Tx, input: IndicatorUpdateInput) {
  const before = await tx.indicator.findUnique({ where: { id: input.id }, select: indicatorSnapshotSelect });
  if (!before) throw new UserError("NOT_FOUND", "This indicator no longer exists.");
  const values = indicatorEditValues(before.kind, input);
  if (!values.ok) throw new UserError("VALIDATION", "Some fields need attention.", values.fieldErrors);
  const { count } = await tx.indicator.updateMany({
    where: { id: input.id, version: input.version },
    data: {
      name: input.name,
      description: input.description,
      unit: input.unit,
      target: values.target,
      params: values.params as Prisma.InputJsonValue,
      version: { increment: 1 },
    },
  });
  if (count === 0) {
    const current = await tx.indicator.findUnique({ where: { id: input.id }, select: indicatorSnapshotSelect });
    throw new UserError("CONFLICT", "Someone else changed this indicator after you opened it. Nothing was saved.", undefined, current);
  }
  const after = await tx.indicator.findUniqueOrThrow({ where: { id: input.id }, select: indicatorSnapshotSelect });
  return { before, after };
}

