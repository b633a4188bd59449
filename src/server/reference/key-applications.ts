// Key IT applications of NISTIR 8074 Vol. 2 (cloud, ICS, smart grid...).
import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";
import { attachSources } from "./sources";
import type { MaturityCellView } from "./maturity";
import { areaDetailSelect, completeAreaDetail, type CommitteeLinkView, type StandardLinkView } from "./core-areas";
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
  const row = await db.keyApplication.findUnique({ where: { id }, select: areaDetailSelect });
  return row ? completeAreaDetail(row, { keyApplicationId: id }) : null;
});
