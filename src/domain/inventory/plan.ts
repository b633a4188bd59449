// Turns the file's declarations plus the current database state into an import plan:
// per SDO, committee and standard, create / update (with the changed fields) /
// unchanged; row statuses; every problem that needs the database (new SDOs without a
// name, unknown core areas, committee clashes, duplicates); and, in sync mode, exactly
// which records would be removed and which are kept because something uses them.
// Pure: the caller loads the snapshot and supplies new ids.
import type { ProvenanceValue, StageValue } from "./fields";
import { firstDifference, identifierSkeleton } from "./identifiers";
import { printable } from "./text-rules";
import type { ColumnNames, CommitteeDecl, InventoryItem, ParsedInventory, RowError, SdoDecl, StandardDecl } from "./model";

export type ImportModeValue = "MERGE" | "SYNC";
export type EntityType = "Sdo" | "Committee" | "Standard";

export interface SdoState {
  acronym: string;
  name: string;
  type: string;
  provenance: ProvenanceValue;
  sourceRefs: string[];
}
export interface CommitteeState {
  sdoId: string;
  parentId: string | null;
  designation: string;
  title: string;
  provenance: ProvenanceValue;
  sourceRefs: string[];
}
export interface StandardState {
  sdoId: string;
  committeeId: string | null;
  designation: string;
  title: string;
  stage: StageValue;
  year: number | null;
  note: string | null;
  provenance: ProvenanceValue;
  sourceRefs: string[];
  coreAreaIds: string[];
  keyApplicationIds: string[];
}

export interface Snapshot {
  /** Every SDO. */
  sdos: (SdoState & { id: string })[];
  /** Every committee (designations are unique across SDOs). */
  committees: (CommitteeState & { id: string })[];
  /** At least the standards of the SDOs the file names. */
  standards: (StandardState & { id: string })[];
  coreAreas: { id: string; name: string }[];
  keyApplications: { id: string; name: string }[];
  /** Sync mode: records used by something outside the import (id -> why). */
  inUse?: { standards: Map<string, string>; committees: Map<string, string> };
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface EntityOp<S> {
  entity: EntityType;
  op: "create" | "update" | "unchanged";
  id: string;
  /** The file row that declares it (internal: row statuses). */
  row?: number;
  /** Human key: acronym, committee designation, "designation (SDO)". */
  key: string;
  line: number;
  before: S | null;
  after: S;
  changes: FieldChange[];
}

export interface Removal {
  entity: "Committee" | "Standard";
  id: string;
  key: string;
  /** Set when the record is kept because something still uses it. */
  keptBecause?: string;
  /** Committees: depth in the tree (deepest removed first). */
  depth: number;
}

export interface ImportPlan {
  mode: ImportModeValue;
  rows: { total: number; new: number; updated: number; unchanged: number; invalid: number };
  errors: RowError[];
  warnings: string[];
  sdos: EntityOp<SdoState>[];
  committees: EntityOp<CommitteeState>[];
  standards: EntityOp<StandardState>[];
  removals: Removal[];
  keptInUse: Removal[];
}

/**
 * A map keyed by two strings (SDO, designation), iterated in insertion order. Nested maps
 * rather than concatenated keys: a fresh concatenation must be flattened and hashed on
 * every lookup, which was a visible cost at 50k rows.
 */
class PairMap<V> {
  private readonly byFirst = new Map<string, Map<string, V>>();
  private readonly ordered: V[] = [];
  get(a: string, b: string): V | undefined {
    return this.byFirst.get(a)?.get(b);
  }
  /** Adds a new pair (callers check get() first). */
  add(a: string, b: string, value: V): void {
    let inner = this.byFirst.get(a);
    if (!inner) this.byFirst.set(a, (inner = new Map()));
    inner.set(b, value);
    this.ordered.push(value);
  }
  values(): readonly V[] {
    return this.ordered;
  }
}
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const sameValue = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? sameList(a as string[], b as string[]) : a === b);

function diff<S extends object>(before: S, after: S, display: (field: string, value: unknown) => unknown = (_f, v) => v): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after) as (keyof S & string)[]) {
    if (!sameValue(before[field], after[field])) changes.push({ field, from: display(field, before[field]), to: display(field, after[field]) });
  }
  return changes;
}

interface MergedSdo {
  decl: SdoDecl;
  line: number;
  row: number;
  explicitLine?: number;
  nameLine?: number;
  typeLine?: number;
}
interface MergedCommittee {
  sdoAcronym: string;
  decl: CommitteeDecl;
  line: number;
  row: number;
  explicitRow?: number;
  explicitLine?: number;
  titleLine?: number;
}
interface MergedStandard {
  sdoAcronym: string;
  committee: string | null;
  decl: StandardDecl;
  line: number;
  row: number;
}

/** The list sorted: itself when it already is (snapshots usually are), else a sorted copy. */
function sortedList(list: string[]): string[] {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return [...list].sort();
  return list;
}

/** Designation prefixes at "/" boundaries, longest first: "A/B/C" -> ["A/B", "A"]. */
export function pathPrefixes(designation: string): string[] {
  const out: string[] = [];
  let idx = designation.lastIndexOf("/");
  while (idx > 0) {
    out.push(designation.slice(0, idx).trim());
    idx = designation.lastIndexOf("/", idx - 1);
  }
  return out;
}

export function planImport(parsed: ParsedInventory, snapshot: Snapshot, mode: ImportModeValue, newId: () => string): ImportPlan {
  const cols: ColumnNames = parsed.columns;
  const errors: RowError[] = [...parsed.errors];
  const badRows = new Set<number>();
  const fail = (line: number, column: string | null, message: string, row?: number) => {
    errors.push({ line, column, message });
    if (row !== undefined) badRows.add(row);
  };

  // ---- 1. Merge the file's declarations (first value wins; a different later value is an error).
  const sdos = new Map<string, MergedSdo>();
  const committees = new Map<string, MergedCommittee>();
  const standards = new PairMap<MergedStandard>();
  const validItems: InventoryItem[] = [];

  for (const item of parsed.items) {
    const problems: [string | null, string][] = [];
    const s = sdos.get(item.sdo.acronym);
    if (s) {
      if (item.sdo.name !== undefined && s.decl.name !== undefined && s.decl.name !== item.sdo.name) {
        problems.push([cols.sdoName, `SDO "${item.sdo.acronym}" is named "${s.decl.name}" on line ${s.nameLine}; this row says "${item.sdo.name}"`]);
      }
      if (item.sdo.type !== undefined && s.decl.type !== undefined && s.decl.type !== item.sdo.type) {
        problems.push([cols.sdoType, `SDO "${item.sdo.acronym}" has type "${s.decl.type}" on line ${s.typeLine}; this row says "${item.sdo.type}"`]);
      }
      if (item.kind === "sdo" && s.explicitLine !== undefined) {
        problems.push([null, `Duplicate: SDO "${item.sdo.acronym}" is already declared on line ${s.explicitLine}`]);
      }
    }
    const committeeDecl = item.kind === "committee" ? item.committee : item.kind === "standard" ? item.committee : null;
    if (committeeDecl) {
      const c = committees.get(committeeDecl.designation);
      if (c) {
        if (item.kind === "committee" && c.explicitLine !== undefined) {
          problems.push([cols.committee, `Duplicate: committee "${committeeDecl.designation}" is already on line ${c.explicitLine}`]);
        } else if (item.kind === "committee" && c.sdoAcronym !== item.sdo.acronym) {
          problems.push([cols.committee, `Committee "${committeeDecl.designation}" is under SDO "${c.sdoAcronym}" on line ${c.line}, not "${item.sdo.acronym}"`]);
        }
        if (committeeDecl.title !== undefined && c.decl.title !== undefined && c.decl.title !== committeeDecl.title) {
          problems.push([cols.committeeTitle, `Committee "${committeeDecl.designation}" has title "${c.decl.title}" on line ${c.titleLine}; this row says "${committeeDecl.title}"`]);
        }
      }
    }
    if (item.kind === "standard") {
      const other = standards.get(item.sdo.acronym, item.standard.designation);
      if (other) problems.push([cols.designation, `Duplicate: standard "${item.standard.designation}" of ${item.sdo.acronym} is already on line ${other.line}`]);
    }
    if (problems.length) {
      for (const [column, message] of problems) fail(item.line, column, message, item.row);
      continue;
    }
    // Apply.
    const merged = s ?? { decl: { acronym: item.sdo.acronym }, line: item.line, row: item.row };
    if (!s) sdos.set(item.sdo.acronym, merged);
    if (item.sdo.name !== undefined && merged.decl.name === undefined) [merged.decl.name, merged.nameLine] = [item.sdo.name, item.line];
    if (item.sdo.type !== undefined && merged.decl.type === undefined) [merged.decl.type, merged.typeLine] = [item.sdo.type, item.line];
    if (item.kind === "sdo") {
      merged.explicitLine = item.line;
      merged.decl.provenance = item.sdo.provenance;
      merged.decl.sourceRefs = item.sdo.sourceRefs;
    }
    if (committeeDecl) {
      let c = committees.get(committeeDecl.designation);
      if (!c) {
        c = { sdoAcronym: item.sdo.acronym, decl: { designation: committeeDecl.designation }, line: item.line, row: item.row };
        committees.set(committeeDecl.designation, c);
      }
      if (committeeDecl.title !== undefined && c.decl.title === undefined) [c.decl.title, c.titleLine] = [committeeDecl.title, item.line];
      if (item.kind === "committee") {
        c.explicitLine = item.line;
        c.explicitRow = item.row;
        c.sdoAcronym = item.sdo.acronym;
        c.decl.parent = committeeDecl.parent;
        c.decl.provenance = committeeDecl.provenance;
        c.decl.sourceRefs = committeeDecl.sourceRefs;
      }
    }
    if (item.kind === "standard") {
      standards.add(item.sdo.acronym, item.standard.designation, {
        sdoAcronym: item.sdo.acronym,
        committee: item.committee?.designation ?? null,
        decl: item.standard,
        line: item.line,
        row: item.row,
      });
    }
    validItems.push(item);
  }

  // ---- 2. SDOs against the database.
  const dbSdoByAcronym = new Map(snapshot.sdos.map((s) => [s.acronym, s]));
  const sdoById = new Map(snapshot.sdos.map((s) => [s.id, s.acronym]));
  const sdoOps = new Map<string, EntityOp<SdoState>>();
  const brokenSdos = new Map<string, number>();
  for (const [acronym, m] of sdos) {
    const existing = dbSdoByAcronym.get(acronym);
    if (!existing) {
      const missing = [m.decl.name === undefined ? cols.sdoName : null, m.decl.type === undefined ? cols.sdoType : null].filter(Boolean);
      if (missing.length) {
        fail(m.line, missing[0]!, `SDO "${acronym}" is new: give its ${missing.join(" and ")} (on this row or any row of the SDO)`, m.row);
        brokenSdos.set(acronym, m.line);
        continue;
      }
      const after: SdoState = { acronym, name: m.decl.name!, type: m.decl.type!, provenance: m.decl.provenance ?? "GENERAL_KNOWLEDGE", sourceRefs: m.decl.sourceRefs ?? [] };
      const id = newId();
      sdoById.set(id, acronym);
      sdoOps.set(acronym, { entity: "Sdo", op: "create", id, key: acronym, line: m.explicitLine ?? m.line, row: m.row, before: null, after, changes: [] });
      continue;
    }
    const { id, ...before } = existing;
    const after: SdoState = {
      acronym,
      name: m.decl.name ?? before.name,
      type: m.decl.type ?? before.type,
      provenance: m.decl.provenance ?? before.provenance,
      sourceRefs: m.decl.sourceRefs ?? before.sourceRefs,
    };
    const changes = diff(before, after);
    sdoOps.set(acronym, { entity: "Sdo", op: changes.length ? "update" : "unchanged", id, key: acronym, line: m.explicitLine ?? m.line, before, after, changes });
  }

  // ---- 3. Committees: ids, SDO clashes, titles, parents.
  const dbCommittee = new Map(snapshot.committees.map((c) => [c.designation, c]));
  const committeeDesignationById = new Map(snapshot.committees.map((c) => [c.id, c.designation]));
  const committeeOps = new Map<string, EntityOp<CommitteeState>>();
  const brokenCommittees = new Map<string, string>();
  // ids first, so parents can point at new committees
  const committeeIds = new Map<string, string>();
  for (const [designation, m] of committees) {
    const existing = dbCommittee.get(designation);
    const sdoOp = sdoOps.get(m.sdoAcronym);
    if (!sdoOp) {
      brokenCommittees.set(designation, `SDO "${m.sdoAcronym}" cannot be created (see line ${brokenSdos.get(m.sdoAcronym)})`);
      continue;
    }
    if (existing) {
      if (m.explicitLine !== undefined && existing.sdoId !== sdoOp.id) {
        const msg = `Committee "${designation}" already exists under SDO "${sdoById.get(existing.sdoId)}", not "${m.sdoAcronym}"`;
        fail(m.explicitLine, cols.committee, msg, m.explicitRow);
        brokenCommittees.set(designation, msg);
        continue;
      }
      committeeIds.set(designation, existing.id);
    } else {
      if (m.decl.title === undefined) {
        const msg = `Committee "${designation}" is new: give its title (${cols.committeeTitle})`;
        fail(m.explicitLine ?? m.line, cols.committeeTitle, msg, m.explicitRow ?? m.row);
        brokenCommittees.set(designation, msg);
        continue;
      }
      const id = newId();
      committeeIds.set(designation, id);
      committeeDesignationById.set(id, designation);
    }
  }
  // A new committee without its own provenance takes that of its first standard in the
  // file: indexed once here (a scan of every standard per committee was quadratic).
  const firstStandardProvenance = new Map<string, ProvenanceValue>();
  for (const s of standards.values()) if (s.committee !== null && !firstStandardProvenance.has(s.committee)) firstStandardProvenance.set(s.committee, s.decl.provenance);
  const committeeSdoId = (designation: string): string | undefined => {
    const m = committees.get(designation);
    if (m && committeeIds.has(designation)) return dbCommittee.get(designation)?.sdoId ?? sdoOps.get(m.sdoAcronym)?.id;
    return dbCommittee.get(designation)?.sdoId;
  };
  for (const [designation, m] of committees) {
    const id = committeeIds.get(designation);
    if (!id) continue;
    const existing = dbCommittee.get(designation);
    const sdoId = existing?.sdoId ?? sdoOps.get(m.sdoAcronym)!.id;
    let parentId: string | null | undefined;
    const line = m.explicitLine ?? m.line;
    if (m.decl.parent === null) parentId = null;
    else if (m.decl.parent !== undefined) {
      parentId = committeeIds.get(m.decl.parent) ?? dbCommittee.get(m.decl.parent)?.id;
      if (!parentId) {
        fail(line, cols.committee, `Parent committee "${m.decl.parent}" of "${designation}" cannot be used`, m.explicitRow ?? m.row);
        brokenCommittees.set(designation, `its parent committee cannot be used`);
        continue;
      }
    } else {
      for (const prefix of pathPrefixes(designation)) {
        if (committeeSdoId(prefix) !== sdoId) continue;
        const pid = committeeIds.get(prefix) ?? dbCommittee.get(prefix)?.id;
        if (pid) {
          parentId = pid;
          break;
        }
      }
    }
    const before = existing
      ? { sdoId: existing.sdoId, parentId: existing.parentId, designation, title: existing.title, provenance: existing.provenance, sourceRefs: existing.sourceRefs }
      : null;
    const after: CommitteeState = {
      sdoId,
      parentId: parentId === undefined ? (before?.parentId ?? null) : parentId,
      designation,
      title: m.decl.title ?? before!.title,
      provenance: m.decl.provenance ?? before?.provenance ?? (firstStandardProvenance.get(designation) ?? "GENERAL_KNOWLEDGE"),
      sourceRefs: m.decl.sourceRefs ?? before?.sourceRefs ?? [],
    };
    const changes = before ? diff(before, after, (f, v) => (f === "parentId" && typeof v === "string" ? committeeDesignationById.get(v) ?? v : v)) : [];
    committeeOps.set(designation, {
      entity: "Committee",
      op: !before ? "create" : changes.length ? "update" : "unchanged",
      id,
      key: designation,
      line,
      row: m.explicitRow ?? m.row,
      before,
      after,
      changes,
    });
  }
  // Parent cycles (possible only when the file re-parents existing committees).
  const parentOf = new Map<string, string | null>(snapshot.committees.map((c) => [c.id, c.parentId]));
  for (const op of committeeOps.values()) parentOf.set(op.id, op.after.parentId);
  for (const op of committeeOps.values()) {
    if (op.op === "unchanged") continue;
    let cursor = op.after.parentId;
    for (let steps = 0; cursor && steps < 1000; steps++) {
      if (cursor === op.id) {
        fail(op.line, cols.committee, `Committee "${op.key}" would become its own ancestor`, op.row);
        break;
      }
      cursor = parentOf.get(cursor) ?? null;
    }
  }

  // ---- 4. Standards.
  const caById = new Map(snapshot.coreAreas.map((c) => [c.id.toLowerCase(), c.id]));
  const caByName = new Map(snapshot.coreAreas.map((c) => [c.name.toLowerCase(), c.id]));
  const kaById = new Map(snapshot.keyApplications.map((c) => [c.id.toLowerCase(), c.id]));
  const kaByName = new Map(snapshot.keyApplications.map((c) => [c.name.toLowerCase(), c.id]));
  const resolve = (values: string[] | undefined, byId: Map<string, string>, byName: Map<string, string>, m: MergedStandard, column: string, label: string, example: string) => {
    if (values === undefined) return { ids: undefined, ok: true };
    const ids = new Set<string>();
    const unknown: string[] = [];
    for (const v of values) {
      const id = byId.get(v.toLowerCase()) ?? byName.get(v.toLowerCase());
      if (id) ids.add(id);
      else unknown.push(v);
    }
    if (unknown.length) {
      fail(m.line, column, `Unknown ${label}${unknown.length > 1 ? "s" : ""}: ${unknown.map((u) => `"${u}"`).join(", ")}; use an id such as ${example} or an exact name`, m.row);
      return { ids: undefined, ok: false };
    }
    return { ids: [...ids].sort(), ok: true };
  };
  const dbStandard = new PairMap<Snapshot["standards"][number]>();
  for (const s of snapshot.standards) dbStandard.add(s.sdoId, s.designation, s);
  const standardOps: EntityOp<StandardState>[] = [];
  const standardKeys = new Set<string>();
  for (const m of standards.values()) {
    const sdoOp = sdoOps.get(m.sdoAcronym);
    if (!sdoOp) {
      fail(m.line, null, `SDO "${m.sdoAcronym}" cannot be created (see line ${brokenSdos.get(m.sdoAcronym)})`, m.row);
      continue;
    }
    let committeeId: string | null = null;
    if (m.committee !== null) {
      const broken = brokenCommittees.get(m.committee);
      const id = committeeIds.get(m.committee);
      if (broken || !id) {
        fail(m.line, cols.committee, broken ?? `Committee "${m.committee}" cannot be used`, m.row);
        continue;
      }
      committeeId = id;
    }
    const ca = resolve(m.decl.coreAreas, caById, caByName, m, cols.coreAreas, "core area", "CA-CRYPTO");
    const ka = resolve(m.decl.keyApplications, kaById, kaByName, m, cols.keyApplications, "key application", "APP-CLOUD");
    if (!ca.ok || !ka.ok) continue;
    const existing = dbStandard.get(sdoOp.id, m.decl.designation);
    let before: StandardState | null = null;
    if (existing) {
      // Spelled out rather than spread: this runs for every standard of a re-import.
      before = {
        sdoId: existing.sdoId,
        committeeId: existing.committeeId,
        designation: existing.designation,
        title: existing.title,
        stage: existing.stage,
        year: existing.year,
        note: existing.note,
        provenance: existing.provenance,
        sourceRefs: existing.sourceRefs,
        coreAreaIds: sortedList(existing.coreAreaIds),
        keyApplicationIds: sortedList(existing.keyApplicationIds),
      };
      if (mode === "SYNC") standardKeys.add(existing.id);
    }
    const d = m.decl;
    const after: StandardState = {
      sdoId: sdoOp.id,
      committeeId,
      designation: d.designation,
      title: d.title,
      stage: d.stage,
      year: d.year !== undefined ? d.year : (before?.year ?? null),
      note: d.note !== undefined ? d.note : (before?.note ?? null),
      provenance: d.provenance,
      sourceRefs: d.sourceRefs ?? before?.sourceRefs ?? [],
      coreAreaIds: ca.ids ?? before?.coreAreaIds ?? [],
      keyApplicationIds: ka.ids ?? before?.keyApplicationIds ?? [],
    };
    const changes = before
      ? diff(before, after, (f, v) => (f === "committeeId" && typeof v === "string" ? committeeDesignationById.get(v) ?? v : v))
      : [];
    standardOps.push({
      entity: "Standard",
      op: !before ? "create" : changes.length ? "update" : "unchanged",
      id: existing?.id ?? newId(),
      key: `${d.designation} (${m.sdoAcronym})`,
      line: m.line,
      row: m.row,
      before,
      after,
      changes,
    });
  }

  // ---- 5. Sync: what the file's SDOs hold that the file does not mention.
  const removals: Removal[] = [];
  const keptInUse: Removal[] = [];
  if (mode === "SYNC") {
    const fileSdoIds = new Set([...sdoOps.values()].filter((o) => o.op !== "create").map((o) => o.id));
    const inUse = snapshot.inUse ?? { standards: new Map(), committees: new Map() };
    const mentionedCommittees = new Set([...committeeOps.values()].map((o) => o.id));
    // Ancestors of mentioned committees stay.
    for (const id of [...mentionedCommittees]) {
      let cursor = parentOf.get(id) ?? null;
      while (cursor && !mentionedCommittees.has(cursor)) {
        mentionedCommittees.add(cursor);
        cursor = parentOf.get(cursor) ?? null;
      }
    }
    const committeeKeep = new Map<string, string>();
    const usedCommittee = (id: string | null, why: string) => {
      if (id && !committeeKeep.has(id)) committeeKeep.set(id, why);
    };
    for (const op of standardOps) usedCommittee(op.after.committeeId, `standard ${op.key} in this file belongs to it`);
    for (const s of snapshot.standards) {
      if (!fileSdoIds.has(s.sdoId) || standardKeys.has(s.id)) {
        if (!standardKeys.has(s.id)) usedCommittee(s.committeeId, `standard ${s.designation} belongs to it`);
        continue;
      }
      const key = `${s.designation} (${sdoById.get(s.sdoId)})`;
      const why = inUse.standards.get(s.id);
      if (why) {
        keptInUse.push({ entity: "Standard", id: s.id, key, keptBecause: why, depth: 0 });
        usedCommittee(s.committeeId, `standard ${s.designation} is kept`);
      } else removals.push({ entity: "Standard", id: s.id, key, depth: 0 });
    }
    const depthOf = (id: string) => {
      let d = 0;
      for (let cursor = parentOf.get(id) ?? null; cursor && d < 1000; cursor = parentOf.get(cursor) ?? null) d++;
      return d;
    };
    const candidates = snapshot.committees.filter((c) => fileSdoIds.has(c.sdoId) && !mentionedCommittees.has(c.id));
    for (const c of candidates) {
      const why = inUse.committees.get(c.id);
      if (why) usedCommittee(c.id, why);
    }
    // Parents of kept committees (mentioned or in use) are kept too; iterate to a fixed point.
    const candidateIds = new Set(candidates.map((c) => c.id));
    for (const [id] of parentOf) {
      if (!candidateIds.has(id) || committeeKeep.has(id)) {
        let cursor = parentOf.get(id) ?? null;
        while (cursor && candidateIds.has(cursor) && !committeeKeep.has(cursor)) {
          committeeKeep.set(cursor, `committee ${committeeDesignationById.get(id) ?? id} under it is kept`);
          cursor = parentOf.get(cursor) ?? null;
        }
      }
    }
    for (const c of candidates) {
      const why = committeeKeep.get(c.id);
      const entry: Removal = { entity: "Committee", id: c.id, key: c.designation, depth: depthOf(c.id) };
      if (why) keptInUse.push({ ...entry, keptBecause: why });
      else removals.push(entry);
    }
  }

  // ---- 6. Row statuses.
  // Indexed by row number (1..rows): arrays, not maps, at 50k rows.
  const statusByRow: ("new" | "updated" | "unchanged" | undefined)[] = [];
  const label = (op: { op: string }) => (op.op === "create" ? "new" : op.op === "update" ? "updated" : "unchanged");
  const standardOpByRow: (EntityOp<StandardState> | undefined)[] = [];
  for (const o of standardOps) standardOpByRow[o.row!] = o;
  for (const item of validItems) {
    if (badRows.has(item.row)) continue;
    const op =
      item.kind === "standard"
        ? standardOpByRow[item.row]
        : item.kind === "committee"
          ? committeeOps.get(item.committee.designation)
          : sdoOps.get(item.sdo.acronym);
    if (op) statusByRow[item.row] = label(op);
    else {
      const why =
        item.kind === "committee"
          ? (brokenCommittees.get(item.committee.designation) ?? "the committee cannot be imported")
          : `SDO "${item.sdo.acronym}" cannot be created (see line ${brokenSdos.get(item.sdo.acronym) ?? "?"})`;
      fail(item.line, item.kind === "committee" ? cols.committee : null, why, item.row);
    }
  }
  const rows = { total: parsed.rowsTotal, new: 0, updated: 0, unchanged: 0, invalid: 0 };
  for (const status of statusByRow) if (status) rows[status]++;
  rows.invalid = Math.max(0, rows.total - rows.new - rows.updated - rows.unchanged);

  errors.sort((a, b) => a.line - b.line);
  return {
    mode,
    rows,
    errors,
    warnings: [...parsed.warnings, ...lookalikeWarnings(snapshot, [...sdoOps.values()], [...committeeOps.values()], standardOps)],
    sdos: [...sdoOps.values()],
    committees: [...committeeOps.values()],
    standards: standardOps,
    removals: removals.sort((a, b) => (a.entity === b.entity ? b.depth - a.depth : a.entity === "Standard" ? -1 : 1)),
    keptInUse,
  };
}

const SHOWN_LOOKALIKES = 20;

/**
 * New SDOs, committees and standards whose identifier only looks like an existing one
 * (case, Cyrillic or Greek letters, dashes, spaces): probably the same record typed
 * differently, which would become a second record. Warned about, one line each (capped).
 */
function lookalikeWarnings(
  snapshot: Snapshot,
  sdos: EntityOp<SdoState>[],
  committees: EntityOp<CommitteeState>[],
  standards: EntityOp<StandardState>[],
): string[] {
  const found: string[] = [];
  let total = 0;
  const check = <T>(label: string, ops: EntityOp<T>[], existing: readonly { key: string; id: string; scope?: string }[], idOf: (op: EntityOp<T>) => string, scopeOf: (op: EntityOp<T>) => string | undefined) => {
    const created = ops.filter((o) => o.op === "create");
    if (!created.length || !existing.length) return;
    const bySkeleton = new Map<string, string>();
    for (const e of existing) bySkeleton.set(`${e.scope ?? ""}\u0000${identifierSkeleton(e.key)}`, e.key);
    for (const op of created) {
      const id = idOf(op);
      const match = bySkeleton.get(`${scopeOf(op) ?? ""}\u0000${identifierSkeleton(id)}`);
      if (match === undefined || match === id) continue;
      total++;
      if (found.length < SHOWN_LOOKALIKES) {
        found.push(`Line ${op.line}: the new ${label} "${printable(id)}" looks like the existing "${printable(match)}" but is a different identifier (${firstDifference(id, match)}). If they are the same, correct the file; otherwise a second ${label} will be created.`);
      }
    }
  };
  check("SDO", sdos, snapshot.sdos.map((s) => ({ key: s.acronym, id: s.id })), (o) => o.after.acronym, () => undefined);
  check("committee", committees, snapshot.committees.map((c) => ({ key: c.designation, id: c.id })), (o) => o.after.designation, () => undefined);
  // Standards are unique per SDO: compared within their SDO.
  check("standard", standards, snapshot.standards.map((s) => ({ key: s.designation, id: s.id, scope: s.sdoId })), (o) => o.after.designation, (o) => o.after.sdoId);
  if (total > found.length) found.push(`…and ${(total - found.length).toLocaleString("en-US")} more new identifiers that look like existing ones.`);
  return found;
}

/** Does committing the plan change anything? */
export function planHasChanges(plan: ImportPlan): boolean {
  return (
    plan.removals.length > 0 ||
    plan.sdos.some((o) => o.op !== "unchanged") ||
    plan.committees.some((o) => o.op !== "unchanged") ||
    plan.standards.some((o) => o.op !== "unchanged")
  );
}

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export function entityCounts(plan: ImportPlan): Record<EntityType, EntityCounts> {
  const count = (ops: { op: string }[], entity: EntityType): EntityCounts => ({
    created: ops.filter((o) => o.op === "create").length,
    updated: ops.filter((o) => o.op === "update").length,
    unchanged: ops.filter((o) => o.op === "unchanged").length,
    removed: plan.removals.filter((r) => r.entity === entity).length,
  });
  return { Sdo: count(plan.sdos, "Sdo"), Committee: count(plan.committees, "Committee"), Standard: count(plan.standards, "Standard") };
}
