// Standards: a searchable list paginated in the database, and one standard's page.
import "server-only";
import { cache } from "react";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import { attachSources } from "./sources";
import type { Page, ProvenanceInfo, StandardStage } from "./types";

export const STANDARDS_PAGE_SIZE = 50;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

/** The list's search parameters; anything malformed falls back to the default. */
export const standardsQuery = z.object({
  q: optionalText(200),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  coreArea: optionalText(100),
  keyApplication: optionalText(100),
  sdo: optionalText(100),
});

export type StandardsQuery = z.infer<typeof standardsQuery>;

export interface StandardRow {
  id: string;
  designation: string;
  title: string;
  stage: StandardStage;
  year: number | null;
  sdo: { id: string; acronym: string };
  committee: { id: string; designation: string } | null;
  provenanceInfo: ProvenanceInfo;
}

export interface StandardsFilterLabels {
  coreArea: { id: string; name: string } | null;
  keyApplication: { id: string; name: string } | null;
  sdo: { id: string; acronym: string } | null;
}

export async function searchStandards(query: StandardsQuery): Promise<Page<StandardRow> & { filters: StandardsFilterLabels }> {
  const where: Prisma.StandardWhereInput = {};
  if (query.q) {
    where.OR = [
      { designation: { contains: query.q, mode: "insensitive" } },
      { title: { contains: query.q, mode: "insensitive" } },
    ];
  }
  if (query.coreArea) where.coreAreas = { some: { coreAreaId: query.coreArea } };
  if (query.keyApplication) where.keyApplications = { some: { keyApplicationId: query.keyApplication } };
  if (query.sdo) where.sdoId = query.sdo;

  const [total, coreArea, keyApplication, sdo] = await Promise.all([
    db.standard.count({ where }),
    query.coreArea ? db.coreArea.findUnique({ where: { id: query.coreArea }, select: { id: true, name: true } }) : null,
    query.keyApplication
      ? db.keyApplication.findUnique({ where: { id: query.keyApplication }, select: { id: true, name: true } })
      : null,
    query.sdo ? db.sdo.findUnique({ where: { id: query.sdo }, select: { id: true, acronym: true } }) : null,
  ]);
  const pageCount = Math.max(1, Math.ceil(total / STANDARDS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.standard.findMany({
    where,
    orderBy: [{ designation: "asc" }, { id: "asc" }],
    skip: (page - 1) * STANDARDS_PAGE_SIZE,
    take: STANDARDS_PAGE_SIZE,
    select: {
      id: true,
      designation: true,
      title: true,
      stage: true,
      year: true,
      provenance: true,
      sourceRefs: true,
      sdo: { select: { id: true, acronym: true } },
      committee: { select: { id: true, designation: true } },
    },
  });
  const info = await attachSources(rows);
  return {
    items: rows.map(({ provenance, sourceRefs, ...s }) => ({ ...s, provenanceInfo: info({ provenance, sourceRefs }) })),
    total,
    page,
    pageSize: STANDARDS_PAGE_SIZE,
    pageCount,
    filters: { coreArea, keyApplication, sdo },
  };
}

export interface StandardDetail {
  id: string;
  designation: string;
  title: string;
  stage: StandardStage;
  year: number | null;
  note: string | null;
  provenanceInfo: ProvenanceInfo;
  sdo: { id: string; acronym: string; name: string; provenanceInfo: ProvenanceInfo };
  committee: { id: string; designation: string; title: string; provenanceInfo: ProvenanceInfo } | null;
  coreAreas: { id: string; name: string; provenanceInfo: ProvenanceInfo }[];
  keyApplications: { id: string; name: string; provenanceInfo: ProvenanceInfo }[];
}

const linkWithProvenance = { id: true, name: true, provenance: true, sourceRefs: true } as const;

export const getStandard = cache(async (id: string): Promise<StandardDetail | null> => {
  const row = await db.standard.findUnique({
    where: { id },
    select: {
      id: true,
      designation: true,
      title: true,
      stage: true,
      year: true,
      note: true,
      provenance: true,
      sourceRefs: true,
      sdo: { select: { id: true, acronym: true, name: true, provenance: true, sourceRefs: true } },
      committee: { select: { id: true, designation: true, title: true, provenance: true, sourceRefs: true } },
      coreAreas: { select: { coreArea: { select: linkWithProvenance } }, orderBy: { coreArea: { name: "asc" } } },
      keyApplications: { select: { keyApplication: { select: linkWithProvenance } }, orderBy: { keyApplication: { name: "asc" } } },
    },
  });
  if (!row) return null;
  const coreAreas = row.coreAreas.map((c) => c.coreArea);
  const keyApplications = row.keyApplications.map((k) => k.keyApplication);
  const related = [row, row.sdo, ...(row.committee ? [row.committee] : []), ...coreAreas, ...keyApplications];
  const info = await attachSources(related);
  return {
    id: row.id,
    designation: row.designation,
    title: row.title,
    stage: row.stage,
    year: row.year,
    note: row.note,
    provenanceInfo: info(row),
    sdo: { id: row.sdo.id, acronym: row.sdo.acronym, name: row.sdo.name, provenanceInfo: info(row.sdo) },
    committee: row.committee
      ? { id: row.committee.id, designation: row.committee.designation, title: row.committee.title, provenanceInfo: info(row.committee) }
      : null,
    coreAreas: coreAreas.map((c) => ({ id: c.id, name: c.name, provenanceInfo: info(c) })),
    keyApplications: keyApplications.map((k) => ({ id: k.id, name: k.name, provenanceInfo: info(k) })),
  };
});
