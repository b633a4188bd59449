// Gap flags: where U.S. engagement is missing or fragile, each with one sentence a
// working-group lead can read, and a ranking of all of them.
import { addMonths, type IsoDate } from "./fiscal-year";
import { STAGE_PHRASE, type GroupMetrics, type Inventory, type StageName } from "./coverage-metrics";
import type { RecordsQuery } from "./records-query";

export type GapCode =
  | "NO_ENGAGEMENT"
  | "NO_LEADERSHIP"
  | "SINGLE_PARTICIPANT"
  | "SINGLE_AGENCY"
  | "STALE"
  | "DEVELOPMENT_STANDARD_UNCOVERED"
  | "NEEDED_CELL_UNCOVERED";

export const GAP_LABEL: Record<GapCode, string> = {
  NO_ENGAGEMENT: "No federal engagement",
  NO_LEADERSHIP: "No leadership position",
  SINGLE_PARTICIPANT: "Single participant",
  SINGLE_AGENCY: "Single agency",
  STALE: "Not confirmed lately",
  DEVELOPMENT_STANDARD_UNCOVERED: "Unstaffed standard in development",
  NEEDED_CELL_UNCOVERED: "Needed area not engaged",
};

export type SubjectKind = "coreArea" | "keyApplication" | "sdo" | "committee" | "coreAreaKeyApplication" | "coreAreaSdo" | "standard";

export const SUBJECT_LABEL: Record<SubjectKind, string> = {
  coreArea: "Core area",
  keyApplication: "Key application",
  sdo: "SDO",
  committee: "Committee",
  coreAreaKeyApplication: "Core area × key application",
  coreAreaSdo: "Core area × SDO",
  standard: "Standard",
};

export interface GapFlag {
  code: GapCode;
  reason: string;
}

export interface FlagContext {
  asOf: IsoDate;
  staleMonths: number;
  /** Acronym of the one agency the view is limited to; null for all agencies. */
  agencyAcronym: string | null;
  /** Agency id -> acronym, to name the single agency. */
  agencyAcronyms: ReadonlyMap<string, string>;
}

/** What is being judged. `inventory` null means the subject is itself something to engage in. */
export interface FlagSubject {
  kind: SubjectKind;
  /** How the subject reads inside a sentence ("Cryptographic Techniques in Cloud Computing"). */
  phrase: string;
  inventory: Inventory | null;
  /** Core area × key application cells that NISTIR 8074 rates as needing new standards. */
  maturityNeeded?: boolean;
}

// Shared formatters: building one per call is what makes toLocaleString/localeCompare slow.
const NUMBER = new Intl.NumberFormat("en-US");
export const LABEL_ORDER = new Intl.Collator("en");

function plural(n: number, one: string, many = `${one}s`): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

function inventoryPhrase(inventory: Inventory): string {
  const parts = [];
  if (inventory.committees > 0) parts.push(plural(inventory.committees, "committee"));
  if (inventory.standards > 0) parts.push(plural(inventory.standards, "standard"));
  return parts.join(" and ");
}

/** Who the view is about, in the words of the sentences. */
function voices(a: string | null) {
  return {
    nobody: a ? `no participant from ${a}` : "no federal participant",
    people: a ? `participants from ${a}` : "federal participants",
    onePerson: a ? `participant from ${a}` : "federal participant",
    presence: a ? `${a}'s presence` : "U.S. presence",
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The day before which a last activity counts as stale. */
export function staleCutoff(asOf: IsoDate, staleMonths: number): IsoDate {
  return addMonths(asOf, -staleMonths);
}

/** Flags for a core area, key application, SDO, committee or heatmap cell. */
export function flagSubject(subject: FlagSubject, m: GroupMetrics, ctx: FlagContext): GapFlag[] {
  const v = voices(ctx.agencyAcronym);
  const where = subject.phrase;
  if (m.engagements === 0) {
    if (subject.maturityNeeded) {
      return [
        {
          code: "NEEDED_CELL_UNCOVERED",
          reason: `NISTIR 8074 rates standards for ${where} as needed, and ${v.nobody} is engaged there.`,
        },
      ];
    }
    const relevant = subject.inventory === null || subject.inventory.committees + subject.inventory.standards > 0;
    if (!relevant) return [];
    const inv = subject.inventory;
    const although = inv ? `, although ${inventoryPhrase(inv)} ${inv.committees + inv.standards === 1 ? "works" : "work"} on it` : "";
    return [{ code: "NO_ENGAGEMENT", reason: `${capitalise(v.nobody)} is engaged in ${where}${although}.` }];
  }
  const flags: GapFlag[] = [];
  if (m.leadership === 0) {
    // One person is not "participants": say "the one federal participant holds".
    const who = m.participants === 1 ? `The one ${v.onePerson} holds` : `${capitalise(v.people)} hold`;
    flags.push({
      code: "NO_LEADERSHIP",
      reason: `${who} no leadership position in ${where} (${plural(m.engagements, "engagement")}, none as chair, convenor, editor or similar).`,
    });
  }
  if (m.participants === 1) {
    flags.push({
      code: "SINGLE_PARTICIPANT",
      reason: `Only one ${v.onePerson} is engaged in ${where}: if that person leaves, ${v.presence} ends.`,
    });
  } else if (m.agencies === 1 && ctx.agencyAcronym === null) {
    // A single participant implies a single agency; that case is already said above.
    const acronym = (m.soleAgencyId && ctx.agencyAcronyms.get(m.soleAgencyId)) || "one agency";
    flags.push({
      code: "SINGLE_AGENCY",
      reason: `All ${plural(m.participants, "federal participant")} engaged in ${where} come from a single agency, ${acronym}.`,
    });
  }
  if (m.lastActivity !== null && m.lastActivity < staleCutoff(ctx.asOf, ctx.staleMonths)) {
    flags.push({
      code: "STALE",
      reason: `No seat in ${where} was started, ended or confirmed still active since ${m.lastActivity} (more than ${plural(ctx.staleMonths, "month")} before ${ctx.asOf}): check that ${v.presence} is still real.`,
    });
  }
  return flags;
}

/** The flag of a standard still being written that nobody from the government works on. */
export function flagUncoveredStandard(
  standard: { designation: string; title: string; stage: StageName; sdoAcronym: string },
  agencyAcronym: string | null,
): GapFlag {
  const v = voices(agencyAcronym);
  const stage = STAGE_PHRASE[standard.stage];
  return {
    code: "DEVELOPMENT_STANDARD_UNCOVERED",
    reason: `${standard.designation} (${standard.title}) is ${stage} at ${standard.sdoAcronym} and ${v.nobody} works on it.`,
  };
}

// ---------------------------------------------------------------- ranking

export interface Gap {
  rank: number;
  code: GapCode;
  subject: { kind: SubjectKind; id: string; label: string };
  reason: string;
  /** Higher is worse; the ranking key. */
  severity: number;
  /** The records behind the gap (for a missing engagement: where to look, which is empty). */
  drill: RecordsQuery;
}

/** How bad each flag is, before weighing what it is about. */
export const FLAG_WEIGHT: Record<GapCode, number> = {
  NEEDED_CELL_UNCOVERED: 12,
  NO_ENGAGEMENT: 10,
  SINGLE_PARTICIPANT: 7,
  NO_LEADERSHIP: 5,
  SINGLE_AGENCY: 4,
  STALE: 3,
  DEVELOPMENT_STANDARD_UNCOVERED: 3,
};

/** Broad subjects matter more than narrow ones. */
export const SUBJECT_WEIGHT: Record<SubjectKind, number> = {
  coreArea: 5,
  keyApplication: 4,
  coreAreaKeyApplication: 3,
  sdo: 3,
  coreAreaSdo: 2,
  committee: 2,
  standard: 1,
};

export type UnrankedGap = Omit<Gap, "rank" | "severity">;

/** A cheap, stable tie-breaker: thousands of gaps make collation noticeable. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Worst first: by severity, then subject kind, then label; ranks start at 1. */
export function rankGaps(gaps: readonly UnrankedGap[]): Gap[] {
  const kindOrder = new Map((Object.keys(SUBJECT_WEIGHT) as SubjectKind[]).map((k, i) => [k, i]));
  const ranked: Gap[] = gaps.map((g) => ({ rank: 0, severity: FLAG_WEIGHT[g.code] * SUBJECT_WEIGHT[g.subject.kind], ...g }));
  ranked.sort(
    (a, b) =>
      b.severity - a.severity ||
      (kindOrder.get(a.subject.kind) ?? 0) - (kindOrder.get(b.subject.kind) ?? 0) ||
      byCodePoint(a.subject.label, b.subject.label) ||
      byCodePoint(a.code, b.code),
  );
  ranked.forEach((g, i) => (g.rank = i + 1));
  return ranked;
}
