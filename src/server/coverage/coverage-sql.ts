// The coverage engine's SQL: every aggregate the gap report needs, computed in the
// database in a handful of statements over indexed columns (definitions in
// src/domain/coverage-metrics.ts, which computes the same numbers from rows for tests).
// Not "server-only": the benchmark (bench/) and the integration tests run it directly.
//
// Two round trips per report: the context (reference rows, settings, indicators,
// inventory, activity counts) as one JSON value, then the main statement.
// How the main statement stays cheap at 100k engagements:
// - the engagements of the period are read once (CTE `e`) with their committee, SDO,
//   depth, leadership flag and last-activity day resolved; participants, agencies,
//   committees, SDOs, core areas and key applications become small integers, so sorts
//   and DISTINCT counts compare integers, not text;
// - core areas and key applications are attached with one join each (committee links,
//   plus standard links the committee does not already give);
// - committees with sub-groups are also counted "including sub-groups": the engagements of
//   the committees below them join through `up` (each committee with each one above it,
//   a few hundred rows), only for the engagements that have a committee above them;
// - each dimension is one sort-based aggregation; GROUPING SETS give the coarser level
//   (core area from core area × SDO, SDO from SDO × committee) from the same sort; distinct
//   agencies are counted with bitmasks (agencyCount); the totals take their distinct
//   counts from one row per participant and share a pass with the AREA_ENGAGEMENT counts.
// The inventory counts (reference data only) are reused while InventoryVersion's token,
// which triggers renew on every inventory write, is unchanged.
import { Prisma } from "@/generated/prisma/client";
import {
  ACTIVITY_KINDS,
  DEPTHS,
  DEVELOPMENT_STAGES,
  STAGES,
  cellKey,
  emptyActivityCounts,
  emptyMetrics,
  emptyStageCounts,
  type ActivityCounts,
  type ActivityKindName,
  type CoverageAggregates,
  type CoverageInventory,
  type GroupMetrics,
  type StageName,
} from "@/domain/coverage-metrics";
import { LEADERSHIP_ROLES } from "@/domain/demo-data";
import type { IsoDate } from "@/domain/fiscal-year";
import type { IndicatorDefinition } from "@/domain/coverage-indicators";
import { DEFAULT_SETTINGS, type CoverageSettingsValues, type ReportReference, type UnengagedStandard } from "@/domain/coverage-report";

/** Anything that runs raw SQL: the Prisma client or an interactive transaction. */
export type SqlClient = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRawUnsafe">;

export interface CoverageSqlScope {
  start: IsoDate;
  end: IsoDate;
  asOf: IsoDate;
  agencyId: string | null;
  sdoId: string | null;
}

/** An AREA_ENGAGEMENT indicator to count in the main statement. */
export interface AreaCount {
  key: string;
  coreAreaIds: readonly string[];
  committeeIds: readonly string[];
}

/**
 * Session settings for the report's transaction (SET LOCAL: they end with it). JIT
 * compilation costs more than it saves on these one-off aggregations (~0.7 s at 100k
 * engagements on PostgreSQL 15), and the sorts fit in memory with 64 MB.
 */
export async function tuneReportTransaction(tx: SqlClient): Promise<void> {
  await tx.$executeRawUnsafe("SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)");
}

const identifier = /^[A-Z_]+$/;
/** Enum constants from our own code, inlined as SQL literals. */
function enumList(values: Iterable<string>): Prisma.Sql {
  const list = [...values];
  if (!list.every((v) => identifier.test(v))) throw new Error("enum values must be upper-case identifiers");
  return Prisma.raw(list.map((v) => `'${v}'`).join(", "));
}

const LEADERSHIP_SQL = enumList(LEADERSHIP_ROLES);
/** An engagement's (alias e) depth as 1..4 (column d) and whether its role leads (column ld). */
const DEPTH_AND_LEADERSHIP = Prisma.sql`(CASE e.depth WHEN 'OBSERVE' THEN 1 WHEN 'ATTEND' THEN 2 WHEN 'CONTRIBUTE' THEN 3 ELSE 4 END)::int2 AS d,
    (e.role IN (${LEADERSHIP_SQL})) AS ld`;

interface AggregateRow {
  kind: string;
  k1: string | null;
  k2: string | null;
  n: number;
  np: number;
  na: number;
  amin: number | null;
  ld: number;
  d1: number;
  d2: number;
  d3: number;
  d4: number;
  last: string | null;
  /** Standards in development without an engagement, as JSON DevTuple[] (kind "dev"). */
  t1: string | null;
  /** AREA_ENGAGEMENT counts, in the order of the `areas` argument (kind "total"). */
  areas: number[] | null;
}

type DevTuple = [id: string, stage: StageName, designation: string, title: string, sdoId: string, committeeId: string | null];

/**
 * Distinct agencies in a group. Agencies are numbered 1..n; up to 64 of them fit in two
 * 32-bit masks whose set bits are counted, which spares a sort per group. 32-bit, not one
 * 64-bit mask: PGlite is a 32-bit build where 64-bit integers are passed by reference
 * (allocated), which made a 64-bit mask slower there than DISTINCT. Beyond 64 agencies,
 * the plain DISTINCT count (see SQL_AGENCY_BITMASK).
 */
function agencyCount(bitmask: boolean): Prisma.Sql {
  if (!bitmask) return Prisma.sql`count(DISTINCT a)::int`;
  const bits = (first: number) =>
    Prisma.raw(`coalesce(bit_count(bit_or(CASE WHEN a BETWEEN ${first} AND ${first + 31} THEN 1 << (a - ${first}) END)::bit(32)), 0)`);
  return Prisma.sql`(${bits(1)} + ${bits(33)})::int`;
}

/** True when the committees with sub-groups fit the 31 bits of a mask (cmap.um, ep.um). */
const SQL_TREE_MASKS = Prisma.sql`((SELECT count(*) FROM ancs) <= 31)`;

/** True when agencies can be counted with the bitmasks of agencyCount: at most 64 of them. */
const SQL_AGENCY_BITMASK = Prisma.sql`((SELECT count(*) FROM "Agency") <= 64)`;

function aggregates(agencyBitmask: boolean): Prisma.Sql {
  return Prisma.sql`
  count(*)::int AS n, count(DISTINCT p)::int AS np, ${agencyCount(agencyBitmask)} AS na, min(a) AS amin,
  count(*) FILTER (WHERE ld)::int AS ld,
  count(*) FILTER (WHERE d = 1)::int AS d1, count(*) FILTER (WHERE d = 2)::int AS d2,
  count(*) FILTER (WHERE d = 3)::int AS d3, count(*) FILTER (WHERE d = 4)::int AS d4,
  max(last)::text AS last`;
}

/** np, na, amin, ld, d1..d4, last for rows that are not engagement aggregates. */
const NO_METRICS = Prisma.sql`0, 0, NULL, 0, 0, 0, 0, 0, NULL`;

function areaCounts(areas: readonly AreaCount[]): Prisma.Sql {
  if (areas.length === 0) return Prisma.sql`NULL::int[]`;
  const counts = areas.map(
    (area) => Prisma.sql`(count(*) FILTER (WHERE e.c IN (SELECT n FROM cmap WHERE id = ANY(${[...area.committeeIds]}::text[]))
      OR e.eo IN (SELECT cid FROM cac WHERE ca IN (SELECT n FROM camap WHERE id = ANY(${[...area.coreAreaIds]}::text[])))
      OR e.es IN (SELECT "standardId" FROM "StandardCoreArea" WHERE "coreAreaId" = ANY(${[...area.coreAreaIds]}::text[]))))::int`,
  );
  return Prisma.sql`ARRAY[${Prisma.join(counts)}]`;
}

/**
 * The columns of one engagement row in the main statement: `ownCommittee` is the number of
 * the engagement's own committee (NULL when it is on a standard only), whose core-area and
 * key-application links apply; `c` is that committee or the standard's; `sdo` is how its
 * SDO is found.
 */
function engagementColumns(scope: CoverageSqlScope, ownCommittee: Prisma.Sql, sdo: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`pm.n AS p, pm.an AS a, ${ownCommittee} AS eo, e."standardId" AS es, cm.n AS c, ${sdo} AS sdo,
    COALESCE(cm.um, 0) AS um, ${DEPTH_AND_LEADERSHIP},
    GREATEST(CASE WHEN e."startDate" <= ${scope.asOf}::date THEN e."startDate" END,
             CASE WHEN e."endDate" <= ${scope.asOf}::date THEN e."endDate" END,
             CASE WHEN e."lastConfirmedOn" <= ${scope.asOf}::date THEN e."lastConfirmedOn" END) AS last`;
}

/**
 * One statement for every engagement aggregate, the standards engaged at each stage (and
 * those in development without anyone) and the AREA_ENGAGEMENT counts. Committees, SDOs,
 * core areas and key applications are numbered in small maps so that sorting and grouping
 * compare integers; ids are put back on the few result rows.
 */
function mainStatement(scope: CoverageSqlScope, areas: readonly AreaCount[], agencyBitmask: boolean): Prisma.Sql {
  const agency = scope.agencyId ? Prisma.sql`AND e."agencyId" = ${scope.agencyId}` : Prisma.empty;
  const sdoOf = (column: Prisma.Sql) => (scope.sdoId ? Prisma.sql`AND ${column} = (SELECT n FROM smap WHERE id = ${scope.sdoId})` : Prisma.empty);
  const period = Prisma.sql`e."startDate" <= ${scope.end}::date AND (e."endDate" IS NULL OR e."endDate" >= ${scope.start}::date)`;
  const standardSdo = scope.sdoId ? Prisma.sql`WHERE s."sdoId" = ${scope.sdoId}` : Prisma.empty;
  const metrics = aggregates(agencyBitmask);
  return Prisma.sql`
WITH pm AS MATERIALIZED (
  SELECT id, (row_number() OVER ())::int AS n, (dense_rank() OVER (ORDER BY "agencyId"))::int AS an, "agencyId"
  FROM "Participant"
), smap AS MATERIALIZED (
  SELECT id, (row_number() OVER ())::int AS n FROM "Sdo"
), cmap0 AS MATERIALIZED (
  SELECT c.id, (row_number() OVER ())::int AS n, s.n AS sdo, c."parentId" FROM "Committee" c JOIN smap s ON s.id = c."sdoId"
), up AS MATERIALIZED (
  -- Every committee with each committee above it (the committee tree is a few levels deep).
  WITH RECURSIVE r(cid, anc, pid) AS (
    SELECT c.n, p.n, p."parentId" FROM cmap0 c JOIN cmap0 p ON p.id = c."parentId"
    UNION
    SELECT r.cid, p.n, p."parentId" FROM r JOIN cmap0 p ON p.id = r.pid
  )
  SELECT cid, anc FROM r
), ancs AS MATERIALIZED (
  -- Committees with sub-groups, numbered 0..k-1: bit i of a mask stands for the i-th.
  SELECT anc AS n, (row_number() OVER (ORDER BY anc))::int - 1 AS bit FROM (SELECT DISTINCT anc FROM up) x
), cmap AS MATERIALIZED (
  -- um: the committee and those above it that have sub-groups, as a mask (SQL_TREE_MASKS).
  SELECT c.id, c.n, c.sdo,
    COALESCE((SELECT bit_or(1 << a.bit) FROM ancs a WHERE a.n = c.n OR a.n IN (SELECT u.anc FROM up u WHERE u.cid = c.n)), 0) AS um
  FROM cmap0 c
), camap AS MATERIALIZED (
  SELECT id, (row_number() OVER ())::int AS n FROM "CoreArea"
), kamap AS MATERIALIZED (
  SELECT id, (row_number() OVER ())::int AS n FROM "KeyApplication"
), cac AS MATERIALIZED (
  SELECT c.n AS cid, m.n AS ca FROM "CoreAreaCommittee" l JOIN cmap c ON c.id = l."committeeId" JOIN camap m ON m.id = l."coreAreaId"
), kac AS MATERIALIZED (
  SELECT c.n AS cid, m.n AS ka FROM "KeyApplicationCommittee" l JOIN cmap c ON c.id = l."committeeId" JOIN kamap m ON m.id = l."keyApplicationId"
), e AS MATERIALIZED (
  -- Engagements in a committee of their own (nearly all of them)...
  SELECT ${engagementColumns(scope, Prisma.sql`cm.n`, Prisma.sql`cm.sdo`)}
  FROM "Engagement" e
  JOIN pm ON pm.id = e."participantId"
  JOIN cmap cm ON cm.id = e."committeeId"
  WHERE ${period} ${agency} ${sdoOf(Prisma.sql`cm.sdo`)}
  UNION ALL
  -- ...and on a standard only: its committee, else its own SDO (found through an index).
  SELECT ${engagementColumns(scope, Prisma.sql`NULL::int`, Prisma.sql`COALESCE(cm.sdo, ss.n)`)}
  FROM "Engagement" e
  JOIN pm ON pm.id = e."participantId"
  JOIN "Standard" s ON s.id = e."standardId"
  LEFT JOIN cmap cm ON cm.id = s."committeeId"
  LEFT JOIN smap ss ON ss.id = s."sdoId"
  WHERE e."committeeId" IS NULL AND ${period} ${agency} ${sdoOf(Prisma.sql`COALESCE(cm.sdo, ss.n)`)}
), eca AS (
  SELECT e.p, e.a, e.sdo, e.d, e.ld, e.last, l.ca
  FROM e JOIN cac l ON l.cid = e.eo
  UNION ALL
  SELECT e.p, e.a, e.sdo, e.d, e.ld, e.last, m.n
  FROM e JOIN "StandardCoreArea" l ON l."standardId" = e.es JOIN camap m ON m.id = l."coreAreaId"
  WHERE NOT EXISTS (SELECT 1 FROM cac x WHERE x.cid = e.eo AND x.ca = m.n)
), eka AS MATERIALIZED (
  SELECT e.p, e.a, e.d, e.ld, e.last, e.eo, e.es, l.ka
  FROM e JOIN kac l ON l.cid = e.eo
  UNION ALL
  SELECT e.p, e.a, e.d, e.ld, e.last, e.eo, e.es, m.n
  FROM e JOIN "StandardKeyApplication" l ON l."standardId" = e.es JOIN kamap m ON m.id = l."keyApplicationId"
  WHERE NOT EXISTS (SELECT 1 FROM kac x WHERE x.cid = e.eo AND x.ka = m.n)
), ecaka AS (
  SELECT x.p, x.a, x.d, x.ld, x.last, l.ca, x.ka
  FROM eka x JOIN cac l ON l.cid = x.eo
  UNION ALL
  SELECT x.p, x.a, x.d, x.ld, x.last, m.n, x.ka
  FROM eka x JOIN "StandardCoreArea" l ON l."standardId" = x.es JOIN camap m ON m.id = l."coreAreaId"
  WHERE NOT EXISTS (SELECT 1 FROM cac z WHERE z.cid = x.eo AND z.ca = m.n)
), ep AS MATERIALIZED (
  -- One row per participant (a hash aggregation: cheaper than DISTINCT, which sorts), with
  -- the committees with sub-groups they sit in, themselves or below (mask um).
  SELECT p, min(a) AS a, bit_or(um) AS um FROM e GROUP BY p
), st AS MATERIALIZED (
  SELECT s.id, s.stage, (g.es IS NOT NULL) AS engaged
  FROM "Standard" s LEFT JOIN (SELECT DISTINCT es FROM e WHERE es IS NOT NULL) g ON g.es = s.id
  ${standardSdo}
), agg AS (
  SELECT CASE WHEN GROUPING(sdo) = 1 THEN 'ca' ELSE 'casdo' END AS kind, ca AS k1, sdo AS k2, ${metrics}
  FROM eca GROUP BY GROUPING SETS ((ca), (ca, sdo))
  UNION ALL
  SELECT 'ka', ka, NULL, ${metrics} FROM eka GROUP BY ka
  UNION ALL
  SELECT 'caka', ca, ka, ${metrics} FROM ecaka GROUP BY ca, ka
  UNION ALL
  SELECT CASE WHEN GROUPING(c) = 1 THEN 'sdo' ELSE 'com' END, CASE WHEN GROUPING(c) = 1 THEN sdo ELSE c END, NULL, ${metrics}
  FROM e GROUP BY GROUPING SETS ((sdo), (sdo, c)) HAVING GROUPING(c) = 1 OR c IS NOT NULL
  UNION ALL
  -- Committees with sub-groups, including them: only their distinct people and agencies
  -- are counted here; the sums are those of the committees' own rows, added up over the
  -- tree. Up to 31 such committees: from the participants' masks (ep, 5,000 rows, no pass
  -- over the engagements); beyond, one row per committee above and participant.
  SELECT 'comt', ancs.n, NULL, 0, count(*)::int, ${agencyCount(agencyBitmask)}, min(ep.a), 0, 0, 0, 0, 0, NULL::text
  FROM ancs JOIN ep ON ep.um & (1 << ancs.bit) <> 0
  WHERE ${SQL_TREE_MASKS}
  GROUP BY ancs.n
  UNION ALL
  SELECT 'comt', anc, NULL, 0, count(*)::int, ${agencyCount(agencyBitmask)}, min(a), 0, 0, 0, 0, 0, NULL::text
  FROM (
    SELECT anc, p, min(a) AS a
    FROM (
      SELECT e.c AS anc, e.p, e.a FROM e WHERE e.c IN (SELECT anc FROM up)
      UNION ALL
      SELECT u.anc, e.p, e.a FROM e JOIN up u ON u.cid = e.c
    ) t GROUP BY anc, p
  ) x
  WHERE NOT ${SQL_TREE_MASKS}
  GROUP BY anc
)
SELECT agg.kind,
  CASE WHEN agg.kind IN ('ca', 'casdo', 'caka') THEN ca.id WHEN agg.kind = 'ka' THEN ka.id WHEN agg.kind = 'sdo' THEN s1.id ELSE co.id END AS k1,
  CASE WHEN agg.kind = 'casdo' THEN s2.id WHEN agg.kind = 'caka' THEN ka2.id END AS k2,
  agg.n, agg.np, agg.na, agg.amin, agg.ld, agg.d1, agg.d2, agg.d3, agg.d4, agg.last, NULL AS t1, NULL::int[] AS areas
FROM agg
LEFT JOIN camap ca ON agg.kind IN ('ca', 'casdo', 'caka') AND ca.n = agg.k1
LEFT JOIN kamap ka ON agg.kind = 'ka' AND ka.n = agg.k1
LEFT JOIN smap s1 ON agg.kind = 'sdo' AND s1.n = agg.k1
LEFT JOIN cmap co ON agg.kind IN ('com', 'comt') AND co.n = agg.k1
LEFT JOIN smap s2 ON agg.kind = 'casdo' AND s2.n = agg.k2
LEFT JOIN kamap ka2 ON agg.kind = 'caka' AND ka2.n = agg.k2
UNION ALL
-- Totals (sums add up over SDOs: each engagement has exactly one; participants and
-- agencies from ep, one row per participant) and the area counts.
SELECT 'total', NULL, NULL, 0, (SELECT count(*) FROM ep)::int, (SELECT ${agencyCount(agencyBitmask)} FROM ep), (SELECT min(a) FROM ep),
  0, 0, 0, 0, 0, NULL, NULL, ${areaCounts(areas)}
FROM e
UNION ALL
SELECT 'stage', stage::text, NULL, count(*)::int, (count(*) FILTER (WHERE engaged))::int, 0, NULL, 0, 0, 0, 0, 0, NULL, NULL, NULL
FROM st GROUP BY stage
UNION ALL
-- One JSON value instead of a row per standard: thousands of rows cost more to ship.
SELECT 'dev', NULL, NULL, count(*)::int, ${NO_METRICS},
  coalesce(json_agg(json_build_array(s.id, s.stage, s.designation, s.title, s."sdoId", s."committeeId")), '[]')::text, NULL
FROM st JOIN "Standard" s ON s.id = st.id
WHERE NOT st.engaged AND st.stage IN (${enumList(DEVELOPMENT_STAGES)})
UNION ALL
SELECT 'agency', "agencyId", NULL, min(an), ${NO_METRICS}, NULL, NULL FROM pm GROUP BY "agencyId"
UNION ALL
-- The committee tree (committee, one above it) as one JSON value: a few hundred pairs.
SELECT 'tree', NULL, NULL, count(*)::int, ${NO_METRICS}, coalesce(json_agg(json_build_array(c1.id, c2.id)), '[]')::text, NULL
FROM up JOIN cmap c1 ON c1.n = up.cid JOIN cmap c2 ON c2.n = up.anc`;
}

function toMetrics(row: AggregateRow, agencyOf: ReadonlyMap<number, string>): GroupMetrics {
  return {
    engagements: row.n,
    participants: row.np,
    agencies: row.na,
    soleAgencyId: row.na === 1 && row.amin !== null ? (agencyOf.get(row.amin) ?? null) : null,
    leadership: row.ld,
    depth: { OBSERVE: row.d1, ATTEND: row.d2, CONTRIBUTE: row.d3, LEAD: row.d4 },
    lastActivity: row.last,
  };
}

/** Sums over the SDO rows (every engagement has exactly one SDO); distinct counts from `row`. */
function totalOf(sdoRows: GroupMetrics[], row: AggregateRow | undefined, agencyOf: ReadonlyMap<number, string>): GroupMetrics {
  const total = emptyMetrics();
  for (const m of sdoRows) {
    total.engagements += m.engagements;
    total.leadership += m.leadership;
    for (const d of DEPTHS) total.depth[d] += m.depth[d];
    if (m.lastActivity !== null && (total.lastActivity === null || m.lastActivity > total.lastActivity)) total.lastActivity = m.lastActivity;
  }
  if (row) {
    total.participants = row.np;
    total.agencies = row.na;
    total.soleAgencyId = row.na === 1 && row.amin !== null ? (agencyOf.get(row.amin) ?? null) : null;
  }
  return total;
}

/**
 * Committees "including sub-groups": the sums of their own row and those of every
 * committee below them, with the distinct people and agencies counted in SQL (rows).
 * A committee without sub-groups is its own row.
 */
function committeeTree(
  direct: Record<string, GroupMetrics>,
  rows: readonly AggregateRow[],
  tree: readonly [string, string][],
  agencyOf: ReadonlyMap<number, string>,
): Record<string, GroupMetrics> {
  const below = new Map<string, string[]>();
  for (const [committee, above] of tree) {
    const list = below.get(above) ?? [];
    list.push(committee);
    below.set(above, list);
  }
  const out: Record<string, GroupMetrics> = { ...direct };
  for (const row of rows) {
    const id = row.k1 as string;
    const m = toMetrics(row, agencyOf);
    for (const part of [id, ...(below.get(id) ?? [])]) {
      const d = direct[part];
      if (!d) continue;
      m.engagements += d.engagements;
      m.leadership += d.leadership;
      for (const depth of DEPTHS) m.depth[depth] += d.depth[depth];
      if (d.lastActivity !== null && (m.lastActivity === null || d.lastActivity > m.lastActivity)) m.lastActivity = d.lastActivity;
    }
    out[id] = m;
  }
  return out;
}

export interface EngagementAggregates {
  aggregates: CoverageAggregates;
  /** Details of aggregates.unengagedDevelopmentStandardIds, in the same order. */
  unengagedStandards: UnengagedStandard[];
  /** AREA_ENGAGEMENT counts by AreaCount.key. */
  areaCounts: Record<string, number>;
}

/**
 * Engagement aggregates for every dimension, standards per stage, and AREA_ENGAGEMENT
 * counts, for engagements active in the period (agency and SDO filters apply; under an
 * SDO filter only that SDO's standards are listed).
 */
export async function queryEngagementAggregates(
  tx: SqlClient,
  scope: CoverageSqlScope,
  areas: readonly AreaCount[] = [],
  /** Count distinct agencies with a bitmask (see SQL_AGENCY_BITMASK); same numbers either way. */
  agencyBitmask = false,
): Promise<EngagementAggregates> {
  const rows = await tx.$queryRaw<AggregateRow[]>(mainStatement(scope, areas, agencyBitmask));
  const agencyOf = new Map(rows.filter((r) => r.kind === "agency").map((r) => [r.n, r.k1 as string]));
  const out: CoverageAggregates = {
    total: emptyMetrics(),
    coreArea: {},
    keyApplication: {},
    sdo: {},
    committee: {},
    committeeTree: {},
    coreAreaKeyApplication: {},
    coreAreaSdo: {},
    standardsByStage: emptyStageCounts(),
    unengagedDevelopmentStandardIds: [],
  };
  const unengagedStandards: UnengagedStandard[] = [];
  const areaCounts: Record<string, number> = {};
  let total: AggregateRow | undefined;
  const treeRows: AggregateRow[] = [];
  let tree: [committee: string, above: string][] = [];
  for (const row of rows) {
    const k1 = row.k1 as string;
    switch (row.kind) {
      case "total":
        total = row;
        areas.forEach((area, i) => (areaCounts[area.key] = row.areas?.[i] ?? 0));
        break;
      case "ca":
        out.coreArea[k1] = toMetrics(row, agencyOf);
        break;
      case "casdo":
        out.coreAreaSdo[cellKey(k1, row.k2 as string)] = toMetrics(row, agencyOf);
        break;
      case "ka":
        out.keyApplication[k1] = toMetrics(row, agencyOf);
        break;
      case "caka":
        out.coreAreaKeyApplication[cellKey(k1, row.k2 as string)] = toMetrics(row, agencyOf);
        break;
      case "sdo":
        out.sdo[k1] = toMetrics(row, agencyOf);
        break;
      case "com":
        out.committee[k1] = toMetrics(row, agencyOf);
        break;
      case "comt":
        treeRows.push(row);
        break;
      case "tree":
        tree = JSON.parse(row.t1 ?? "[]") as [string, string][];
        break;
      case "stage":
        if (STAGES.includes(k1 as StageName)) out.standardsByStage[k1 as StageName] = { total: row.n, engaged: row.np };
        break;
      case "dev":
        for (const [id, stage, designation, title, sdoId, committeeId] of JSON.parse(row.t1 ?? "[]") as DevTuple[]) {
          unengagedStandards.push({ id, stage, designation, title, sdoId, committeeId });
        }
        break;
    }
  }
  out.total = totalOf(Object.values(out.sdo), total, agencyOf);
  out.committeeTree = committeeTree(out.committee, treeRows, tree, agencyOf);
  // Code-point order, whatever the database's collation.
  unengagedStandards.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  out.unengagedDevelopmentStandardIds = unengagedStandards.map((s) => s.id);
  return { aggregates: out, unengagedStandards, areaCounts };
}

// ---------------------------------------------------------------- activities

interface ActivityRow {
  kind: ActivityKindName;
  n: number;
  na: number;
}

/** Activities that started in the period, per kind, with the agencies that logged them. */
function activitySql(scope: CoverageSqlScope): Prisma.Sql {
  const agency = scope.agencyId ? Prisma.sql`AND "agencyId" = ${scope.agencyId}` : Prisma.empty;
  const sdo = scope.sdoId ? Prisma.sql`AND "sdoId" = ${scope.sdoId}` : Prisma.empty;
  return Prisma.sql`
SELECT kind::text AS kind, count(*)::int AS n, count(DISTINCT "agencyId")::int AS na
FROM "Activity"
WHERE "startDate" BETWEEN ${scope.start}::date AND ${scope.end}::date ${agency} ${sdo}
GROUP BY kind`;
}

function activityCounts(rows: ActivityRow[]): ActivityCounts {
  const out = emptyActivityCounts();
  for (const row of rows) if (ACTIVITY_KINDS.includes(row.kind)) out[row.kind] = { count: row.n, agencies: row.na };
  return out;
}

export async function queryActivityCounts(tx: SqlClient, scope: CoverageSqlScope): Promise<ActivityCounts> {
  return activityCounts(await tx.$queryRaw<ActivityRow[]>(activitySql(scope)));
}

// ---------------------------------------------------------------- inventory

interface InventoryRow {
  kind: "ca" | "casdo" | "ka" | "caka" | "sdo";
  k1: string;
  k2: string | null;
  committees: number;
  standards: number;
}

/** Committees and standards per core area, key application, SDO and cell (reference data). */
function inventorySql(sdoId: string | null): Prisma.Sql {
  const committeeSdo = sdoId ? Prisma.sql`WHERE "sdoId" = ${sdoId}` : Prisma.empty;
  const standardSdo = sdoId ? Prisma.sql`WHERE "sdoId" = ${sdoId}` : Prisma.empty;
  return Prisma.sql`
WITH com AS (SELECT id, "sdoId" FROM "Committee" ${committeeSdo}),
std AS (SELECT id, "sdoId" FROM "Standard" ${standardSdo}),
ca AS (
  SELECT l."coreAreaId" AS ca, c."sdoId" AS sdo, true AS committee FROM "CoreAreaCommittee" l JOIN com c ON c.id = l."committeeId"
  UNION ALL
  SELECT l."coreAreaId", s."sdoId", false FROM "StandardCoreArea" l JOIN std s ON s.id = l."standardId"
), ka AS (
  SELECT l."keyApplicationId" AS ka, true AS committee FROM "KeyApplicationCommittee" l JOIN com c ON c.id = l."committeeId"
  UNION ALL
  SELECT l."keyApplicationId", false FROM "StandardKeyApplication" l JOIN std s ON s.id = l."standardId"
), caka AS (
  SELECT a."coreAreaId" AS ca, b."keyApplicationId" AS ka, true AS committee
  FROM com c JOIN "CoreAreaCommittee" a ON a."committeeId" = c.id JOIN "KeyApplicationCommittee" b ON b."committeeId" = c.id
  UNION ALL
  SELECT a."coreAreaId", b."keyApplicationId", false
  FROM std s JOIN "StandardCoreArea" a ON a."standardId" = s.id JOIN "StandardKeyApplication" b ON b."standardId" = s.id
)
SELECT CASE WHEN GROUPING(sdo) = 1 THEN 'ca' ELSE 'casdo' END AS kind, ca AS k1, sdo AS k2,
  (count(*) FILTER (WHERE committee))::int AS committees, (count(*) FILTER (WHERE NOT committee))::int AS standards
FROM ca GROUP BY GROUPING SETS ((ca), (ca, sdo))
UNION ALL
SELECT 'ka', ka, NULL, (count(*) FILTER (WHERE committee))::int, (count(*) FILTER (WHERE NOT committee))::int FROM ka GROUP BY ka
UNION ALL
SELECT 'caka', ca, ka, (count(*) FILTER (WHERE committee))::int, (count(*) FILTER (WHERE NOT committee))::int FROM caka GROUP BY ca, ka
UNION ALL
SELECT 'sdo', "sdoId", NULL, (count(*) FILTER (WHERE committee))::int, (count(*) FILTER (WHERE NOT committee))::int
FROM (SELECT "sdoId", true AS committee FROM com UNION ALL SELECT "sdoId", false FROM std) x GROUP BY "sdoId"`;
}

function inventory(rows: InventoryRow[]): CoverageInventory {
  const out: CoverageInventory = { coreArea: {}, keyApplication: {}, sdo: {}, coreAreaKeyApplication: {}, coreAreaSdo: {} };
  for (const row of rows) {
    const value = { committees: row.committees, standards: row.standards };
    if (row.kind === "ca") out.coreArea[row.k1] = value;
    else if (row.kind === "casdo") out.coreAreaSdo[cellKey(row.k1, row.k2 as string)] = value;
    else if (row.kind === "ka") out.keyApplication[row.k1] = value;
    else if (row.kind === "caka") out.coreAreaKeyApplication[cellKey(row.k1, row.k2 as string)] = value;
    else out.sdo[row.k1] = value;
  }
  return out;
}

export async function queryInventory(tx: SqlClient, sdoId: string | null): Promise<CoverageInventory> {
  return inventory(await tx.$queryRaw<InventoryRow[]>(inventorySql(sdoId)));
}

// ---------------------------------------------------------------- context

export interface ReportContext {
  reference: ReportReference;
  settings: CoverageSettingsValues;
  indicators: IndicatorDefinition[];
  agency: { id: string; acronym: string; name: string } | null;
  sdo: { id: string; acronym: string; name: string } | null;
  inventory: CoverageInventory;
  activities: ActivityCounts;
  /** How to count distinct agencies in the aggregates (see SQL_AGENCY_BITMASK). */
  agencyBitmask: boolean;
}

interface ContextJson {
  reference: Omit<ReportReference, "objectives"> & { objectives: ReportReference["objectives"] };
  settings: {
    weightObserve: number;
    weightAttend: number;
    weightContribute: number;
    weightLead: number;
    staleMonths: number;
    metPercent: number;
    partialPercent: number;
  } | null;
  indicators: IndicatorDefinition[] | null;
  agency: ReportContext["agency"];
  sdo: ReportContext["sdo"];
  inventoryToken: string | null;
  /** Null when the cached inventory is still current. */
  inventory: InventoryRow[] | null;
  activities: ActivityRow[];
  agencyBitmask: boolean;
}

const list = (sql: Prisma.Sql) => Prisma.sql`(SELECT coalesce(json_agg(x), '[]') FROM (${sql}) x)`;

/**
 * The inventory counts last computed, per SDO filter, with the InventoryVersion token they
 * were computed at. The token is random and changes with every write to the inventory
 * tables, so a hit is exact, whichever database (tests use several) the process talks to.
 */
const inventoryCache = new Map<string, { token: string; inventory: CoverageInventory }>();

/**
 * Everything around the aggregates in one round trip: reference rows, scoring settings,
 * indicators, the filter labels, the inventory (unless the cached one is current) and the
 * activity counts.
 */
export async function queryReportContext(tx: SqlClient, scope: CoverageSqlScope): Promise<ReportContext> {
  const cacheKey = scope.sdoId ?? "";
  const cached = inventoryCache.get(cacheKey);
  const rows = await tx.$queryRaw<{ context: string }[]>`
SELECT json_build_object(
  'reference', json_build_object(
    'coreAreas', ${list(Prisma.sql`SELECT id, name FROM "CoreArea" ORDER BY name`)},
    'keyApplications', ${list(Prisma.sql`SELECT id, name FROM "KeyApplication" ORDER BY name`)},
    'sdos', ${list(Prisma.sql`SELECT id, acronym, name FROM "Sdo" ORDER BY acronym`)},
    'committees', ${list(Prisma.sql`SELECT id, designation, title, "sdoId", "parentId" FROM "Committee" ORDER BY designation`)},
    'maturity', ${list(Prisma.sql`SELECT "coreAreaId", "keyApplicationId", level FROM "MaturityCell"`)},
    'recommendations', ${list(Prisma.sql`SELECT id, number, title FROM "Recommendation" ORDER BY number`)},
    'objectives', ${list(Prisma.sql`
      SELECT o.id, o.number, o.title,
        (SELECT coalesce(json_agg(l."recommendationId" ORDER BY l."recommendationId"), '[]') FROM "RecommendationObjective" l WHERE l."objectiveId" = o.id) AS "recommendationIds"
      FROM "Objective" o ORDER BY o.number`)},
    'agencies', ${list(Prisma.sql`SELECT id, acronym FROM "Agency" ORDER BY acronym`)}
  ),
  'settings', (SELECT row_to_json(s) FROM "CoverageSettings" s WHERE id = 1),
  'indicators', ${list(Prisma.sql`
    SELECT id, code, "recommendationId", name, description, kind, params, target, unit, "sortOrder"
    FROM "Indicator" ORDER BY "sortOrder", code`)},
  'agency', (SELECT row_to_json(a) FROM (SELECT id, acronym, name FROM "Agency" WHERE id = ${scope.agencyId}) a),
  'sdo', (SELECT row_to_json(s) FROM (SELECT id, acronym, name FROM "Sdo" WHERE id = ${scope.sdoId}) s),
  'inventoryToken', (SELECT token::text FROM "InventoryVersion" WHERE id = 1),
  'inventory', CASE WHEN (SELECT token::text FROM "InventoryVersion" WHERE id = 1) = ${cached?.token ?? null}::text THEN NULL
    ELSE ${list(inventorySql(scope.sdoId))} END,
  'activities', ${list(activitySql(scope))},
  'agencyBitmask', ${SQL_AGENCY_BITMASK}
)::text AS context`;
  const json = JSON.parse(rows[0]?.context ?? "{}") as ContextJson;
  let counts: CoverageInventory;
  if (json.inventory === null && cached) counts = cached.inventory;
  else {
    counts = inventory(json.inventory ?? []);
    if (json.inventoryToken) inventoryCache.set(cacheKey, { token: json.inventoryToken, inventory: counts });
  }
  const s = json.settings;
  return {
    reference: json.reference,
    settings: s
      ? {
          weights: { OBSERVE: s.weightObserve, ATTEND: s.weightAttend, CONTRIBUTE: s.weightContribute, LEAD: s.weightLead },
          staleMonths: s.staleMonths,
          thresholds: { met: s.metPercent / 100, partial: s.partialPercent / 100 },
        }
      : DEFAULT_SETTINGS,
    indicators: json.indicators ?? [],
    agency: json.agency,
    sdo: json.sdo,
    inventory: counts,
    activities: activityCounts(json.activities),
    agencyBitmask: json.agencyBitmask,
  };
}

// ---------------------------------------------------------------- trend

export interface TrendRow {
  fiscalYear: number;
  engagements: number;
  participants: number;
  agencies: number;
  leadership: number;
  depth: GroupMetrics["depth"];
}

/** The most fiscal years one trend query covers (a participant's years fit in one int4 mask). */
export const TREND_MAX_YEARS = 31;

/** The fiscal year (October to September) of a date column, as an integer. */
const fiscalYearSql = (column: Prisma.Sql) => Prisma.sql`(date_part('year', ${column})::int + (date_part('month', ${column}) >= 10)::int)`;

interface TrendDeltaRow {
  kind: "delta";
  i: number;
  n: number;
  ld: number;
  d1: number;
  d2: number;
  d3: number;
  d4: number;
  participants: null;
  agencies: null;
}
interface TrendPeopleRow {
  kind: "people";
  participants: number[];
  agencies: number[];
}

/**
 * Engagements active in each fiscal year from `first` to `last` (agency and SDO filters
 * apply). No engagement is repeated for each year it spans: each one becomes the range
 * of year indexes i1..i2 it is active in, then
 * - the additive counts are a running sum of changes: +1 at i1, -1 after i2 (grouped by
 *   index in the database, summed here over at most 2 x 31 rows);
 * - distinct participants and agencies per year come from one mask of active years per
 *   participant (bit i set: active in year first + i), OR-ed per participant and per agency.
 * All in hash aggregations: no sort over the engagements.
 */
export async function queryTrend(tx: SqlClient, filter: { agencyId: string | null; sdoId: string | null }, first: number, last: number): Promise<TrendRow[]> {
  const years = last - first + 1;
  if (!Number.isInteger(first) || !Number.isInteger(last) || years < 1 || years > TREND_MAX_YEARS) {
    throw new RangeError(`a trend covers 1 to ${TREND_MAX_YEARS} fiscal years, not ${first}..${last}`);
  }
  const agency = filter.agencyId ? Prisma.sql`AND e."agencyId" = ${filter.agencyId}` : Prisma.empty;
  const sdo = filter.sdoId ? Prisma.sql`AND COALESCE(cm."sdoId", s."sdoId") = ${filter.sdoId}` : Prisma.empty;
  const sdoJoins = filter.sdoId
    ? Prisma.sql`LEFT JOIN "Standard" s ON s.id = CASE WHEN e."committeeId" IS NULL THEN e."standardId" END
       LEFT JOIN "Committee" cm ON cm.id = COALESCE(e."committeeId", s."committeeId")`
    : Prisma.empty;
  const firstYear = Prisma.raw(String(first));
  const lastYear = Prisma.raw(String(last));
  const bit = (mask: string, i: number) => Prisma.raw(`(count(*) FILTER (WHERE ${mask} & ${(2 ** i) | 0} <> 0))::int`);
  const perYear = (mask: string) => Prisma.sql`ARRAY[${Prisma.join(Array.from({ length: years }, (_, i) => bit(mask, i)))}]`;
  const rows = await tx.$queryRaw<(TrendDeltaRow | TrendPeopleRow)[]>`
WITH pm AS MATERIALIZED (
  SELECT id, (row_number() OVER ())::int AS n FROM "Participant"
), e AS MATERIALIZED (
  SELECT pm.n AS p, e."agencyId" AS agency,
    GREATEST(${fiscalYearSql(Prisma.sql`e."startDate"`)}, ${firstYear}) - ${firstYear} AS i1,
    LEAST(COALESCE(${fiscalYearSql(Prisma.sql`e."endDate"`)}, ${lastYear}), ${lastYear}) - ${firstYear} AS i2,
    ${DEPTH_AND_LEADERSHIP}
  FROM "Engagement" e JOIN pm ON pm.id = e."participantId" ${sdoJoins}
  WHERE e."startDate" <= make_date(${lastYear}, 9, 30) AND (e."endDate" IS NULL OR e."endDate" >= make_date(${firstYear} - 1, 10, 1))
  ${agency} ${sdo}
), ps AS MATERIALIZED (
  -- Years i1..i2 as bits: all bits up to i2, less those below i1.
  SELECT p, min(agency) AS agency, bit_or(((1 << i2) - 1 + (1 << i2)) # ((1 << i1) - 1)) AS m FROM e GROUP BY p
)
SELECT 'delta' AS kind, i, sum(n)::int AS n, sum(ld)::int AS ld, sum(d1)::int AS d1, sum(d2)::int AS d2, sum(d3)::int AS d3, sum(d4)::int AS d4,
  NULL::int[] AS participants, NULL::int[] AS agencies
FROM (
  SELECT i1 AS i, count(*) AS n, count(*) FILTER (WHERE ld) AS ld, count(*) FILTER (WHERE d = 1) AS d1,
    count(*) FILTER (WHERE d = 2) AS d2, count(*) FILTER (WHERE d = 3) AS d3, count(*) FILTER (WHERE d = 4) AS d4
  FROM e GROUP BY i1
  UNION ALL
  SELECT i2 + 1, -count(*), -count(*) FILTER (WHERE ld), -count(*) FILTER (WHERE d = 1),
    -count(*) FILTER (WHERE d = 2), -count(*) FILTER (WHERE d = 3), -count(*) FILTER (WHERE d = 4)
  FROM e GROUP BY i2
) x GROUP BY i
UNION ALL
SELECT 'people', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  (SELECT ${perYear("m")} FROM ps),
  (SELECT ${perYear("m")} FROM (SELECT bit_or(m) AS m FROM ps GROUP BY agency) g)`;
  const out: TrendRow[] = Array.from({ length: years }, (_, i) => ({
    fiscalYear: first + i,
    engagements: 0,
    participants: 0,
    agencies: 0,
    leadership: 0,
    depth: { OBSERVE: 0, ATTEND: 0, CONTRIBUTE: 0, LEAD: 0 },
  }));
  for (const row of rows) {
    if (row.kind === "people") {
      out.forEach((year, i) => {
        year.participants = row.participants[i] ?? 0;
        year.agencies = row.agencies[i] ?? 0;
      });
      continue;
    }
    // A change at index i holds for every year from i on.
    for (const year of out.slice(row.i)) {
      year.engagements += row.n;
      year.leadership += row.ld;
      year.depth.OBSERVE += row.d1;
      year.depth.ATTEND += row.d2;
      year.depth.CONTRIBUTE += row.d3;
      year.depth.LEAD += row.d4;
    }
  }
  return out;
}

/** Fiscal year of the earliest engagement start, or null when there are none. */
export async function queryFirstEngagementDay(tx: SqlClient): Promise<IsoDate | null> {
  const rows = await tx.$queryRaw<{ first: string | null }[]>`SELECT min("startDate")::text AS first FROM "Engagement"`;
  return rows[0]?.first ?? null;
}
