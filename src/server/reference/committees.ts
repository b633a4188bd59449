// One committee: where it sits in its SDO's tree, its sub-committees and its standards.
import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";
import { attachSources } from "./sources";
import { standardLinkSelect, type StandardLinkView } from "./core-areas";
import type { Page, ProvenanceInfo } from "./types";

export const COMMITTEE_STANDARDS_PAGE_SIZE = 50;

export interface CommitteeRef {
  id: string;
  designation: string;
  title: string;
}

export interface CommitteeDetail {
  id: string;
  designation: string;
  title: string;
  usMirrorOrTag: string | null;
  note: string | null;
  provenanceInfo: ProvenanceInfo;
  sdo: { id: string; acronym: string; name: string };
  /** Root first, parent last. */
  ancestors: CommitteeRef[];
  children: (CommitteeRef & { provenanceInfo: ProvenanceInfo })[];
  coreAreas: { id: string; name: string }[];
  keyApplications: { id: string; name: string }[];
  standards: Page<StandardLinkView>;
}

export const getCommittee = cache(async (id: string, page = 1): Promise<CommitteeDetail | null> => {
  const row = await db.committee.findUnique({
    where: { id },
    select: {
      id: true,
      sdoId: true,
      parentId: true,
      designation: true,
      title: true,
      usMirrorOrTag: true,
      note: true,
      provenance: true,
      sourceRefs: true,
      sdo: { select: { id: true, acronym: true, name: true } },
      children: { orderBy: { designation: "asc" }, select: { id: true, designation: true, title: true, provenance: true, sourceRefs: true } },
      coreAreas: { select: { coreArea: { select: { id: true, name: true } } }, orderBy: { coreArea: { name: "asc" } } },
      keyApplications: { select: { keyApplication: { select: { id: true, name: true } } }, orderBy: { keyApplication: { name: "asc" } } },
      _count: { select: { standards: true } },
    },
  });
  if (!row) return null;

  const total = row._count.standards;
  const pageCount = Math.max(1, Math.ceil(total / COMMITTEE_STANDARDS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const [standardRows, family] = await Promise.all([
    db.standard.findMany({
      where: { committeeId: id },
      orderBy: { designation: "asc" },
      skip: (current - 1) * COMMITTEE_STANDARDS_PAGE_SIZE,
      take: COMMITTEE_STANDARDS_PAGE_SIZE,
      select: standardLinkSelect,
    }),
    row.parentId
      ? db.committee.findMany({ where: { sdoId: row.sdoId }, select: { id: true, parentId: true, designation: true, title: true } })
      : Promise.resolve([]),
  ]);

  // Walk up the parent chain in memory (guarding against a cycle in bad data).
  const byId = new Map(family.map((c) => [c.id, c]));
  const ancestors: CommitteeRef[] = [];
  const seen = new Set<string>([row.id]);
  let parentId = row.parentId;
  while (parentId && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    seen.add(parent.id);
    ancestors.unshift({ id: parent.id, designation: parent.designation, title: parent.title });
    parentId = parent.parentId;
  }

  const info = await attachSources([row, ...row.children, ...standardRows]);
  return {
    id: row.id,
    designation: row.designation,
    title: row.title,
    usMirrorOrTag: row.usMirrorOrTag,
    note: row.note,
    provenanceInfo: info(row),
    sdo: row.sdo,
    ancestors,
    children: row.children.map((c) => ({ id: c.id, designation: c.designation, title: c.title, provenanceInfo: info(c) })),
    coreAreas: row.coreAreas.map((c) => c.coreArea),
    keyApplications: row.keyApplications.map((k) => k.keyApplication),
    standards: {
      items: standardRows.map(({ provenance, sourceRefs, ...s }) => ({ ...s, provenanceInfo: info({ provenance, sourceRefs }) })),
      total,
      page: current,
      pageSize: COMMITTEE_STANDARDS_PAGE_SIZE,
      pageCount,
    },
  };
});
