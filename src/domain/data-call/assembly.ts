// An agency's fiscal-year standards report (the data call), assembled from plain rows:
// participation, use of standards (OMB Circular A-119 categories), the other activities,
// the agency's contribution to the recommendations' indicators. Every figure keeps the ids
// of the records behind it, so a frozen snapshot can still show exactly what it counted.
// Pure: the caller reads the rows (src/server/data-call/) and passes them in.
import { isActiveIn } from "@/domain/coverage-metrics";
import { fiscalYearEnd, fiscalYearStart, type IsoDate } from "@/domain/fiscal-year";
import {
  ACTIVITY_KINDS, ACTIVITY_LABELS, DEPTH_LABELS, DEPTHS, LEADERSHIP_ROLES, ROLE_LABELS, STANDARD_USE_LABELS, STANDARD_USES,
  type ActivityKind, type Depth, type EngagementRole, type StandardUse,
} from "@/domain/participation/inputs";
import type { RecordsQuery } from "@/domain/records-query";

export interface DataCallEngagementRow {
  id: string;
  participantId: string;
  committeeId: string | null;
  standardId: string | null;
  role: EngagementRole;
  depth: Depth;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface DataCallActivityRow {
  id: string;
  kind: ActivityKind;
  title: string;
  startDate: IsoDate;
  standardId: string | null;
  standardUse: StandardUse | null;
  governmentUniqueReason: string | null;
}

export interface DataCallReference {
  sdos: readonly { id: string; acronym: string }[];
  committees: readonly { id: string; designation: string; sdoId: string; coreAreaIds: readonly string[]; keyApplicationIds: readonly string[] }[];
  /** At least the standards the rows name. */
  standards: readonly { id: string; designation: string; sdoId: string; committeeId: string | null; coreAreaIds: readonly string[]; keyApplicationIds: readonly string[] }[];
  coreAreas: readonly { id: string; name: string }[];
  keyApplications: readonly { id: string; name: string }[];
}

/** One indicator of the coverage engine, computed for this agency and fiscal year. */
export interface DataCallIndicatorRow {
  code: string;
  recommendationNumber: number;
  recommendationTitle: string;
  name: string;
  unit: string;
  format: "percent" | "number";
  value: number;
  target: number;
  status: "met" | "partial" | "gap";
  drill: RecordsQuery | null;
}

export interface AssemblyInput {
  fiscalYear: number;
  agency: { id: string; acronym: string; name: string };
  /** The agency's engagements; those not active in the fiscal year are ignored. */
  engagements: readonly DataCallEngagementRow[];
  /** The agency's activities; those not started in the fiscal year are ignored. */
  activities: readonly DataCallActivityRow[];
  reference: DataCallReference;
  indicators: readonly DataCallIndicatorRow[];
}

export type RecordKind = "engagements" | "activities";

/** A number in the report and the records it counts. */
export interface Figure {
  /** Unique within a report, stable across years (compared year over year). */
  key: string;
  label: string;
  value: number;
  records: RecordKind;
  /** Ids of the records behind the figure, sorted. */
  ids: string[];
}

/**
 * A figure with the number of records behind it instead of their ids: what the draft page
 * shows (the ids are read when they are needed: submitting, the export, the records page).
 */
export interface FigureCount {
  key: string;
  label: string;
  value: number;
  records: RecordKind;
  /** How many records are behind the figure (the length of its `ids`). */
  recordCount: number;
}

export type AnyFigure = Figure | FigureCount;

/** How many records are behind a figure, with or without their ids. */
export function recordCount(f: AnyFigure): number {
  return "ids" in f ? f.ids.length : f.recordCount;
}

export interface IndicatorFigure {
  key: string;
  code: string;
  recommendationNumber: number;
  recommendationTitle: string;
  label: string;
  unit: string;
  format: "percent" | "number";
  value: number;
  target: number;
  status: "met" | "partial" | "gap";
  drill: RecordsQuery | null;
}

export interface GovernmentUniqueUse {
  activityId: string;
  title: string;
  standardId: string | null;
  standard: string | null;
  reason: string;
}

/** The report; `F` is `Figure` (with record ids: snapshots, exports) or `FigureCount` (the draft page). */
export interface DataCallFigures<F extends AnyFigure = Figure> {
  fiscalYear: number;
  start: IsoDate;
  end: IsoDate;
  agency: { id: string; acronym: string; name: string };
  participation: {
    /** engagements, sdos, committees, representatives, leadership, started, ended. */
    summary: F[];
    byDepth: F[];
    leadershipByRole: F[];
    bySdo: F[];
    byCoreArea: F[];
    byKeyApplication: F[];
  };
  standardsUse: { byCategory: F[]; governmentUnique: GovernmentUniqueUse[] };
  /** Activities started in the year, by kind (adoptions included). */
  activities: F[];
  indicators: IndicatorFigure[];
}

const COLLATOR = new Intl.Collator("en");

/** `ids` must be sorted and unique (the rows are sorted by id once, and grouped in that order). */
function figure(key: string, label: string, records: RecordKind, ids: string[], value?: number): Figure {
  return { key, label, value: value ?? ids.length, records, ids };
}

/** Code-unit order of ids, as PostgreSQL's `COLLATE "C"` sorts ASCII ids. */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => compareIds(a.id, b.id);

/** Record ids (or, counted by the database, how many) by group key, in the order the groups were first met. */
export type IdGroups<G = readonly string[]> = ReadonlyMap<string, G>;

/**
 * The agency's engagements active in the fiscal year, grouped as the report counts them.
 * Every id list is sorted (code-unit order) and unique; the groups of `bySdo`, `byCoreArea`
 * and `byKeyApplication` come in the order of their smallest id (ties in labels keep it).
 * Built from rows by `groupEngagements`, or by the database (src/server/data-call/). `G` is
 * the ids of a group, or only how many there are (`EngagementCounts`).
 */
export interface EngagementGroups<G = readonly string[]> {
  active: G;
  /** Distinct participants of the active engagements. */
  representatives: number;
  /** Engagements placed under an SDO, and how many distinct SDOs. */
  withSdo: G;
  sdoCount: number;
  /** Engagements placed under a committee (their own or their standard's), and how many distinct committees. */
  withCommittee: G;
  committeeCount: number;
  leadership: G;
  started: G;
  ended: G;
  byDepth: IdGroups<G>;
  /** Leadership roles only. */
  byRole: IdGroups<G>;
  bySdo: IdGroups<G>;
  byCoreArea: IdGroups<G>;
  byKeyApplication: IdGroups<G>;
}

/** The same groups counted (the draft page: no ids). */
export type EngagementCounts = EngagementGroups<number>;

class Groups {
  readonly map = new Map<string, string[]>();
  add(key: string, id: string) {
    const ids = this.map.get(key);
    if (ids) ids.push(id);
    else this.map.set(key, [id]);
  }
}

export function activeInFiscalYear(e: { startDate: IsoDate; endDate: IsoDate | null }, fiscalYear: number): boolean {
  return isActiveIn(e, fiscalYearStart(fiscalYear), fiscalYearEnd(fiscalYear));
}

/** Groups the agency's engagement rows (those not active in the fiscal year are ignored). */
export function groupEngagements(fiscalYear: number, engagements: readonly DataCallEngagementRow[], ref: Pick<DataCallReference, "committees" | "standards">): EngagementGroups {
  const start = fiscalYearStart(fiscalYear);
  const end = fiscalYearEnd(fiscalYear);
  const committees = new Map(ref.committees.map((c) => [c.id, c]));
  const standards = new Map(ref.standards.map((s) => [s.id, s]));
  const leadershipRoles = new Set<string>(LEADERSHIP_ROLES);

  // Sorted by id once: every group below then collects its ids already sorted.
  const active = engagements.filter((e) => isActiveIn(e, start, end)).sort(byId);
  const withSdo: string[] = [];
  const withCommittee: string[] = [];
  const bySdo = new Groups();
  const byCommittee = new Groups();
  const byCoreArea = new Groups();
  const byKeyApplication = new Groups();
  const byDepth = new Groups();
  const byRole = new Groups();
  const participants = new Set<string>();
  const leadership: string[] = [];
  const started: string[] = [];
  const ended: string[] = [];
  // Where an engagement counts: its committee (or its standard's), the SDO above it, and the
  // core areas / key applications of its committee and of its standard. Worked out once per
  // (committee, standard) pair: thousands of engagements share a few thousand pairs.
  const places = new Map<string, { sdoId: string | null; committeeId: string | null; coreAreaIds: string[]; keyApplicationIds: string[] }>();
  const placeOf = (e: DataCallEngagementRow) => {
    const key = `${e.committeeId ?? ""}|${e.standardId ?? ""}`;
    let place = places.get(key);
    if (!place) {
      const standard = e.standardId ? standards.get(e.standardId) : undefined;
      const committeeId = e.committeeId ?? standard?.committeeId ?? null;
      const committee = committeeId ? committees.get(committeeId) : undefined;
      const own = e.committeeId ? committees.get(e.committeeId) : undefined;
      place = {
        sdoId: committee?.sdoId ?? standard?.sdoId ?? null,
        committeeId,
        coreAreaIds: [...new Set([...(own?.coreAreaIds ?? []), ...(standard?.coreAreaIds ?? [])])],
        keyApplicationIds: [...new Set([...(own?.keyApplicationIds ?? []), ...(standard?.keyApplicationIds ?? [])])],
      };
      places.set(key, place);
    }
    return place;
  };
  for (const e of active) {
    const { sdoId, committeeId, coreAreaIds, keyApplicationIds } = placeOf(e);
    if (sdoId) {
      bySdo.add(sdoId, e.id);
      withSdo.push(e.id);
    }
    if (committeeId) {
      byCommittee.add(committeeId, e.id);
      withCommittee.push(e.id);
    }
    for (const id of coreAreaIds) byCoreArea.add(id, e.id);
    for (const id of keyApplicationIds) byKeyApplication.add(id, e.id);
    byDepth.add(e.depth, e.id);
    if (leadershipRoles.has(e.role)) {
      byRole.add(e.role, e.id);
      leadership.push(e.id);
    }
    participants.add(e.participantId);
    if (e.startDate >= start) started.push(e.id);
    if (e.endDate !== null && e.endDate <= end) ended.push(e.id);
  }
  return {
    active: active.map((e) => e.id),
    representatives: participants.size,
    withSdo,
    sdoCount: bySdo.map.size,
    withCommittee,
    committeeCount: byCommittee.map.size,
    leadership,
    started,
    ended,
    byDepth: byDepth.map,
    byRole: byRole.map,
    bySdo: bySdo.map,
    byCoreArea: byCoreArea.map,
    byKeyApplication: byKeyApplication.map,
  };
}

export interface GroupedInput<G = readonly string[]> {
  fiscalYear: number;
  agency: { id: string; acronym: string; name: string };
  engagements: EngagementGroups<G>;
  /** The agency's activities; those not started in the fiscal year are ignored. */
  activities: readonly DataCallActivityRow[];
  /** Labels of the SDOs, core areas and key applications the groups name, and of the activities' standards. */
  reference: Pick<DataCallReference, "sdos" | "coreAreas" | "keyApplications"> & { standards: readonly { id: string; designation: string }[] };
  indicators: readonly DataCallIndicatorRow[];
}

export function assembleDataCall(input: AssemblyInput): DataCallFigures {
  return assembleGrouped({ ...input, engagements: groupEngagements(input.fiscalYear, input.engagements, input.reference) });
}

/** How figures are made from a group (ids, or a count) and from a list of activity ids. */
interface FigureMaker<G, F extends AnyFigure> {
  group(key: string, label: string, group: G | undefined, value?: number): F;
  ids(key: string, label: string, ids: string[]): F;
}

const WITH_IDS: FigureMaker<readonly string[], Figure> = {
  group: (key, label, group, value) => figure(key, label, "engagements", [...(group ?? [])], value),
  ids: (key, label, ids) => figure(key, label, "activities", ids),
};

const COUNTED: FigureMaker<number, FigureCount> = {
  group: (key, label, group, value) => ({ key, label, value: value ?? group ?? 0, records: "engagements", recordCount: group ?? 0 }),
  ids: (key, label, ids) => ({ key, label, value: ids.length, records: "activities", recordCount: ids.length }),
};

/** The report from engagements already grouped (by `groupEngagements` or by the database). */
export function assembleGrouped(input: GroupedInput): DataCallFigures {
  return build(input, WITH_IDS);
}

/** The report from engagements counted by the database: the same figures, without record ids. */
export function assembleCounted(input: GroupedInput<number>): DataCallFigures<FigureCount> {
  return build(input, COUNTED);
}

/** A report without its record ids (what `assembleCounted` makes of the same records). */
export function countedFigures(f: DataCallFigures): DataCallFigures<FigureCount> {
  const count = (figures: Figure[]) => figures.map(({ ids, ...rest }) => ({ ...rest, recordCount: ids.length }));
  const p = f.participation;
  return {
    ...f,
    agency: { ...f.agency },
    participation: {
      summary: count(p.summary),
      byDepth: count(p.byDepth),
      leadershipByRole: count(p.leadershipByRole),
      bySdo: count(p.bySdo),
      byCoreArea: count(p.byCoreArea),
      byKeyApplication: count(p.byKeyApplication),
    },
    standardsUse: { byCategory: count(f.standardsUse.byCategory), governmentUnique: f.standardsUse.governmentUnique },
    activities: count(f.activities),
  };
}

function build<G, F extends AnyFigure>(input: GroupedInput<G>, make: FigureMaker<G, F>): DataCallFigures<F> {
  const start = fiscalYearStart(input.fiscalYear);
  const end = fiscalYearEnd(input.fiscalYear);
  const ref = input.reference;
  const g = input.engagements;

  const sdoLabel = new Map(ref.sdos.map((s) => [s.id, s.acronym]));
  const coreAreaLabel = new Map(ref.coreAreas.map((c) => [c.id, c.name]));
  const keyApplicationLabel = new Map(ref.keyApplications.map((k) => [k.id, k.name]));
  const grouped = (prefix: string, groups: IdGroups<G>, labels: Map<string, string>) =>
    [...groups.keys()]
      .map((id) => make.group(`${prefix}.${id}`, labels.get(id) ?? id, groups.get(id)))
      .sort((a, b) => COLLATOR.compare(a.label, b.label));

  const summary: F[] = [
    make.group("participation.engagements", "Engagements active in the year", g.active),
    make.group("participation.sdos", "SDOs", g.withSdo, g.sdoCount),
    make.group("participation.committees", "Committees", g.withCommittee, g.committeeCount),
    make.group("participation.representatives", "Distinct representatives", g.active, g.representatives),
    make.group("participation.leadership", "Leadership positions held", g.leadership),
    make.group("participation.started", "Seats newly started in the year", g.started),
    make.group("participation.ended", "Seats ended in the year", g.ended),
  ];

  const inYear = input.activities.filter((a) => a.startDate >= start && a.startDate <= end).sort(byId);
  const adoptions = inYear.filter((a) => a.kind === "ADOPTION");
  const standardLabel = new Map(ref.standards.map((s) => [s.id, s.designation]));
  const byCategory: F[] = STANDARD_USES.map((u) => make.ids(`use.${u}`, STANDARD_USE_LABELS[u], adoptions.filter((a) => a.standardUse === u).map((a) => a.id)));
  const uncategorised = adoptions.filter((a) => a.standardUse === null).map((a) => a.id);
  // Older adoptions were logged before the category existed: shown so the agency can fix them.
  if (uncategorised.length) byCategory.push(make.ids("use.UNCATEGORISED", "Adoptions without an A-119 category", uncategorised));
  const governmentUnique = adoptions
    .filter((a) => a.standardUse === "GOVERNMENT_UNIQUE")
    .map((a) => ({
      activityId: a.id,
      title: a.title,
      standardId: a.standardId,
      standard: a.standardId ? (standardLabel.get(a.standardId) ?? null) : null,
      reason: a.governmentUniqueReason ?? "",
    }))
    .sort((a, b) => COLLATOR.compare(a.title, b.title) || COLLATOR.compare(a.activityId, b.activityId));

  return {
    fiscalYear: input.fiscalYear,
    start,
    end,
    agency: { ...input.agency },
    participation: {
      summary,
      byDepth: DEPTHS.map((d) => make.group(`depth.${d}`, DEPTH_LABELS[d], g.byDepth.get(d))),
      leadershipByRole: LEADERSHIP_ROLES.map((r) => make.group(`role.${r}`, ROLE_LABELS[r], g.byRole.get(r))),
      bySdo: grouped("sdo", g.bySdo, sdoLabel),
      byCoreArea: grouped("coreArea", g.byCoreArea, coreAreaLabel),
      byKeyApplication: grouped("keyApplication", g.byKeyApplication, keyApplicationLabel),
    },
    standardsUse: { byCategory, governmentUnique },
    activities: ACTIVITY_KINDS.map((k) => make.ids(`activity.${k}`, ACTIVITY_LABELS[k], inYear.filter((a) => a.kind === k).map((a) => a.id))),
    indicators: indicatorFigures(input.indicators),
  };
}

/** The coverage engine's indicators as the report lists them (by recommendation number). */
export function indicatorFigures(indicators: readonly DataCallIndicatorRow[]): IndicatorFigure[] {
  return [...indicators]
      .sort((a, b) => a.recommendationNumber - b.recommendationNumber || COLLATOR.compare(a.code, b.code))
      .map((i) => ({
        key: `indicator.${i.code}`,
        code: i.code,
        recommendationNumber: i.recommendationNumber,
        recommendationTitle: i.recommendationTitle,
        label: i.name,
        unit: i.unit,
        format: i.format,
        value: i.value,
        target: i.target,
        status: i.status,
        drill: i.drill,
      }));
}

/** Every figure of a report, keyed (indicators without record ids). */
export function flatFigures(f: DataCallFigures): { key: string; label: string; value: number; records: RecordKind | null; ids: string[] }[] {
  return flatAny(f).map((x) => ({ ...x, ids: x.ids ?? [] }));
}

/** Every figure of a report with or without ids (`ids` null when the report has none). */
export function flatAny(f: DataCallFigures<AnyFigure>): { key: string; label: string; value: number; records: RecordKind | null; ids: string[] | null }[] {
  const p = f.participation;
  return [
    ...p.summary, ...p.byDepth, ...p.leadershipByRole, ...p.bySdo, ...p.byCoreArea, ...p.byKeyApplication,
    ...f.standardsUse.byCategory, ...f.activities,
  ]
    .map((x) => ({ key: x.key, label: x.label, value: x.value, records: x.records as RecordKind | null, ids: "ids" in x ? x.ids : null }))
    .concat(f.indicators.map((i) => ({ key: i.key, label: i.label, value: i.value, records: null, ids: [] })));
}

/** The figure with this key, or null. */
export function findFigure(f: DataCallFigures, key: string): Figure | null {
  const found = flatFigures(f).find((x) => x.key === key);
  return found && found.records ? (found as Figure) : null;
}

/**
 * Where a figure's records are listed. Live figures link to the engagement list with its
 * URL filters where those select exactly the same records (agency, active in the year, and
 * the figure's SDO / depth / role / core area / key application); every other figure, and
 * every figure of a frozen snapshot, to the data call's own records page (`source` = "live"
 * or the snapshot version), which lists exactly the ids the figure keeps.
 */
export function figureHref(fiscalYear: number, agencyId: string, key: string, source: "live" | number): string {
  const records = `/data-calls/${fiscalYear}/${encodeURIComponent(agencyId)}/records?${new URLSearchParams({ figure: key, source: String(source) })}`;
  if (source !== "live") return records;
  const [group, id] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1)];
  const base = { agency: agencyId, from: fiscalYearStart(fiscalYear), to: fiscalYearEnd(fiscalYear), status: "all" };
  const list = (extra: Record<string, string>) => `/engagements?${new URLSearchParams({ ...base, ...extra })}`;
  if (key === "participation.engagements" || key === "participation.representatives" || key === "participation.sdos" || key === "participation.committees") return list({});
  if (key === "participation.leadership") return list({ leadership: "1" });
  if (group === "sdo") return list({ sdo: id });
  if (group === "depth") return list({ depth: id });
  if (group === "role") return list({ role: id });
  if (group === "coreArea") return list({ coreArea: id });
  if (group === "keyApplication") return list({ keyApplication: id });
  return records;
}
