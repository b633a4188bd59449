// Federal agencies with their participant and active-engagement counts.
import "server-only";
import { db } from "@/server/db/client";
import { activeEngagementWhere } from "./home";
import { attachSources } from "./sources";
import type { ProvenanceInfo } from "./types";

export interface AgencyRow {
  id: string;
  acronym: string;
  name: string;
  iicswgMember: boolean;
  participantCount: number;
  activeEngagementCount: number;
  provenanceInfo: ProvenanceInfo;
}

export async function listAgencies(): Promise<AgencyRow[]> {
  const rows = await db.agency.findMany({
    orderBy: { acronym: "asc" },
    select: {
      id: true,
      acronym: true,
      name: true,
      iicswgMember: true,
      provenance: true,
      sourceRefs: true,
      _count: {
        select: {
          participants: { where: { active: true } },
          engagements: { where: activeEngagementWhere() },
        },
      },
    },
  });
  const info = await attachSources(rows);
  return rows.map((row) => ({
    id: row.id,
    acronym: row.acronym,
    name: row.name,
    iicswgMember: row.iicswgMember,
    participantCount: row._count.participants,
    activeEngagementCount: row._count.engagements,
    provenanceInfo: info(row),
  }));
}

/** For the user form's agency picker. */
export async function listAgencyOptions(): Promise<{ id: string; acronym: string; name: string }[]> {
  return db.agency.findMany({ orderBy: { acronym: "asc" }, select: { id: true, acronym: true, name: true } });
}
