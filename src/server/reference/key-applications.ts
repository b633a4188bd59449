// Key IT applications of NISTIR 8074 Vol. 2 (cloud, ICS, smart grid...).
import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";
import { attachSources } from "./sources";
import { maturityRow, type MaturityCellView } from "./maturity";
import { committeeLinkSelect, RELATED_STANDARDS_SHOWN, standardLinkSelect, type CommitteeLinkView, type StandardLinkView } from "./core-areas";
import type { ProvenanceInfo } from "./types";

export interface KeyApplicationSummary {
  id: string;
  name: string;
  description: string | null;
  maturity: string | null;
  committeeCount: number;
  standardCount: number;
  provenanceInfo: ProvenanceInfo;
}

export interface KeyApplicationDetail {
  id: string;
  name: string;
  description: string | null;
  maturity: string | null;
  provenanceInfo: ProvenanceInfo;
  committees: CommitteeLinkView[];
  standards: StandardLinkView[];
  standardCount: number;
  maturityRow: MaturityCellView[];
}

export async function listKeyApplications(): Promise<KeyApplicationSummary[]> {
  const rows = await db.keyApplication.findMany({
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

export const getKeyApplication = cache(async (id: string): Promise<KeyApplicationDetail | null> => {
  const row = await db.keyApplication.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      description: true,
      maturity: true,
      provenance: true,
      sourceRefs: true,
      committees: { select: { committee: { select: committeeLinkSelect } }, orderBy: { committee: { designation: "asc" } } },
      _count: { select: { standards: true } },
    },
  });
  if (!row) return null;
  const [standardRows, matrix] = await Promise.all([
    db.standard.findMany({
      where: { keyApplications: { some: { keyApplicationId: id } } },
      orderBy: { designation: "asc" },
      take: RELATED_STANDARDS_SHOWN,
      select: standardLinkSelect,
    }),
    maturityRow({ keyApplicationId: id }),
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
});
