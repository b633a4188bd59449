// Plain shapes that reference loaders hand to pages and UI components (no Prisma types).
import type { Maturity, Provenance, StandardStage } from "@/generated/prisma/enums";

export type { Maturity, Provenance, StandardStage };

export interface SourceRef {
  id: string;
  title: string;
  url: string | null;
  /** False when a row cites an id that is missing from the Source table. */
  known: boolean;
}

/** What every reference item carries for its provenance badge. */
export interface ProvenanceInfo {
  provenance: Provenance;
  sources: SourceRef[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}
