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

export interface DataCallFigures {
  fiscalYear: number;
  start: IsoDate;
  end: IsoDate;
  agency: { id: string; acronym: string; name: string };
  participation: {
    /** engagements, sdos, committees, representatives, leadership, started, ended. */
    summary: Figure[];
    byDepth: Figure[];
    leadershipByRole: Figure[];
    bySdo: Figure[];
    byCoreArea: Figure[];
    byKeyApplication: Figure[];
  };
  standardsUse: { byCategory: Figure[]; governmentUnique: GovernmentUniqueUse[] };
  /** Activities started in the year, by kind (adoptions included). */
  activities: Figure[];
  indicators: IndicatorFigure[];
}

const COLLATOR = new Intl.Collator("en");

/** `ids` must be sorted and unique (the rows are sorted by id once, and grouped in that order). */
function figure(key: string, label: string, records: RecordKind, ids: string[], value?: number): Figure {
  return { key, label, value: value ?? ids.length, records, ids };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

class Groups {
  private readonly map = new Map<string, { ids: string[] }>();
  add(key: string, id: string) {
    const group = this.map.get(key) ?? { ids: [] };
    group.ids.push(id);
    this.map.set(key, group);
  }
  ids(key: string): string[] {
    return this.map.get(key)?.ids ?? [];
  }
  keys(): string[] {
    return [...this.map.keys()];
  }
}

export function activeInFiscalYear(e: { startDate: IsoDate; endDate: IsoDate | null }, fiscalYear: number): boolean {
  return isActiveIn(e, fiscalYearStart(fiscalYear), fiscalYearEnd(fiscalYear));
}

export function assembleDataCall(input: AssemblyInput): DataCallFigures {
  const start = fiscalYearStart(input.fiscalYear);
  const end = fiscalYearEnd(input.fiscalYear);
  const ref = input.reference;
  const committees = new Map(ref.committees.map((c) => [c.id, c]));
  const standards = new Map(ref.standards.map((s) => [s.id, s]));
  const leadership = new Set<string>(LEADERSHIP_ROLES);

  // Sorted by id once: every group below then collects its ids already sorted.
  const active = input.engagements.filter((e) => isActiveIn(e, start, end)).sort(byId);
  const withSdo: string[] = [];
  const withCommittee: string[] = [];
  const bySdo = new Groups();
  const byCommittee = new Groups();
  const byCoreArea = new Groups();
  const byKeyApplication = new Groups();
  const byDepth = new Groups();
  const byRole = new Groups();
  const participants = new Set<string>();
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
    if (leadership.has(e.role)) byRole.add(e.role, e.id);
    participants.add(e.participantId);
    if (e.startDate >= start) started.push(e.id);
    if (e.endDate !== null && e.endDate <= end) ended.push(e.id);
  }
  const activeIds = active.map((e) => e.id);
  const leadershipIds = active.filter((e) => leadership.has(e.role)).map((e) => e.id);

  const sdoLabel = new Map(ref.sdos.map((s) => [s.id, s.acronym]));
  const coreAreaLabel = new Map(ref.coreAreas.map((c) => [c.id, c.name]));
  const keyApplicationLabel = new Map(ref.keyApplications.map((k) => [k.id, k.name]));
  const grouped = (prefix: string, groups: Groups, labels: Map<string, string>) =>
    groups
      .keys()
      .map((id) => figure(`${prefix}.${id}`, labels.get(id) ?? id, "engagements", groups.ids(id)))
      .sort((a, b) => COLLATOR.compare(a.label, b.label));

  const summary: Figure[] = [
    figure("participation.engagements", "Engagements active in the year", "engagements", activeIds),
    figure("participation.sdos", "SDOs", "engagements", withSdo, bySdo.keys().length),
    figure("participation.committees", "Committees", "engagements", withCommittee, byCommittee.keys().length),
    figure("participation.representatives", "Distinct representatives", "engagements", activeIds, participants.size),
    figure("participation.leadership", "Leadership positions held", "engagements", leadershipIds),
    figure("participation.started", "Seats newly started in the year", "engagements", started),
    figure("participation.ended", "Seats ended in the year", "engagements", ended),
  ];

  const inYear = input.activities.filter((a) => a.startDate >= start && a.startDate <= end).sort(byId);
  const adoptions = inYear.filter((a) => a.kind === "ADOPTION");
  const standardLabel = new Map(ref.standards.map((s) => [s.id, s.designation]));
  const byCategory: Figure[] = STANDARD_USES.map((u) =>
    figure(`use.${u}`, STANDARD_USE_LABELS[u], "activities", adoptions.filter((a) => a.standardUse === u).map((a) => a.id)),
  );
  const uncategorised = adoptions.filter((a) => a.standardUse === null).map((a) => a.id);
  // Older adoptions were logged before the category existed: shown so the agency can fix them.
  if (uncategorised.length) byCategory.push(figure("use.UNCATEGORISED", "Adoptions without an A-119 category", "activities", uncategorised));
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
      byDepth: DEPTHS.map((d) => figure(`depth.${d}`, DEPTH_LABELS[d], "engagements", byDepth.ids(d))),
      leadershipByRole: LEADERSHIP_ROLES.map((r) => figure(`role.${r}`, ROLE_LABELS[r], "engagements", byRole.ids(r))),
      bySdo: grouped("sdo", bySdo, sdoLabel),
      byCoreArea: grouped("coreArea", byCoreArea, coreAreaLabel),
      byKeyApplication: grouped("keyApplication", byKeyApplication, keyApplicationLabel),
    },
    standardsUse: { byCategory, governmentUnique },
    activities: ACTIVITY_KINDS.map((k) => figure(`activity.${k}`, ACTIVITY_LABELS[k], "activities", inYear.filter((a) => a.kind === k).map((a) => a.id))),
    indicators: [...input.indicators]
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
      })),
  };
}

/** Every figure of a report, keyed (indicators without record ids). */
export function flatFigures(f: DataCallFigures): { key: string; label: string; value: number; records: RecordKind | null; ids: string[] }[] {
  const p = f.participation;
  return [
    ...p.summary, ...p.byDepth, ...p.leadershipByRole, ...p.bySdo, ...p.byCoreArea, ...p.byKeyApplication,
    ...f.standardsUse.byCategory, ...f.activities,
  ]
    .map((x) => ({ key: x.key, label: x.label, value: x.value, records: x.records as RecordKind | null, ids: x.ids }))
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
