// Plans synthetic demo data (participants, engagements, activities, extra standards) from
// the reference universe. Pure and deterministic: a seeded PRNG, `now` passed in, ids made
// here so the writer can insert in batches without reading anything back.
// The shape is deliberately uneven, like real participation: a few agencies carry most of
// the work, a couple of core areas and key applications are (almost) untouched, leaders
// are a minority, and about a quarter of the engagements have ended.
import { LEADERSHIP_ROLES as LEADERSHIP_ROLE_LIST } from "./participation/inputs";

export type EngagementRoleName =
  | "OBSERVER"
  | "MEMBER"
  | "DELEGATE"
  | "HEAD_OF_DELEGATION"
  | "EXPERT"
  | "EDITOR"
  | "CO_EDITOR"
  | "RAPPORTEUR"
  | "CONVENOR"
  | "CHAIR"
  | "VICE_CHAIR"
  | "SECRETARY"
  | "LIAISON";
export type DepthName = "OBSERVE" | "ATTEND" | "CONTRIBUTE" | "LEAD";
export type ActivityKindName =
  | "TRAINING"
  | "ADOPTION"
  | "INTERNATIONAL_EXCHANGE"
  | "PUBLIC_PRIVATE_COLLABORATION"
  | "INTERAGENCY_COORDINATION";
export type StageName = "PROPOSED" | "DEVELOPMENT" | "PUBLISHED" | "REVISION" | "WITHDRAWN";

/** What the planner needs to know about the reference data. */
export interface DemoUniverse {
  agencies: { id: string; acronym: string }[];
  coreAreas: { id: string; name: string }[];
  keyApplicationIds: string[];
  committees: { id: string; sdoId: string; designation: string; coreAreaIds: string[]; keyApplicationIds: string[] }[];
  standards: {
    id: string;
    sdoId: string;
    committeeId: string | null;
    designation: string;
    coreAreaIds: string[];
    keyApplicationIds: string[];
  }[];
}

export interface DemoOptions {
  seed: number;
  participants: number;
  engagements: number;
  activities: number;
  extraStandards: number;
  now: Date;
}

export const DEFAULT_DEMO_OPTIONS: Omit<DemoOptions, "now"> = {
  seed: 8074,
  participants: 400,
  engagements: 2500,
  activities: 300,
  extraStandards: 0,
};

/** Id prefix of every planned row: how demo rows are found again for a reset. */
export const DEMO_ID_PREFIX = "demo-";
/** Designation prefix of synthetic standards. */
export const SYNTHETIC_DESIGNATION_PREFIX = "SYN-";
/** First day of FY2016, the year after NISTIR 8074. */
export const DEMO_START_DATE = "2015-10-01";

export interface PlannedStandard {
  id: string;
  sdoId: string;
  committeeId: string;
  designation: string;
  title: string;
  stage: StageName;
  year: number;
  coreAreaIds: string[];
  keyApplicationIds: string[];
}

export interface PlannedParticipant {
  id: string;
  agencyId: string;
  name: string;
  email: string;
  active: boolean;
}

export interface PlannedEngagement {
  id: string;
  participantId: string;
  agencyId: string;
  committeeId: string | null;
  standardId: string | null;
  role: EngagementRoleName;
  depth: DepthName;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string | null;
}

export interface PlannedActivity {
  id: string;
  agencyId: string;
  kind: ActivityKindName;
  title: string;
  counterpart: string | null;
  startDate: string;
  endDate: string | null;
  participantId: string | null;
  sdoId: string | null;
  committeeId: string | null;
  standardId: string | null;
  attendees: number | null;
  /** Adoptions: the OMB A-119 category (by position, not drawn, so the rest of the plan is unchanged). */
  standardUse: "VOLUNTARY_NEW" | "VOLUNTARY_REPLACING_GOVERNMENT_UNIQUE" | "GOVERNMENT_UNIQUE" | null;
  governmentUniqueReason: string | null;
}

export interface DemoPlan {
  /** Core areas / key applications the plan keeps (nearly) free of engagements. */
  thinCoreAreaIds: string[];
  thinKeyApplicationIds: string[];
  standards: PlannedStandard[];
  participants: PlannedParticipant[];
  engagements: PlannedEngagement[];
  activities: PlannedActivity[];
}

// ---------------------------------------------------------------- randomness

export interface Rng {
  /** [0, 1) */
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast, good enough for synthetic data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance: (p) => next() < p,
  };
}

/** Weighted choice in O(log n) over a cumulative table; zero weights are never chosen. */
export class WeightedTable<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;

  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (!(weight > 0)) continue;
      this.total += weight;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
  }

  get size(): number {
    return this.items.length;
  }

  pick(rng: Rng): T {
    if (this.items.length === 0) throw new Error("weighted pick from an empty table");
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

// ---------------------------------------------------------------- fixed tables

/** Agencies that carry most standards work get large weights; unknown acronyms get 1. */
const AGENCY_WEIGHT: Record<string, number> = {
  NIST: 34,
  NSA: 12,
  DHS: 10,
  CISA: 8,
  DOD: 9,
  DISA: 4,
  Navy: 3,
  NIAP: 3,
  DOE: 3,
  DOS: 2,
  FBI: 1.5,
  FDA: 1.5,
  HHS: 1,
  ONC: 1,
  NTIA: 1,
  FCC: 1,
  GSA: 1,
  FAA: 0.8,
  NASA: 0.8,
  Treasury: 0.6,
  DOT: 0.5,
  DOC: 0.5,
  FEMA: 0.5,
  ODNI: 0.4,
  EAC: 0.3,
  ITA: 0.3,
  "S/CCI": 0.3,
  DOJ: 0.3,
  // Policy and oversight offices: no standards staff of their own in the demo.
  CFTC: 0,
  SBA: 0,
  EOP: 0,
  OMB: 0,
  ONCD: 0,
  NSC: 0,
};

const ROLE_WEIGHT: [EngagementRoleName, number][] = [
  ["MEMBER", 30],
  ["EXPERT", 20],
  ["DELEGATE", 14],
  ["OBSERVER", 12],
  ["LIAISON", 4],
  ["HEAD_OF_DELEGATION", 2.5],
  ["EDITOR", 5],
  ["CO_EDITOR", 3.5],
  ["RAPPORTEUR", 2],
  ["CONVENOR", 1.5],
  ["CHAIR", 1.5],
  ["VICE_CHAIR", 1.5],
  ["SECRETARY", 1],
];

/** The leadership roles of the participation rules, as a set. */
export const LEADERSHIP_ROLES: ReadonlySet<EngagementRoleName> = new Set(LEADERSHIP_ROLE_LIST);

/** Roles held on a committee (never on a single document). */
const COMMITTEE_ONLY_ROLES: ReadonlySet<EngagementRoleName> = new Set([
  "HEAD_OF_DELEGATION",
  "CONVENOR",
  "CHAIR",
  "VICE_CHAIR",
  "SECRETARY",
  "LIAISON",
]);
/** Roles held on a document. */
const STANDARD_ROLES: ReadonlySet<EngagementRoleName> = new Set(["EDITOR", "CO_EDITOR"]);

const ACTIVITY_KIND_WEIGHT: [ActivityKindName, number][] = [
  ["INTERAGENCY_COORDINATION", 32],
  ["TRAINING", 26],
  ["PUBLIC_PRIVATE_COLLABORATION", 20],
  ["ADOPTION", 14],
  ["INTERNATIONAL_EXCHANGE", 8],
];

const STAGE_WEIGHT: [StageName, number][] = [
  ["PUBLISHED", 60],
  ["DEVELOPMENT", 24],
  ["REVISION", 9],
  ["PROPOSED", 5],
  ["WITHDRAWN", 2],
];

const FIRST_NAMES = [
  "Alex", "Amara", "Ben", "Carla", "Chen", "Dana", "David", "Elena", "Farah", "Gabriel",
  "Grace", "Hiro", "Ines", "Jamal", "Jordan", "Kara", "Kenji", "Laura", "Luis", "Maya",
  "Mei", "Nadia", "Noah", "Omar", "Priya", "Quinn", "Rafael", "Rosa", "Sam", "Sara",
  "Tariq", "Tess", "Uma", "Victor", "Wen", "Yara", "Zoe", "Ravi", "Lena", "Marcus",
];
const LAST_NAMES = [
  "Abbott", "Alvarez", "Baker", "Banerjee", "Brooks", "Castillo", "Chang", "Coleman", "Diaz", "Dubois",
  "Ellis", "Fischer", "Foster", "Garcia", "Gupta", "Hale", "Hoang", "Ibrahim", "Jensen", "Kaplan",
  "Kim", "Lambert", "Lopez", "Mahoney", "Martin", "Morales", "Nakamura", "Novak", "Okafor", "Olsen",
  "Patel", "Quinlan", "Reyes", "Rossi", "Schmidt", "Shah", "Silva", "Tanaka", "Turner", "Vance",
  "Walsh", "Weber", "Whitfield", "Yamada", "Young", "Zhang", "Price", "Ortiz", "Levin", "Murphy",
];

const TRAINING_TITLES = [
  "Standards development fundamentals course",
  "Drafting rules and comment resolution workshop",
  "Ballot procedures for U.S. delegates",
  "Introduction to international cybersecurity standardization",
  "Editor training: managing a work item",
  "Conformity assessment basics for program staff",
];
const EXCHANGE_COUNTERPARTS = [
  "BSI (United Kingdom)",
  "DIN (Germany)",
  "JISC (Japan)",
  "SCC (Canada)",
  "Standards Australia",
  "KATS (Republic of Korea)",
  "AFNOR (France)",
  "ENISA (European Union)",
];
const PARTNER_COUNTERPARTS = [
  "INCITS CS1 members",
  "U.S. TAG to ISO/IEC JTC 1",
  "Industry consortium working group",
  "University research consortium",
  "Sector coordinating council",
  "Professional society chapter",
];

// ---------------------------------------------------------------- helpers

const DAY_MS = 86_400_000;

function toDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dayOf(text: string): number {
  return Math.floor(Date.parse(`${text}T00:00:00Z`) / DAY_MS);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Start dates grow denser towards the present (participation ramps up after 2015). */
function startDay(rng: Rng, first: number, last: number): number {
  const u = Math.sqrt(rng.next());
  return Math.min(last, first + Math.floor(u * (last - first + 1)));
}

function depthFor(role: EngagementRoleName, rng: Rng): DepthName {
  if (LEADERSHIP_ROLES.has(role)) return "LEAD";
  if (role === "OBSERVER") return "OBSERVE";
  if (role === "EXPERT") return rng.chance(0.85) ? "CONTRIBUTE" : "ATTEND";
  return rng.chance(0.55) ? "ATTEND" : "CONTRIBUTE";
}

function emailLocal(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

function chooseSome<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    const index = Math.floor(rng.next() * pool.length);
    out.push(pool.splice(index, 1)[0] as T);
  }
  return out;
}

// ---------------------------------------------------------------- planner

type Target = { committeeId: string | null; standardId: string | null; sdoId: string };

export function planDemoData(universe: DemoUniverse, options: DemoOptions): DemoPlan {
  const rng = createRng(options.seed);
  const today = toDay(options.now);
  const firstDay = dayOf(DEMO_START_DATE);
  if (today < firstDay) throw new Error(`now must be on or after ${DEMO_START_DATE}`);
  if (universe.committees.length === 0) throw new Error("no committees: seed the reference data first");
  const nowYear = options.now.getUTCFullYear();

  // Two core areas untouched, one nearly so; one key application untouched, one nearly so.
  const thinCore = chooseSome(rng, universe.coreAreas.map((c) => c.id), 3);
  const thinApps = chooseSome(rng, universe.keyApplicationIds, 2);
  const areaFactor = new Map<string, number>();
  thinCore.forEach((id, i) => areaFactor.set(id, i < 2 ? 0 : 0.04));
  thinApps.forEach((id, i) => areaFactor.set(id, i < 1 ? 0 : 0.04));
  const factorOf = (ids: string[]) => ids.reduce((w, id) => w * (areaFactor.get(id) ?? 1), 1);

  // Synthetic standards spread over all committees, inheriting some of the committee's areas.
  const coreName = new Map(universe.coreAreas.map((c) => [c.id, c.name]));
  const standards: PlannedStandard[] = [];
  const stageTable = new WeightedTable(STAGE_WEIGHT);
  for (let i = 1; i <= options.extraStandards; i++) {
    const committee = rng.pick(universe.committees);
    const coreAreaIds = committee.coreAreaIds.length ? chooseSome(rng, committee.coreAreaIds, rng.int(1, 2)) : [];
    const keyApplicationIds = committee.keyApplicationIds.length ? chooseSome(rng, committee.keyApplicationIds, 1) : [];
    const code = coreAreaIds[0]?.replace(/^CA-/, "") ?? "GEN";
    const area = coreAreaIds[0] ? coreName.get(coreAreaIds[0]) : undefined;
    standards.push({
      id: `${DEMO_ID_PREFIX}s-${pad(i, 6)}`,
      sdoId: committee.sdoId,
      committeeId: committee.id,
      designation: `${SYNTHETIC_DESIGNATION_PREFIX}${code}-${pad(i, 5)}`,
      title: `Synthetic ${area ?? committee.designation} specification no. ${i}`,
      stage: stageTable.pick(rng),
      year: rng.int(2005, nowYear),
      coreAreaIds,
      keyApplicationIds,
    });
  }

  // Engagement targets: committees and standards, weighted down by thin areas.
  // Committees weigh more than single documents; popular committees (more areas) a bit more.
  const committeeById = new Map(universe.committees.map((c) => [c.id, c]));
  const committeeTargets: [Target, number][] = universe.committees.map((c) => [
    { committeeId: c.id, standardId: null, sdoId: c.sdoId },
    (4 + c.coreAreaIds.length) * factorOf([...c.coreAreaIds, ...c.keyApplicationIds]) * (0.3 + rng.next()),
  ]);
  const allStandards = [...universe.standards, ...standards];
  const designationOf = new Map(allStandards.map((s) => [s.id, s.designation]));
  const standardTargets: [Target, number][] = allStandards.map((s) => {
    // A standard inherits its committee's thinness too, so a thin area stays thin either way.
    const committee = s.committeeId ? committeeById.get(s.committeeId) : undefined;
    const ids = [...s.coreAreaIds, ...s.keyApplicationIds, ...(committee ? [...committee.coreAreaIds, ...committee.keyApplicationIds] : [])];
    return [{ committeeId: s.committeeId, standardId: s.id, sdoId: s.sdoId }, factorOf(ids) * (0.2 + rng.next())];
  });
  const committeeTable = new WeightedTable(committeeTargets);
  const standardTable = new WeightedTable(standardTargets);
  if (committeeTable.size === 0) throw new Error("every committee is in a thin area; nothing to engage in");

  // Participants: uneven over agencies; per-person activity is heavy-tailed.
  const agencyTable = new WeightedTable(universe.agencies.map((a) => [a, AGENCY_WEIGHT[a.acronym] ?? 1] as const));
  const emailCount = new Map<string, number>();
  const participants: PlannedParticipant[] = [];
  const activityWeight: number[] = [];
  for (let i = 1; i <= options.participants; i++) {
    const agency = agencyTable.pick(rng);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const domain = emailLocal(agency.acronym);
    const base = `${emailLocal(first)}.${emailLocal(last)}`;
    const n = (emailCount.get(`${domain}|${base}`) ?? 0) + 1;
    emailCount.set(`${domain}|${base}`, n);
    participants.push({
      id: `${DEMO_ID_PREFIX}p-${pad(i, 6)}`,
      agencyId: agency.id,
      name: `${first} ${last}`,
      email: `${base}.${n}@${domain}.example.gov`,
      active: !rng.chance(0.04),
    });
    activityWeight.push(Math.exp(rng.next() * 3)); // 1..20x
  }
  const participantTable = new WeightedTable(participants.map((p, i) => [p, activityWeight[i] as number] as const));
  const roleTable = new WeightedTable(ROLE_WEIGHT);

  const engagements: PlannedEngagement[] = [];
  const activeKeys = new Set<string>();
  const endDay = (start: number) => Math.min(today, start + rng.int(60, 1800));
  for (let i = 1; i <= options.engagements && participants.length > 0; i++) {
    const participant = participantTable.pick(rng);
    let role = roleTable.pick(rng);
    let target: Target = committeeTable.pick(rng);
    let ended = !participant.active || rng.chance(0.22);
    // Retry a few times when an active seat would duplicate one the person already holds.
    for (let attempt = 0; attempt < 8; attempt++) {
      const onStandard =
        !COMMITTEE_ONLY_ROLES.has(role) && standardTable.size > 0 && (STANDARD_ROLES.has(role) || rng.chance(0.3));
      target = onStandard ? standardTable.pick(rng) : committeeTable.pick(rng);
      const key = `${participant.id}|${target.committeeId ?? ""}|${target.standardId ?? ""}|${role}`;
      if (ended || !activeKeys.has(key)) {
        if (!ended) activeKeys.add(key);
        break;
      }
      if (attempt === 7) ended = true; // a past, closed seat never collides
      else role = roleTable.pick(rng);
    }
    const start = startDay(rng, firstDay, today);
    engagements.push({
      id: `${DEMO_ID_PREFIX}e-${pad(i, 7)}`,
      participantId: participant.id,
      agencyId: participant.agencyId,
      committeeId: target.committeeId,
      standardId: target.standardId,
      role,
      depth: depthFor(role, rng),
      startDate: dayString(start),
      endDate: ended ? dayString(endDay(start)) : null,
    });
  }

  // Activities: uneven over kinds and agencies, linked where the kind calls for it.
  const kindTable = new WeightedTable(ACTIVITY_KIND_WEIGHT);
  const byAgency = new Map<string, PlannedParticipant[]>();
  for (const p of participants) {
    const list = byAgency.get(p.agencyId);
    if (list) list.push(p);
    else byAgency.set(p.agencyId, [p]);
  }
  const activeAgencies = universe.agencies.filter((a) => byAgency.has(a.id));
  const activityAgencyTable = new WeightedTable(
    activeAgencies.map((a) => [a, AGENCY_WEIGHT[a.acronym] ?? 1] as const),
  );
  const activities: PlannedActivity[] = [];
  for (let i = 1; i <= options.activities && activityAgencyTable.size > 0; i++) {
    const agency = activityAgencyTable.pick(rng);
    const staff = byAgency.get(agency.id) ?? [];
    const kind = kindTable.pick(rng);
    const start = startDay(rng, firstDay, today);
    const base = {
      id: `${DEMO_ID_PREFIX}a-${pad(i, 6)}`,
      agencyId: agency.id,
      kind,
      startDate: dayString(start),
      participantId: staff.length && rng.chance(0.6) ? rng.pick(staff).id : null,
      counterpart: null as string | null,
      endDate: null as string | null,
      sdoId: null as string | null,
      committeeId: null as string | null,
      standardId: null as string | null,
      attendees: null as number | null,
      standardUse: null as PlannedActivity["standardUse"],
      governmentUniqueReason: null as string | null,
    };
    let title: string;
    switch (kind) {
      case "TRAINING": {
        title = rng.pick(TRAINING_TITLES);
        base.attendees = rng.int(4, 120);
        base.endDate = dayString(Math.min(today, start + rng.int(0, 2)));
        break;
      }
      case "ADOPTION": {
        const std = standardTable.size ? standardTable.pick(rng) : committeeTable.pick(rng);
        const designation = std.standardId ? designationOf.get(std.standardId) : undefined;
        title = `Adopted ${designation ?? "an international standard"} in ${agency.acronym} ${rng.pick(["procurement", "policy", "system requirements", "guidance"])}`;
        base.standardId = std.standardId;
        base.committeeId = std.committeeId;
        base.sdoId = std.sdoId;
        // 7 in 10 new voluntary uses, 2 replacements of government-unique standards, 1 government-unique.
        base.standardUse = i % 10 < 7 ? "VOLUNTARY_NEW" : i % 10 < 9 ? "VOLUNTARY_REPLACING_GOVERNMENT_UNIQUE" : "GOVERNMENT_UNIQUE";
        if (base.standardUse === "GOVERNMENT_UNIQUE") base.governmentUniqueReason = "No voluntary consensus standard met the agency's classified-systems requirements.";
        break;
      }
      case "INTERNATIONAL_EXCHANGE": {
        base.counterpart = rng.pick(EXCHANGE_COUNTERPARTS);
        title = `Bilateral standards exchange with ${base.counterpart}`;
        base.endDate = dayString(Math.min(today, start + rng.int(0, 4)));
        break;
      }
      case "PUBLIC_PRIVATE_COLLABORATION": {
        const c = committeeTable.pick(rng);
        base.counterpart = rng.pick(PARTNER_COUNTERPARTS);
        base.committeeId = c.committeeId;
        base.sdoId = c.sdoId;
        const designation = (c.committeeId && committeeById.get(c.committeeId)?.designation) || "committee";
        title = `Joint position on ${designation} work with ${base.counterpart}`;
        break;
      }
      case "INTERAGENCY_COORDINATION": {
        const other = activityAgencyTable.pick(rng);
        base.counterpart = other.id === agency.id ? "IICS WG" : other.acronym;
        title = `Coordinated U.S. position with ${base.counterpart} ahead of SDO meeting`;
        break;
      }
    }
    activities.push({ ...base, title });
  }

  return { thinCoreAreaIds: thinCore, thinKeyApplicationIds: thinApps, standards, participants, engagements, activities };
}
