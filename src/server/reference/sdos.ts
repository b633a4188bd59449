// Standards development organisations and their committee trees.
import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";
import { attachSources } from "./sources";
import type { Provenance, ProvenanceInfo, StandardStage } from "./types";
import type { StandardLinkView } from "./core-areas";

/** Standards listed under each committee on the SDO page; the committee page lists all. */
export const STANDARDS_PER_COMMITTEE = 10;

export interface SdoSummary {
  id: string;
  acronym: string;
  name: string;
  type: string;
  committeeCount: number;
  standardCount: number;
  provenanceInfo: ProvenanceInfo;
}

export interface CommitteeNode {
  id: string;
  designation: string;
  title: string;
  usMirrorOrTag: string | null;
  provenanceInfo: ProvenanceInfo;
  standards: StandardLinkView[];
  standardCount: number;
  children: CommitteeNode[];
}

export interface SdoDetail {
  id: string;
  acronym: string;
  name: string;
  type: string;
  provenanceInfo: ProvenanceInfo;
  committeeCount: number;
  tree: CommitteeNode[];
  /** Standards of the SDO not assigned to a committee. */
  unassigned: StandardLinkView[];
  unassignedCount: number;
}

export async function listSdos(): Promise<SdoSummary[]> {
  const rows = await db.sdo.findMany({
    orderBy: { acronym: "asc" },
    select: {
      id: true,
      acronym: true,
      name: true,
      type: true,
      provenance: true,
      sourceRefs: true,
      _count: { select: { committees: true, standards: true } },
    },
  });
  const info = await attachSources(rows);
  return rows.map((row) => ({
    id: row.id,
    acronym: row.acronym,
    name: row.name,
    type: row.type,
    committeeCount: row._count.committees,
    standardCount: row._count.standards,
    provenanceInfo: info(row),
  }));
}

interface TopStandardRow {
  id: string;
  committeeId: string | null;
  designation: string;
  title: string;
  stage: StandardStage;
  year: number | null;
  provenance: Provenance;
  sourceRefs: string[];
}

export const getSdo = cache(async (id: string): Promise<SdoDetail | null> => {
  const sdo = await db.sdo.findUnique({
    where: { id },
    select: { id: true, acronym: true, name: true, type: true, provenance: true, sourceRefs: true },
  });
  if (!sdo) return null;
  const [committees, counts, topStandards] = await Promise.all([
    // One query for the whole tree; nesting is rebuilt in memory.
    db.committee.findMany({
      where: { sdoId: id },
      orderBy: { designation: "asc" },
      select: { id: true, parentId: true, designation: true, title: true, usMirrorOrTag: true, provenance: true, sourceRefs: true },
    }),
    db.standard.groupBy({ by: ["committeeId"], where: { sdoId: id }, _count: { _all: true } }),
    // The first few standards of each committee, cut in the database.
    db.$queryRaw<TopStandardRow[]>`
      SELECT "id", "committeeId", "designation", "title", "stage"::text AS "stage", "year",
             "provenance"::text AS "provenance", "sourceRefs"
      FROM (
        SELECT s.*, row_number() OVER (PARTITION BY s."committeeId" ORDER BY s."designation") AS rn
        FROM "Standard" s
        WHERE s."sdoId" = ${id}
      ) ranked
      WHERE rn <= ${STANDARDS_PER_COMMITTEE}
      ORDER BY "designation"`,
  ]);
  const info = await attachSources([sdo, ...committees, ...topStandards]);

  const countBy = new Map(counts.map((c) => [c.committeeId, c._count._all]));
  const standardsBy = new Map<string | null, StandardLinkView[]>();
  for (const s of topStandards) {
    const list = standardsBy.get(s.committeeId) ?? [];
    list.push({ id: s.id, designation: s.designation, title: s.title, stage: s.stage, year: s.year, provenanceInfo: info(s) });
    standardsBy.set(s.committeeId, list);
  }

  const nodes = new Map<string, CommitteeNode>();
  for (const c of committees) {
    nodes.set(c.id, {
      id: c.id,
      designation: c.designation,
      title: c.title,
      usMirrorOrTag: c.usMirrorOrTag,
      provenanceInfo: info(c),
      standards: standardsBy.get(c.id) ?? [],
      standardCount: countBy.get(c.id) ?? 0,
      children: [],
    });
  }
  const tree: CommitteeNode[] = [];
  for (const c of committees) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    // A parent in another SDO (or missing) makes this a root here.
    if (parent && parent !== node) parent.children.push(node);
    else tree.push(node);
  }

  return {
    id: sdo.id,
    acronym: sdo.acronym,
    name: sdo.name,
    type: sdo.type,
    provenanceInfo: info(sdo),
    committeeCount: committees.length,
    tree,
    unassigned: standardsBy.get(null) ?? [],
    unassignedCount: countBy.get(null) ?? 0,
  };
});
