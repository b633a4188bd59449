// Resolves the sourceRefs ids of reference rows to Source titles and links: one query
// for everything a page shows.
import "server-only";
import { db } from "@/server/db/client";
import type { ProvenanceInfo, Provenance, SourceRef } from "./types";

export interface ProvenanceColumns {
  provenance: Provenance;
  sourceRefs: string[];
}

export type ResolveProvenance = (row: ProvenanceColumns) => ProvenanceInfo;

export async function attachSources(rows: readonly ProvenanceColumns[]): Promise<ResolveProvenance> {
  const ids = new Set<string>();
  for (const row of rows) for (const id of row.sourceRefs) ids.add(id);
  const found =
    ids.size === 0
      ? []
      : await db.source.findMany({ where: { id: { in: [...ids] } }, select: { id: true, title: true, url: true } });
  const byId = new Map(found.map((s) => [s.id, s]));
  return (row) => ({
    provenance: row.provenance,
    sources: row.sourceRefs.map((id): SourceRef => {
      const source = byId.get(id);
      return source ? { id, title: source.title, url: source.url, known: true } : { id, title: id, url: null, known: false };
    }),
  });
}
