// Core areas of cybersecurity standardization (NISTIR 8074 Vol. 2).
import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";
import { attachSources, type ProvenanceColumns } from "./sources";
import { maturityRow, type MaturityCellView } from "./maturity";
import type { ProvenanceInfo, StandardStage } from "./types";

export const RELATED_STANDARDS_SHOWN = 25;

export interface CoreAreaSummary {
  id: string;
  name: string;
  description: string;
  maturity: string | null;
  committeeCount: number;
  standardCount: number;
  provenanceInfo: ProvenanceInfo;
}

export interface CommitteeLinkView {
  id: string;
  designation: string;
  title: string;
  sdoAcronym: string;
  provenanceInfo: ProvenanceInfo;
}

export interface StandardLinkView {
  id: string;
  designation: string;
  title: string;
  stage: StandardStage;
  year: number | null;
  provenanceInfo: ProvenanceInfo;
}

export interface CoreAreaDetail {
  id: string;
  name: string;
  description: string;
  maturity: string | null;
  provenanceInfo: ProvenanceInfo;
  committees: CommitteeLinkView[];
  standards: StandardLinkView[];
  standardCount: number;
  maturityRow: MaturityCellView[];
}

export async function listCoreAreas(): Promise<CoreAreaSummary[]> {
  const rows = await db.coreArea.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      maturity: true,
      provenance: true,
      sourceRefs: true,
      _count: { select: { committees: true, standards: true } },
    },
  });
  const info = await attachSources(rows);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    maturity: row.maturity,
    committeeCount: row._count.committees,
    standardCount: row._count.standards,
    provenanceInfo: info(row),
  }));
}

export const committeeLinkSelect = {
  id: true,
  designation: true,
  title: true,
  provenance: true,
  sourceRefs: true,
  sdo: { select: { acronym: true } },
} as const;

export const standardLinkSelect = {
  id: true,
  designation: true,
  title: true,
  stage: true,
  year: true,
  provenance: true,
  sourceRefs: true,
} as const;

/** Row shape both core areas and key applications load for their detail pages. */
export const areaDetailSelect = {
  id: true,
  name: true,
  description: true,
  maturity: true,
  provenance: true,
  sourceRefs: true,
  committees: { select: { committee: { select: committeeLinkSelect } }, orderBy: { committee: { designation: "asc" as const } } },
  _count: { select: { standards: true } },
} as const;

interface AreaRow extends ProvenanceColumns {
  id: string;
  name: string;
  description: string | null;
  maturity: string | null;
  committees: { committee: ProvenanceColumns & { id: string; designation: string; title: string; sdo: { acronym: string } } }[];
  _count: { standards: number };
}

/**
 * The rest of a core-area or key-application page: its first standards, its maturity row,
 * and provenance for everything shown.
 */
export async function completeAreaDetail<R extends AreaRow>(row: R, axis: { coreAreaId: string } | { keyApplicationId: string }) {
  const [standardRows, matrix] = await Promise.all([
    db.standard.findMany({
      where: "coreAreaId" in axis ? { coreAreas: { some: axis } } : { keyApplications: { some: axis } },
      orderBy: { designation: "asc" },
      take: RELATED_STANDARDS_SHOWN,
      select: standardLinkSelect,
    }),
    maturityRow(axis),
  ]);
  const committees = row.committees.map((c) => c.committee);
  const info = await attachSources([row, ...committees, ...standardRows]);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    maturity: row.maturity,
    provenanceInfo: info(row),
    committees: committees.map((c) => ({
      id: c.id,
      designation: c.designation,
      title: c.title,
      sdoAcronym: c.sdo.acronym,
      provenanceInfo: info(c),
    })),
    standards: standardRows.map(({ provenance, sourceRefs, ...s }) => ({ ...s, provenanceInfo: info({ provenance, sourceRefs }) })),
    standardCount: row._count.standards,
    maturityRow: matrix,
  };
}

export const getCoreArea = cache(async (id: string): Promise<CoreAreaDetail | null> => {
  const row = await db.coreArea.findUnique({ where: { id }, select: areaDetailSelect });
  // Core areas always have a description, so the shared shape narrows to CoreAreaDetail.
  return row ? ((await completeAreaDetail(row, { coreAreaId: id })) as CoreAreaDetail) : null;
});
