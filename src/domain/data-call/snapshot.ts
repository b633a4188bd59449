// What a submission freezes (figures + narrative), its content hash, and the comparison of
// two reports figure by figure: year over year (against the previous accepted submission)
// and "records changed since submission" (the frozen snapshot against today's records).
import { createHash } from "node:crypto";
import { flatAny, type AnyFigure, type DataCallFigures } from "./assembly";
import type { Narrative } from "./inputs";

/** JSON with object keys sorted at every level: equal content, equal text, equal hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** sha256 (hex) of what a snapshot freezes. */
export function snapshotHash(figures: DataCallFigures, narrative: Narrative): string {
  return createHash("sha256")
    .update(canonicalJson({ fiscalYear: figures.fiscalYear, agencyId: figures.agency.id, figures, narrative }))
    .digest("hex");
}

export interface FigureChange {
  key: string;
  label: string;
  /** Null when the figure does not exist on that side (e.g. an SDO new this year). */
  before: number | null;
  after: number | null;
  change: number | null;
  /**
   * Records counted now and not before, and the other way round (empty for indicators, and
   * when `after` was assembled without record ids: a year-over-year comparison of values).
   */
  added: string[];
  removed: string[];
}

/**
 * Every figure of `after` (and those only in `before`), with the change. Figures absent on
 * one side count as 0 there for the change, so a new SDO shows +n.
 */
export function compareFigures(before: DataCallFigures | null, after: DataCallFigures<AnyFigure>): FigureChange[] {
  const old = new Map((before ? flatAny(before) : []).map((f) => [f.key, { ...f, ids: f.ids ?? [] }]));
  const rows: FigureChange[] = [];
  const seen = new Set<string>();
  const withIds = flatAny(after).every((f) => f.ids !== null);
  for (const f of flatAny(after)) {
    seen.add(f.key);
    const o = old.get(f.key);
    const oldIds = new Set(withIds ? (o?.ids ?? []) : []);
    const ids = f.ids ?? [];
    const newIds = new Set(ids);
    rows.push({
      key: f.key,
      label: f.label,
      before: o ? o.value : before ? null : null,
      after: f.value,
      change: before ? f.value - (o?.value ?? 0) : null,
      added: ids.filter((id) => !oldIds.has(id)),
      removed: [...oldIds].filter((id) => !newIds.has(id)),
    });
  }
  for (const o of old.values()) {
    if (seen.has(o.key)) continue;
    rows.push({ key: o.key, label: o.label, before: o.value, after: null, change: -o.value, added: [], removed: withIds ? [...o.ids] : [] });
  }
  return rows;
}

/** Only the figures whose value or records differ. */
export function changedFigures(before: DataCallFigures, after: DataCallFigures): FigureChange[] {
  return compareFigures(before, after).filter((r) => r.change !== 0 || r.added.length > 0 || r.removed.length > 0);
}
