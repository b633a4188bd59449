// Shapes of our own reference files under seeds/reference-data/ (written by convert-reference.ts,
// read by reference.ts). Enum-valued fields already hold the Prisma enum spellings.
import { readFileSync } from "node:fs";
import type { Maturity, Provenance, StandardStage } from "@/generated/prisma/enums";

export interface SourceFile {
  id: string;
  title: string;
  url: string | null;
  doi: string | null;
  /** Kept for the record; no column in the schema. */
  altUrl?: string;
  pdfUrl?: string;
}

interface Provenanced {
  provenance: Provenance;
  sourceRefs: string[];
}

export interface AgencyFile extends Provenanced {
  id: string;
  acronym: string;
  name: string;
  iicswgMember: boolean;
  /** Parent department in the source; the schema has no column for it (yet). */
  parentId: string | null;
}

export interface ObjectiveFile extends Provenanced {
  id: string;
  number: number;
  title: string;
  gist: string;
}

export interface RecommendationFile extends Provenanced {
  id: string;
  number: number;
  title: string;
  gist: string;
  draftHeading: string | null;
  /** The draft's theme phrase (source field draftTheme); stored in draftHeading when no heading exists. */
  draftTheme: string | null;
  draftVsFinal: string | null;
  indicators: string[];
  objectiveIds: string[];
}

export interface CoreAreaFile extends Provenanced {
  id: string;
  name: string;
  description: string;
  maturity: string | null;
  /** Union of the core area's mainCommittees and the committees that list the core area. */
  committeeIds: string[];
  exampleStandardIds: string[];
  gaps: string[];
  usgNotes: string | null;
  evidence: string | null;
}

export interface KeyApplicationFile extends Provenanced {
  id: string;
  name: string;
  description: string | null;
  maturity: string | null;
  /** Union of the application's committees and the committees that list the application. */
  committeeIds: string[];
  exampleStandardIds: string[];
  usgNotes: string | null;
  evidence: string | null;
}

export interface MaturityCellFile extends Provenanced {
  coreAreaId: string;
  keyApplicationId: string;
  level: Maturity;
}

export interface MaturityFile {
  scale: { code: Maturity; label: string }[];
  note: string | null;
  cells: MaturityCellFile[];
}

export interface SdoFile extends Provenanced {
  id: string;
  acronym: string;
  name: string;
  type: string;
  note: string | null;
}

export interface CommitteeFile extends Provenanced {
  id: string;
  sdoId: string;
  parentId: string | null;
  designation: string;
  title: string;
  usMirrorOrTag: string | null;
  note: string | null;
}

export interface StandardFile extends Provenanced {
  id: string;
  sdoId: string;
  committeeId: string | null;
  designation: string;
  title: string;
  stage: StandardStage;
  year: number | null;
  note: string | null;
  /** Original status text of the source, kept verbatim. */
  statusAsOf2015: string;
  coreAreaIds: string[];
  keyApplicationIds: string[];
}

export interface ReferenceMeta {
  dataset: string;
  version: string;
  sourceFile: string;
  sourceSha256: string;
  warnings: string[];
}

export interface ReferenceFiles {
  meta: ReferenceMeta;
  sources: SourceFile[];
  agencies: AgencyFile[];
  objectives: ObjectiveFile[];
  recommendations: RecommendationFile[];
  coreAreas: CoreAreaFile[];
  keyApplications: KeyApplicationFile[];
  maturity: MaturityFile;
  sdos: SdoFile[];
  /** Parent-first order. */
  committees: CommitteeFile[];
  standards: StandardFile[];
}

/** File name of every part, relative to seeds/reference-data/. */
export const REFERENCE_FILE_NAMES: Record<keyof ReferenceFiles, string> = {
  meta: "meta.json",
  sources: "sources.json",
  agencies: "agencies.json",
  objectives: "objectives.json",
  recommendations: "recommendations.json",
  coreAreas: "core-areas.json",
  keyApplications: "key-applications.json",
  maturity: "maturity.json",
  sdos: "sdos.json",
  committees: "committees.json",
  standards: "standards.json",
};

export function referenceDir(): URL {
  return new URL("./reference-data/", import.meta.url);
}

export function readReferenceFiles(dir: URL = referenceDir()): ReferenceFiles {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), "utf8"));
  const entries = Object.entries(REFERENCE_FILE_NAMES).map(([key, name]) => [key, read(name)]);
  return Object.fromEntries(entries) as ReferenceFiles;
}
