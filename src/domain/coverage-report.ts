// The gap report: aggregates (from SQL) + reference rows + settings + indicators in, one
// plain, serialisable report out — the dashboard, the printable page and the exports all
// render this object. Pure: `generatedAt` and `asOf` are passed in.
import {
  DEFAULT_WEIGHTS,
  cellKey,
  committeeLineage,
  deepShare,
  depthLevel,
  depthScore,
  inventoryOf,
  metricsOf,
  type ActivityCounts,
  type CoverageAggregates,
  type CoverageInventory,
  type DepthWeights,
  type GroupMetrics,
  type Inventory,
  type StageName,
} from "./coverage-metrics";
import {
  LABEL_ORDER,
  flagSubject,
  flagUncoveredStandard,
  rankGaps,
  type FlagContext,
  type FlagSubject,
  type Gap,
  type GapFlag,
  type SubjectKind,
  type UnrankedGap,
} from "./coverage-gaps";
import {
  DEFAULT_THRESHOLDS,
  evaluateIndicator,
  rollUpObjectives,
  rollUpRecommendations,
  type IndicatorDefinition,
  type IndicatorResult,
  type ObjectiveResult,
  type RecommendationResult,
  type StatusThresholds,
} from "./coverage-indicators";
import { elapsedYears, periodLabel, type IsoDate, type Period } from "./fiscal-year";
import type { RecordsQuery } from "./records-query";

export type MaturityLevel = "AVAILABLE" | "PARTIAL" | "NEEDED" | "UNKNOWN";

export interface CoverageSettingsValues {
  weights: DepthWeights;
  staleMonths: number;
  /** Attainment thresholds of met / partial / gap, for indicators, recommendations and objectives. */
  thresholds: StatusThresholds;
}

export const DEFAULT_SETTINGS: CoverageSettingsValues = { weights: DEFAULT_WEIGHTS, staleMonths: 12, thresholds: DEFAULT_THRESHOLDS };

export interface ReportReference {
  coreAreas: { id: string; name: string }[];
  keyApplications: { id: string; name: string }[];
  sdos: { id: string; acronym: string; name: string }[];
  committees: { id: string; designation: string; title: string; sdoId: string; parentId: string | null }[];
  maturity: { coreAreaId: string; keyApplicationId: string; level: MaturityLevel }[];
  recommendations: { id: string; number: number; title: string }[];
  objectives: { id: string; number: number; title: string; recommendationIds: string[] }[];
  agencies: { id: string; acronym: string }[];
}

export interface UnengagedStandard {
  id: string;
  designation: string;
  title: string;
  stage: StageName;
  sdoId: string;
  committeeId: string | null;
}

export interface GapReportInput {
  generatedAt: string;
  period: Period;
  asOf: IsoDate;
  agency: { id: string; acronym: string; name: string } | null;
  sdo: { id: string; acronym: string; name: string } | null;
  settings: CoverageSettingsValues;
  reference: ReportReference;
  inventory: CoverageInventory;
  aggregates: CoverageAggregates;
  /** Details of aggregates.unengagedDevelopmentStandardIds. */
  unengagedStandards: UnengagedStandard[];
  activities: ActivityCounts;
  indicators: IndicatorDefinition[];
  areaEngagements: Record<string, number>;
}

export interface CoverageRow {
  kind: SubjectKind;
  id: string;
  label: string;
  /** For committees: including sub-groups (what the flags judge); see `direct`. */
  metrics: GroupMetrics;
  /** Committees only: engagements in the committee itself. */
  direct?: GroupMetrics;
  /** Committees only: how many committees sit below it. */
  subgroups?: number;
  score: number;
  /** The deepest seat, 1 (observe) .. 4 (lead); 0 when nothing is engaged. */
  level: number;
  /** Share of seats at "contribute" or deeper; null when nothing is engaged. */
  deepShare: number | null;
  /** Committees and standards in scope; null for committees (they are the inventory). */
  inventory: Inventory | null;
  flags: GapFlag[];
  drill: RecordsQuery;
}

export interface HeatmapCell extends CoverageRow {
  rowId: string;
  columnId: string;
  /** Volume: 0 = nothing engaged, 1..HEAT_BINS by depth-weighted score relative to the map's maximum. */
  bin: number;
  maturity: MaturityLevel | null;
}

export interface Heatmap {
  rowLabel: string;
  columnLabel: string;
  rows: { id: string; label: string }[];
  columns: { id: string; label: string }[];
  /** Row-major: cells[r * columns.length + c]. */
  cells: HeatmapCell[];
  maxScore: number;
}

export interface GapReport {
  generatedAt: string;
  period: Period;
  periodLabel: string;
  asOf: IsoDate;
  agency: { id: string; acronym: string; name: string } | null;
  sdo: { id: string; acronym: string; name: string } | null;
  settings: CoverageSettingsValues;
  totals: GroupMetrics & { score: number; level: number; deepShare: number | null };
  objectives: ObjectiveResult[];
  recommendations: RecommendationResult[];
  indicators: IndicatorResult[];
  coreAreas: CoverageRow[];
  keyApplications: CoverageRow[];
  sdos: CoverageRow[];
  committees: CoverageRow[];
  heatmaps: { coreAreaKeyApplication: Heatmap; coreAreaSdo: Heatmap };
  standardsInDevelopment: {
    withoutParticipant: (UnengagedStandard & { sdoAcronym: string; committeeDesignation: string | null })[];
  };
  gaps: Gap[];
}

export const HEAT_BINS = 5;

/** Square-root bins, so one dominant cell does not wash every other cell out. */
export function heatBin(score: number, maxScore: number): number {
  if (score <= 0 || maxScore <= 0) return 0;
  return Math.min(HEAT_BINS, Math.max(1, Math.ceil(Math.sqrt(score / maxScore) * HEAT_BINS)));
}

/** The score range bin `bin` (1..HEAT_BINS) covers, for legends. */
export function heatBinRange(bin: number, maxScore: number): { from: number; to: number } {
  const edge = (k: number) => Math.round(maxScore * (k / HEAT_BINS) ** 2);
  return { from: bin === 1 ? 1 : edge(bin - 1) + 1, to: edge(bin) };
}

function plural(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

function byLabel<T extends { label: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => LABEL_ORDER.compare(a.label, b.label));
}

export function buildGapReport(input: GapReportInput): GapReport {
  const { reference: ref, aggregates: agg, inventory: inv, settings } = input;
  const ctx: FlagContext = {
    asOf: input.asOf,
    staleMonths: settings.staleMonths,
    agencyAcronym: input.agency?.acronym ?? null,
    agencyAcronyms: new Map(ref.agencies.map((a) => [a.id, a.acronym])),
  };
  const score = (m: GroupMetrics) => depthScore(m.depth, settings.weights);
  const row = (kind: SubjectKind, id: string, label: string, subject: FlagSubject, metrics: GroupMetrics, drill: RecordsQuery): CoverageRow => ({
    kind,
    id,
    label,
    metrics,
    score: score(metrics),
    level: depthLevel(metrics.depth),
    deepShare: deepShare(metrics.depth),
    inventory: subject.inventory,
    flags: flagSubject(subject, metrics, ctx),
    drill,
  });
  const sdoById = new Map(ref.sdos.map((s) => [s.id, s]));
  const inScopeSdos = input.sdo ? ref.sdos.filter((s) => s.id === input.sdo?.id) : ref.sdos;

  const coreAreas = byLabel(
    ref.coreAreas.map((c) => {
      const inventory = inventoryOf(inv.coreArea, c.id);
      return row("coreArea", c.id, c.name, { kind: "coreArea", phrase: c.name, inventory }, metricsOf(agg.coreArea, c.id), {
        kind: "engagements",
        coreArea: [c.id],
      });
    }),
  );
  const keyApplications = byLabel(
    ref.keyApplications.map((k) => {
      const inventory = inventoryOf(inv.keyApplication, k.id);
      return row("keyApplication", k.id, k.name, { kind: "keyApplication", phrase: k.name, inventory }, metricsOf(agg.keyApplication, k.id), {
        kind: "engagements",
        keyApplication: [k.id],
      });
    }),
  );
  const sdos = byLabel(
    inScopeSdos.map((s) => {
      const inventory = inventoryOf(inv.sdo, s.id);
      return row("sdo", s.id, s.acronym, { kind: "sdo", phrase: `the work of ${s.acronym}`, inventory }, metricsOf(agg.sdo, s.id), {
        kind: "engagements",
        sdo: s.id,
      });
    }),
  );
  // Committees roll up: flags judge a committee with its sub-groups; the drill-down lists
  // the engagements of the committee and of every committee below it.
  const committeeParents = new Map(ref.committees.map((c) => [c.id, { parentId: c.parentId }]));
  const below = new Map<string, string[]>();
  for (const c of ref.committees) {
    for (const ancestor of committeeLineage(c.id, committeeParents).slice(1)) {
      const list = below.get(ancestor) ?? [];
      list.push(c.id);
      below.set(ancestor, list);
    }
  }
  const committees = byLabel(
    ref.committees
      .filter((c) => !input.sdo || c.sdoId === input.sdo.id)
      .map((c) => {
        const subgroups = (below.get(c.id) ?? []).sort();
        const phrase = subgroups.length ? `${c.designation} (with its ${plural(subgroups.length, "sub-group")})` : c.designation;
        return {
          ...row("committee", c.id, c.designation, { kind: "committee", phrase, inventory: null }, metricsOf(agg.committeeTree, c.id), {
            kind: "engagements",
            committee: [c.id, ...subgroups],
          }),
          direct: metricsOf(agg.committee, c.id),
          subgroups: subgroups.length,
        };
      }),
  );

  const maturity = new Map(ref.maturity.map((m) => [cellKey(m.coreAreaId, m.keyApplicationId), m.level]));
  const heatRows = coreAreas.map((c) => ({ id: c.id, label: c.label }));
  const buildHeatmap = (
    rowLabel: string,
    columnLabel: string,
    columns: { id: string; label: string }[],
    cell: (r: { id: string; label: string }, c: { id: string; label: string }) => Omit<HeatmapCell, "bin">,
  ): Heatmap => {
    const cells = heatRows.flatMap((r) => columns.map((c) => cell(r, c)));
    const maxScore = Math.max(0, ...cells.map((c) => c.score));
    return { rowLabel, columnLabel, rows: heatRows, columns, maxScore, cells: cells.map((c) => ({ ...c, bin: heatBin(c.score, maxScore) })) };
  };
  const kaColumns = keyApplications.map((k) => ({ id: k.id, label: k.label }));
  const coreAreaKeyApplication = buildHeatmap("Core area", "Key application", kaColumns, (r, c) => {
    const key = cellKey(r.id, c.id);
    const level = maturity.get(key) ?? null;
    const inventory = inventoryOf(inv.coreAreaKeyApplication, key);
    const subject: FlagSubject = { kind: "coreAreaKeyApplication", phrase: `${r.label} in ${c.label}`, inventory, maturityNeeded: level === "NEEDED" };
    return {
      ...row("coreAreaKeyApplication", key, `${r.label} × ${c.label}`, subject, metricsOf(agg.coreAreaKeyApplication, key), {
        kind: "engagements",
        coreArea: [r.id],
        keyApplication: [c.id],
      }),
      rowId: r.id,
      columnId: c.id,
      maturity: level,
    };
  });
  // SDO columns: those with committees or standards in any core area (the rest would be empty).
  const sdoColumns = sdos
    .filter((s) => ref.coreAreas.some((c) => {
      const cellInv = inventoryOf(inv.coreAreaSdo, cellKey(c.id, s.id));
      return cellInv.committees + cellInv.standards > 0;
    }))
    .map((s) => ({ id: s.id, label: s.label }));
  const coreAreaSdo = buildHeatmap("Core area", "SDO", sdoColumns, (r, c) => {
    const key = cellKey(r.id, c.id);
    const inventory = inventoryOf(inv.coreAreaSdo, key);
    const subject: FlagSubject = { kind: "coreAreaSdo", phrase: `${r.label} work at ${c.label}`, inventory };
    return {
      ...row("coreAreaSdo", key, `${r.label} × ${c.label}`, subject, metricsOf(agg.coreAreaSdo, key), {
        kind: "engagements",
        coreArea: [r.id],
        sdo: c.id,
      }),
      rowId: r.id,
      columnId: c.id,
      maturity: null,
    };
  });

  const committeeById = new Map(ref.committees.map((c) => [c.id, c]));
  const withoutParticipant = input.unengagedStandards.map((s) => ({
    ...s,
    sdoAcronym: sdoById.get(s.sdoId)?.acronym ?? s.sdoId,
    committeeDesignation: s.committeeId ? (committeeById.get(s.committeeId)?.designation ?? null) : null,
  }));

  const indicators = [...input.indicators]
    .sort((a, b) => a.sortOrder - b.sortOrder || LABEL_ORDER.compare(a.code, b.code))
    .map((def) =>
      evaluateIndicator(def, {
        aggregates: agg,
        inventory: inv,
        coreAreas: ref.coreAreas,
        committees: ref.committees,
        activities: input.activities,
        areaEngagements: input.areaEngagements,
        periodYears: elapsedYears(input.period, input.asOf),
        agenciesInView: input.agency ? 1 : ref.agencies.length,
        thresholds: settings.thresholds,
      }),
    );
  const recommendations = rollUpRecommendations(ref.recommendations, indicators, settings.thresholds);
  const objectives = rollUpObjectives(ref.objectives, recommendations, settings.thresholds);

  const subjectGaps = (rows: CoverageRow[]): UnrankedGap[] =>
    rows.flatMap((r) => r.flags.map((f) => ({ code: f.code, reason: f.reason, subject: { kind: r.kind, id: r.id, label: r.label }, drill: r.drill })));
  const gaps = rankGaps([
    ...subjectGaps(coreAreas),
    ...subjectGaps(keyApplications),
    ...subjectGaps(sdos),
    ...subjectGaps(committees),
    ...subjectGaps(coreAreaKeyApplication.cells),
    ...subjectGaps(coreAreaSdo.cells),
    ...withoutParticipant.map((s) => {
      const flag = flagUncoveredStandard({ ...s, sdoAcronym: s.sdoAcronym }, ctx.agencyAcronym);
      return {
        code: flag.code,
        reason: flag.reason,
        subject: { kind: "standard" as const, id: s.id, label: s.designation },
        drill: { kind: "standards" as const, standard: s.id },
      };
    }),
  ]);

  return {
    generatedAt: input.generatedAt,
    period: input.period,
    periodLabel: periodLabel(input.period),
    asOf: input.asOf,
    agency: input.agency,
    sdo: input.sdo,
    settings,
    totals: { ...agg.total, score: score(agg.total), level: depthLevel(agg.total.depth), deepShare: deepShare(agg.total.depth) },
    objectives,
    recommendations,
    indicators,
    coreAreas,
    keyApplications,
    sdos,
    committees,
    heatmaps: { coreAreaKeyApplication, coreAreaSdo },
    standardsInDevelopment: { withoutParticipant },
    gaps,
  };
}
