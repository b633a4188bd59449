// What the coverage engine counts, and the executable definition of how.
//
// The database computes these aggregates in SQL (src/server/coverage/coverage-sql.ts);
// `aggregateEngagements` below computes the same numbers from plain rows. It is the
// reference the SQL is tested against and what the engine's unit tests feed the flags.
//
// Definitions (shared by SQL, this file and the drill-down filters):
// - An engagement is active in a period when it starts on or before the period's last day
//   and has no end date or ends on or after its first day.
// - Its committee is its own committee, or else its standard's committee. Its SDO is that
//   committee's SDO, or else its standard's SDO.
// - It counts towards the core areas and key applications linked to its own committee and
//   to its standard (each area once).
// - An engagement may be at the SDO level: no committee, on a standard of that SDO (an SDO
//   such as NIST has no committees). It then counts where its standard does.
// - Leadership has one meaning everywhere: an engagement in a leadership role (chair,
//   convenor, editor...: LEADERSHIP_ROLES) active in the period. Entry keeps depth LEAD for
//   those roles; the depth of a seat never makes it a leadership position.
// - Its last activity is the latest of its start date, end date and "last confirmed still
//   active" date on or before the as-of day.
// - A committee's numbers are "direct" (engagements in the committee itself) and
//   "including sub-groups" (in it or any committee below it, each engagement once). Only
//   the direct links of a committee give core areas and key applications: a seat on SC 27
//   counts for SC 27's core areas, not for those of each of its working groups.
// - The depth level of a group is its deepest seat (1 observe .. 4 lead, 0 when empty);
//   its deep share is the share of its seats at "contribute" or deeper.
import { LEADERSHIP_ROLES, type ActivityKindName, type DepthName, type EngagementRoleName, type StageName } from "./demo-data";
import type { IsoDate } from "./fiscal-year";

export type { ActivityKindName, DepthName, EngagementRoleName, StageName };

export const DEPTHS: readonly DepthName[] = ["OBSERVE", "ATTEND", "CONTRIBUTE", "LEAD"];

/** Stages in which a standard is still being written. */
export const DEVELOPMENT_STAGES: readonly StageName[] = ["PROPOSED", "DEVELOPMENT", "REVISION"];

export const STAGES: readonly StageName[] = ["PROPOSED", "DEVELOPMENT", "PUBLISHED", "REVISION", "WITHDRAWN"];

/** A stage as it reads inside a sentence ("ISO/IEC 27099 is in development"). */
export const STAGE_PHRASE: Record<StageName, string> = {
  PROPOSED: "proposed",
  DEVELOPMENT: "in development",
  PUBLISHED: "published",
  REVISION: "under revision",
  WITHDRAWN: "withdrawn",
};

export function isLeadershipRole(role: EngagementRoleName): boolean {
  return LEADERSHIP_ROLES.has(role);
}

export type DepthCounts = Record<DepthName, number>;

export interface GroupMetrics {
  /** Engagements active in the period. */
  engagements: number;
  /** Distinct participants among them. */
  participants: number;
  /** Distinct agencies among them. */
  agencies: number;
  /** The one agency when `agencies` is 1, otherwise null. */
  soleAgencyId: string | null;
  leadership: number;
  depth: DepthCounts;
  lastActivity: IsoDate | null;
}

export interface StageCount {
  total: number;
  /** Standards with at least one engagement active in the period. */
  engaged: number;
}

export interface CoverageAggregates {
  total: GroupMetrics;
  coreArea: Record<string, GroupMetrics>;
  keyApplication: Record<string, GroupMetrics>;
  sdo: Record<string, GroupMetrics>;
  /** Engagements in the committee itself ("direct"). */
  committee: Record<string, GroupMetrics>;
  /** Engagements in the committee or any committee below it ("including sub-groups"). */
  committeeTree: Record<string, GroupMetrics>;
  /** Keyed by cellKey(coreAreaId, keyApplicationId). */
  coreAreaKeyApplication: Record<string, GroupMetrics>;
  /** Keyed by cellKey(coreAreaId, sdoId). */
  coreAreaSdo: Record<string, GroupMetrics>;
  standardsByStage: Record<StageName, StageCount>;
  /**
   * Standards in a development stage with no engagement in scope, sorted by id. Under an
   * SDO filter: that SDO's standards, judged by engagements in that SDO.
   */
  unengagedDevelopmentStandardIds: string[];
}

export function cellKey(row: string, column: string): string {
  return `${row}|${column}`;
}

export function emptyDepth(): DepthCounts {
  return { OBSERVE: 0, ATTEND: 0, CONTRIBUTE: 0, LEAD: 0 };
}

export function emptyMetrics(): GroupMetrics {
  return { engagements: 0, participants: 0, agencies: 0, soleAgencyId: null, leadership: 0, depth: emptyDepth(), lastActivity: null };
}

export function emptyStageCounts(): Record<StageName, StageCount> {
  return Object.fromEntries(STAGES.map((s) => [s, { total: 0, engaged: 0 }])) as Record<StageName, StageCount>;
}

/** Metrics for a key, or zeros when nothing was engaged there. */
export function metricsOf(table: Record<string, GroupMetrics>, key: string): GroupMetrics {
  return table[key] ?? emptyMetrics();
}

/** The deepest seat of a group as 1 (observe) .. 4 (lead); 0 when it has none. */
export function depthLevel(depth: DepthCounts): number {
  for (let i = DEPTHS.length - 1; i >= 0; i--) if (depth[DEPTHS[i] as DepthName] > 0) return i + 1;
  return 0;
}

/** Share (0..1) of a group's seats at "contribute" or deeper; null when it has none. */
export function deepShare(depth: DepthCounts): number | null {
  const n = DEPTHS.reduce((sum, d) => sum + depth[d], 0);
  return n === 0 ? null : (depth.CONTRIBUTE + depth.LEAD) / n;
}

export type DepthWeights = Record<DepthName, number>;

export const DEFAULT_WEIGHTS: DepthWeights = { OBSERVE: 1, ATTEND: 2, CONTRIBUTE: 3, LEAD: 4 };

/** The depth-weighted score: each engagement weighs by how deeply the person takes part. */
export function depthScore(depth: DepthCounts, weights: DepthWeights): number {
  return DEPTHS.reduce((sum, d) => sum + depth[d] * weights[d], 0);
}

/** Engagements at `minDepth` or deeper. */
export function engagementsAtLeast(depth: DepthCounts, minDepth: DepthName): number {
  return DEPTHS.slice(DEPTHS.indexOf(minDepth)).reduce((sum, d) => sum + depth[d], 0);
}

// ---------------------------------------------------------------- reference aggregation

export interface EngagementFact {
  id: string;
  participantId: string;
  agencyId: string;
  committeeId: string | null;
  standardId: string | null;
  role: EngagementRoleName;
  depth: DepthName;
  startDate: IsoDate;
  endDate: IsoDate | null;
  /** The last day the coordinator confirmed the seat is still held. */
  lastConfirmedOn: IsoDate | null;
}

export interface CommitteeRef {
  id: string;
  sdoId: string;
  /** The committee above it (SC 27 for SC 27/WG 2), or null at the top. */
  parentId: string | null;
  coreAreaIds: string[];
  keyApplicationIds: string[];
}

export interface StandardRef {
  id: string;
  sdoId: string;
  committeeId: string | null;
  stage: StageName;
  coreAreaIds: string[];
  keyApplicationIds: string[];
}

export interface AggregationScope {
  start: IsoDate;
  end: IsoDate;
  asOf: IsoDate;
  agencyId: string | null;
  sdoId: string | null;
}

export function isActiveIn(e: { startDate: IsoDate; endDate: IsoDate | null }, start: IsoDate, end: IsoDate): boolean {
  return e.startDate <= end && (e.endDate === null || e.endDate >= start);
}

/** The latest of an engagement's start, end and last-confirmed dates on or before asOf. */
export function lastActivityOf(e: { startDate: IsoDate; endDate: IsoDate | null; lastConfirmedOn?: IsoDate | null }, asOf: IsoDate): IsoDate | null {
  let last: IsoDate | null = null;
  for (const day of [e.startDate, e.endDate, e.lastConfirmedOn ?? null]) {
    if (day !== null && day <= asOf && (last === null || day > last)) last = day;
  }
  return last;
}

/** The committee and every committee above it, nearest first (a cycle stops the walk). */
export function committeeLineage(id: string, committees: ReadonlyMap<string, Pick<CommitteeRef, "parentId">>): string[] {
  const out: string[] = [];
  for (let at: string | null = id; at !== null && !out.includes(at); at = committees.get(at)?.parentId ?? null) out.push(at);
  return out;
}

export interface ResolvedEngagement {
  committeeId: string | null;
  sdoId: string | null;
  coreAreaIds: string[];
  keyApplicationIds: string[];
}

/** Where an engagement counts (see the definitions at the top of this file). */
export function resolveEngagement(
  e: Pick<EngagementFact, "committeeId" | "standardId">,
  committees: ReadonlyMap<string, CommitteeRef>,
  standards: ReadonlyMap<string, StandardRef>,
): ResolvedEngagement {
  const own = e.committeeId ? committees.get(e.committeeId) : undefined;
  const standard = e.standardId ? standards.get(e.standardId) : undefined;
  const committeeId = e.committeeId ?? standard?.committeeId ?? null;
  const committee = committeeId ? committees.get(committeeId) : undefined;
  const sdoId = committee?.sdoId ?? standard?.sdoId ?? null;
  const coreAreaIds = [...new Set([...(own?.coreAreaIds ?? []), ...(standard?.coreAreaIds ?? [])])];
  const keyApplicationIds = [...new Set([...(own?.keyApplicationIds ?? []), ...(standard?.keyApplicationIds ?? [])])];
  return { committeeId, sdoId, coreAreaIds, keyApplicationIds };
}

class Accumulator {
  engagements = 0;
  leadership = 0;
  depth = emptyDepth();
  lastActivity: IsoDate | null = null;
  readonly participants = new Set<string>();
  readonly agencies = new Set<string>();

  add(e: EngagementFact, last: IsoDate | null) {
    this.engagements++;
    if (isLeadershipRole(e.role)) this.leadership++;
    this.depth[e.depth]++;
    if (last !== null && (this.lastActivity === null || last > this.lastActivity)) this.lastActivity = last;
    this.participants.add(e.participantId);
    this.agencies.add(e.agencyId);
  }

  metrics(): GroupMetrics {
    return {
      engagements: this.engagements,
      participants: this.participants.size,
      agencies: this.agencies.size,
      soleAgencyId: this.agencies.size === 1 ? ([...this.agencies][0] as string) : null,
      leadership: this.leadership,
      depth: { ...this.depth },
      lastActivity: this.lastActivity,
    };
  }
}

class Table {
  private readonly rows = new Map<string, Accumulator>();
  add(key: string, e: EngagementFact, last: IsoDate | null) {
    let acc = this.rows.get(key);
    if (!acc) this.rows.set(key, (acc = new Accumulator()));
    acc.add(e, last);
  }
  result(): Record<string, GroupMetrics> {
    return Object.fromEntries([...this.rows].map(([k, acc]) => [k, acc.metrics()]));
  }
}

/** Every aggregate the engine needs, computed row by row (the reference for the SQL). */
export function aggregateEngagements(
  facts: readonly EngagementFact[],
  committeeList: readonly CommitteeRef[],
  standardList: readonly StandardRef[],
  scope: AggregationScope,
): CoverageAggregates {
  const committees = new Map(committeeList.map((c) => [c.id, c]));
  const standards = new Map(standardList.map((s) => [s.id, s]));
  const total = new Accumulator();
  const tables = {
    coreArea: new Table(),
    keyApplication: new Table(),
    sdo: new Table(),
    committee: new Table(),
    committeeTree: new Table(),
    coreAreaKeyApplication: new Table(),
    coreAreaSdo: new Table(),
  };
  const engagedStandards = new Set<string>();
  for (const e of facts) {
    if (!isActiveIn(e, scope.start, scope.end)) continue;
    if (scope.agencyId !== null && e.agencyId !== scope.agencyId) continue;
    const where = resolveEngagement(e, committees, standards);
    if (scope.sdoId !== null && where.sdoId !== scope.sdoId) continue;
    if (e.standardId) engagedStandards.add(e.standardId);
    const last = lastActivityOf(e, scope.asOf);
    total.add(e, last);
    if (where.sdoId) tables.sdo.add(where.sdoId, e, last);
    if (where.committeeId) {
      tables.committee.add(where.committeeId, e, last);
      for (const id of committeeLineage(where.committeeId, committees)) tables.committeeTree.add(id, e, last);
    }
    for (const ka of where.keyApplicationIds) tables.keyApplication.add(ka, e, last);
    for (const ca of where.coreAreaIds) {
      tables.coreArea.add(ca, e, last);
      if (where.sdoId) tables.coreAreaSdo.add(cellKey(ca, where.sdoId), e, last);
      for (const ka of where.keyApplicationIds) tables.coreAreaKeyApplication.add(cellKey(ca, ka), e, last);
    }
  }
  const standardsByStage = emptyStageCounts();
  const unengagedDevelopmentStandardIds: string[] = [];
  for (const s of standardList) {
    if (scope.sdoId !== null && s.sdoId !== scope.sdoId) continue;
    const engaged = engagedStandards.has(s.id);
    standardsByStage[s.stage].total++;
    if (engaged) standardsByStage[s.stage].engaged++;
    else if (DEVELOPMENT_STAGES.includes(s.stage)) unengagedDevelopmentStandardIds.push(s.id);
  }
  unengagedDevelopmentStandardIds.sort();
  return {
    total: total.metrics(),
    coreArea: tables.coreArea.result(),
    keyApplication: tables.keyApplication.result(),
    sdo: tables.sdo.result(),
    committee: tables.committee.result(),
    committeeTree: tables.committeeTree.result(),
    coreAreaKeyApplication: tables.coreAreaKeyApplication.result(),
    coreAreaSdo: tables.coreAreaSdo.result(),
    standardsByStage,
    unengagedDevelopmentStandardIds,
  };
}

/** Active engagements in the given committees (own or via their standard) or core areas. */
export function countAreaEngagements(
  facts: readonly EngagementFact[],
  committeeList: readonly CommitteeRef[],
  standardList: readonly StandardRef[],
  scope: AggregationScope,
  area: { coreAreaIds: readonly string[]; committeeIds: readonly string[] },
): number {
  const committees = new Map(committeeList.map((c) => [c.id, c]));
  const standards = new Map(standardList.map((s) => [s.id, s]));
  let count = 0;
  for (const e of facts) {
    if (!isActiveIn(e, scope.start, scope.end)) continue;
    if (scope.agencyId !== null && e.agencyId !== scope.agencyId) continue;
    const where = resolveEngagement(e, committees, standards);
    if (scope.sdoId !== null && where.sdoId !== scope.sdoId) continue;
    const inCommittee = where.committeeId !== null && area.committeeIds.includes(where.committeeId);
    if (inCommittee || where.coreAreaIds.some((id) => area.coreAreaIds.includes(id))) count++;
  }
  return count;
}

// ---------------------------------------------------------------- inventory

/** Committees and standards that work on a subject: what there is to engage in. */
export interface Inventory {
  committees: number;
  standards: number;
}

export interface CoverageInventory {
  coreArea: Record<string, Inventory>;
  keyApplication: Record<string, Inventory>;
  sdo: Record<string, Inventory>;
  coreAreaKeyApplication: Record<string, Inventory>;
  coreAreaSdo: Record<string, Inventory>;
}

export function inventoryOf(table: Record<string, Inventory>, key: string): Inventory {
  return table[key] ?? { committees: 0, standards: 0 };
}

/** Reference version of the inventory query; an SDO filter keeps that SDO's rows only. */
export function countInventory(committees: readonly CommitteeRef[], standards: readonly StandardRef[], sdoId: string | null): CoverageInventory {
  const out: CoverageInventory = { coreArea: {}, keyApplication: {}, sdo: {}, coreAreaKeyApplication: {}, coreAreaSdo: {} };
  const bump = (table: Record<string, Inventory>, key: string, field: keyof Inventory) => {
    const row = (table[key] ??= { committees: 0, standards: 0 });
    row[field]++;
  };
  const rows = [
    ...committees.map((c) => ({ ...c, field: "committees" as const })),
    ...standards.map((s) => ({ ...s, field: "standards" as const })),
  ];
  for (const row of rows) {
    if (sdoId !== null && row.sdoId !== sdoId) continue;
    bump(out.sdo, row.sdoId, row.field);
    for (const ka of row.keyApplicationIds) bump(out.keyApplication, ka, row.field);
    for (const ca of row.coreAreaIds) {
      bump(out.coreArea, ca, row.field);
      bump(out.coreAreaSdo, cellKey(ca, row.sdoId), row.field);
      for (const ka of row.keyApplicationIds) bump(out.coreAreaKeyApplication, cellKey(ca, ka), row.field);
    }
  }
  return out;
}

// ---------------------------------------------------------------- activities

export const ACTIVITY_KINDS: readonly ActivityKindName[] = [
  "TRAINING",
  "ADOPTION",
  "INTERNATIONAL_EXCHANGE",
  "PUBLIC_PRIVATE_COLLABORATION",
  "INTERAGENCY_COORDINATION",
];

export interface ActivityCount {
  /** Activities that started in the period. */
  count: number;
  /** Distinct agencies that logged them. */
  agencies: number;
}

export type ActivityCounts = Record<ActivityKindName, ActivityCount>;

export function emptyActivityCounts(): ActivityCounts {
  return Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, { count: 0, agencies: 0 }])) as ActivityCounts;
}

export interface ActivityFact {
  agencyId: string;
  kind: ActivityKindName;
  startDate: IsoDate;
  sdoId: string | null;
}

/**
 * Activities are logged events: one counts in the period its start date falls in. Under an
 * SDO filter only activities linked to that SDO count.
 */
export function countActivities(facts: readonly ActivityFact[], scope: AggregationScope): ActivityCounts {
  const out = emptyActivityCounts();
  const agencies = new Map<ActivityKindName, Set<string>>();
  for (const a of facts) {
    if (a.startDate < scope.start || a.startDate > scope.end) continue;
    if (scope.agencyId !== null && a.agencyId !== scope.agencyId) continue;
    if (scope.sdoId !== null && a.sdoId !== scope.sdoId) continue;
    out[a.kind].count++;
    const set = agencies.get(a.kind) ?? new Set<string>();
    set.add(a.agencyId);
    agencies.set(a.kind, set);
  }
  for (const [kind, set] of agencies) out[kind].agencies = set.size;
  return out;
}
