// One-off converter: NISTIR 8074 research file -> our own reference files in seeds/reference-data/.
// Kept in the repo so the derivation can be repeated; the app never reads the source file.
//
// Usage: npx tsx seeds/convert-reference.ts <path/to/nistir8074.json> [--out seeds/reference]
//
// Integrity rules (each violation is printed and recorded in meta.json "warnings"):
//  - a committee whose sdoId is unknown, or a standard whose sdoId is unknown, stops the run
//    (there is no sensible repair);
//  - an unknown committee parentId becomes null (the committee becomes a root);
//  - an unknown standard committeeId becomes null (the standard hangs off its SDO only);
//  - unknown core-area / key-application / committee / objective / source ids in link lists
//    are dropped;
//  - a standard whose SDO differs from its committee's SDO is kept as given and only reported:
//    the committee is where the text originated (PAS transpositions such as TPM 2.0 ->
//    ISO/IEC 11889, or NISTIR 7628 written in the SGIP committee).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Maturity, Provenance, StandardStage } from "@/generated/prisma/enums";
import {
  REFERENCE_FILE_NAMES,
  type AgencyFile,
  type CommitteeFile,
  type CoreAreaFile,
  type KeyApplicationFile,
  type MaturityFile,
  type ObjectiveFile,
  type RecommendationFile,
  type ReferenceFiles,
  type SdoFile,
  type SourceFile,
  type StandardFile,
} from "./reference-files";

const PROVENANCE: Record<string, Provenance> = {
  confirmed: "CONFIRMED",
  "confirmed-secondary": "CONFIRMED_SECONDARY",
  inferred: "INFERRED",
  "general-knowledge": "GENERAL_KNOWLEDGE",
};

const provenanceText = z.string().refine((v) => v in PROVENANCE, "unknown provenance");
const refs = z.array(z.string()).optional();
const optText = z.string().nullish();

const sourceSchema = z.object({
  meta: z.object({
    dataset: z.string(),
    version: z.string(),
    sources: z.record(
      z.string(),
      z.object({ title: z.string(), url: optText, doi: optText, alt: optText, pdf: optText }),
    ),
  }),
  objectives: z.array(
    z.object({ id: z.string(), number: z.number().int(), title: z.string(), gist: z.string(), provenance: provenanceText, sourceRefs: refs }),
  ),
  recommendations: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      title: z.string(),
      gist: z.string(),
      draftHeading: optText,
      draftTheme: optText,
      draftVsFinal: optText,
      objectives: z.array(z.string()).default([]),
      indicators: z.array(z.string()).default([]),
      provenance: provenanceText,
      sourceRefs: refs,
    }),
  ),
  coreAreasNote: z.object({ sourceRefs: refs }).optional(),
  coreAreas: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      mainCommittees: z.array(z.string()).default([]),
      exampleStandards: z.array(z.string()).default([]),
      maturityInferred: optText,
      gapsInferred: z.array(z.string()).default([]),
      usgNotesInferred: optText,
      evidence: optText,
      provenance: provenanceText,
      sourceRefs: refs,
    }),
  ),
  keyApplicationsNote: z.object({ sourceRefs: refs }).optional(),
  keyApplications: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: optText,
      committees: z.array(z.string()).default([]),
      exampleStandards: z.array(z.string()).default([]),
      maturityInferred: optText,
      usgNotesInferred: optText,
      evidence: optText,
      provenance: provenanceText,
      sourceRefs: refs,
    }),
  ),
  maturityMatrix: z.object({
    scale: z.object({ levels: z.array(z.object({ code: z.enum(["AVAILABLE", "PARTIAL", "NEEDED", "UNKNOWN"]), label: z.string() })) }),
    note: optText,
    cells: z.array(
      z.object({
        coreArea: z.string(),
        keyApplication: z.string(),
        value: z.enum(["AVAILABLE", "PARTIAL", "NEEDED", "UNKNOWN"]),
        provenance: provenanceText,
        sourceRefs: refs,
      }),
    ),
  }),
  sdos: z.array(
    z.object({ id: z.string(), acronym: z.string(), name: z.string(), type: z.string(), note: optText, provenance: provenanceText, sourceRefs: refs }),
  ),
  committees: z.array(
    z.object({
      id: z.string(),
      sdoId: z.string(),
      parentId: optText,
      designation: z.string(),
      title: z.string(),
      usMirrorOrTag: optText,
      note: optText,
      coreAreas: z.array(z.string()).default([]),
      keyApplications: z.array(z.string()).default([]),
      provenance: provenanceText,
      sourceRefs: refs,
    }),
  ),
  standards: z.array(
    z.object({
      id: z.string(),
      sdoId: z.string(),
      committeeId: optText,
      designation: z.string(),
      title: z.string(),
      statusAsOf2015: z.string(),
      year: z.number().int().nullish(),
      note: optText,
      coreAreas: z.array(z.string()).default([]),
      keyApplications: z.array(z.string()).default([]),
      provenance: provenanceText,
      sourceRefs: refs,
    }),
  ),
  agencies: z.array(
    z.object({
      id: z.string(),
      acronym: z.string(),
      name: z.string(),
      iicswgMember: z.boolean().default(false),
      parentId: optText,
      provenance: provenanceText,
      sourceRefs: refs,
    }),
  ),
});

type Source = z.infer<typeof sourceSchema>;

/**
 * Stage of a standard from its late-2015 status text.
 *  - "published"                      -> PUBLISHED
 *  - "under development", "draft", "under development (...)" -> DEVELOPMENT
 *  - "post-2015": the item did not exist in 2015. With a publication year in the source it is
 *    PUBLISHED (year kept). Without one the file gives no evidence it is out, so PROPOSED.
 * Anything else stops the run so a new status word is looked at by a person.
 */
export function stageFromStatus(status: string, year: number | null): StandardStage {
  const text = status.trim().toLowerCase();
  if (text === "published") return "PUBLISHED";
  if (text.startsWith("under development") || text === "draft") return "DEVELOPMENT";
  if (text === "post-2015") return year ? "PUBLISHED" : "PROPOSED";
  throw new Error(`Unknown statusAsOf2015 "${status}"`);
}

/** Only statuses that say more than the stage itself are kept in the note. */
function statusNote(status: string): string | null {
  const text = status.trim().toLowerCase();
  if (text === "published" || text === "under development") return null;
  if (text === "post-2015") return "Status as of 2015: not yet started (post-2015 work item).";
  return `Status as of 2015: ${status.trim()}.`;
}

function joinNotes(...parts: (string | null | undefined)[]): string | null {
  const kept = parts.filter((p): p is string => Boolean(p && p.trim()));
  return kept.length ? kept.join(" ") : null;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function convertReference(raw: unknown, sourceLabel: string, sourceSha256: string): ReferenceFiles {
  const src: Source = sourceSchema.parse(raw);
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);

  const sourceIds = new Set(Object.keys(src.meta.sources));
  const keepRefs = (owner: string, list: string[] | undefined): string[] =>
    unique(list ?? []).filter((id) => {
      if (sourceIds.has(id)) return true;
      warn(`${owner}: unknown source ${id} dropped`);
      return false;
    });
  const keepIds = (owner: string, kind: string, list: string[], known: Set<string>): string[] =>
    unique(list).filter((id) => {
      if (known.has(id)) return true;
      warn(`${owner}: unknown ${kind} ${id} dropped`);
      return false;
    });
  const prov = (text: string): Provenance => PROVENANCE[text] as Provenance;

  const sources: SourceFile[] = Object.entries(src.meta.sources).map(([id, s]) => ({
    id,
    title: s.title,
    url: s.url ?? null,
    doi: s.doi ?? null,
    ...(s.alt ? { altUrl: s.alt } : {}),
    ...(s.pdf ? { pdfUrl: s.pdf } : {}),
  }));

  const agencyIds = new Set(src.agencies.map((a) => a.id));
  const agencies: AgencyFile[] = src.agencies.map((a) => {
    let parentId = a.parentId ?? null;
    if (parentId && !agencyIds.has(parentId)) {
      warn(`agency ${a.id}: unknown parent ${parentId} set to null`);
      parentId = null;
    }
    return {
      id: a.id,
      acronym: a.acronym,
      name: a.name,
      iicswgMember: a.iicswgMember,
      parentId,
      provenance: prov(a.provenance),
      sourceRefs: keepRefs(`agency ${a.id}`, a.sourceRefs),
    };
  });

  const objectiveIds = new Set(src.objectives.map((o) => o.id));
  const objectives: ObjectiveFile[] = src.objectives.map((o) => ({
    id: o.id,
    number: o.number,
    title: o.title,
    gist: o.gist,
    provenance: prov(o.provenance),
    sourceRefs: keepRefs(`objective ${o.id}`, o.sourceRefs),
  }));

  const recommendations: RecommendationFile[] = src.recommendations.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    gist: r.gist,
    draftHeading: r.draftHeading ?? null,
    draftTheme: r.draftTheme ?? null,
    draftVsFinal: r.draftVsFinal ?? null,
    indicators: r.indicators,
    objectiveIds: keepIds(`recommendation ${r.id}`, "objective", r.objectives, objectiveIds),
    provenance: prov(r.provenance),
    sourceRefs: keepRefs(`recommendation ${r.id}`, r.sourceRefs),
  }));

  const sdoIds = new Set(src.sdos.map((s) => s.id));
  const sdos: SdoFile[] = src.sdos.map((s) => ({
    id: s.id,
    acronym: s.acronym,
    name: s.name,
    type: s.type,
    note: s.note ?? null,
    provenance: prov(s.provenance),
    sourceRefs: keepRefs(`sdo ${s.id}`, s.sourceRefs),
  }));

  const coreAreaIds = new Set(src.coreAreas.map((c) => c.id));
  const keyApplicationIds = new Set(src.keyApplications.map((k) => k.id));
  const committeeIds = new Set(src.committees.map((c) => c.id));
  const standardIds = new Set(src.standards.map((s) => s.id));

  const committeesUnordered: CommitteeFile[] = src.committees.map((c) => {
    if (!sdoIds.has(c.sdoId)) throw new Error(`committee ${c.id}: unknown SDO ${c.sdoId}`);
    let parentId = c.parentId ?? null;
    if (parentId && !committeeIds.has(parentId)) {
      warn(`committee ${c.id}: unknown parent ${parentId} set to null`);
      parentId = null;
    }
    return {
      id: c.id,
      sdoId: c.sdoId,
      parentId,
      designation: c.designation,
      title: c.title,
      usMirrorOrTag: c.usMirrorOrTag ?? null,
      note: c.note ?? null,
      provenance: prov(c.provenance),
      sourceRefs: keepRefs(`committee ${c.id}`, c.sourceRefs),
    };
  });
  const committees = parentFirst(committeesUnordered);

  // Committee links are stated from both sides in the source; the union is kept.
  const committeesOfCoreArea = new Map<string, string[]>();
  const committeesOfKeyApplication = new Map<string, string[]>();
  for (const c of src.committees) {
    for (const id of keepIds(`committee ${c.id}`, "core area", c.coreAreas, coreAreaIds)) {
      committeesOfCoreArea.set(id, [...(committeesOfCoreArea.get(id) ?? []), c.id]);
    }
    for (const id of keepIds(`committee ${c.id}`, "key application", c.keyApplications, keyApplicationIds)) {
      committeesOfKeyApplication.set(id, [...(committeesOfKeyApplication.get(id) ?? []), c.id]);
    }
  }

  // Core areas and key applications carry no sourceRefs of their own: the list-level
  // note's sources apply to every entry.
  const coreAreaDefaultRefs = src.coreAreasNote?.sourceRefs;
  const coreAreas: CoreAreaFile[] = src.coreAreas.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    maturity: c.maturityInferred ?? null,
    committeeIds: unique([
      ...keepIds(`core area ${c.id}`, "committee", c.mainCommittees, committeeIds),
      ...(committeesOfCoreArea.get(c.id) ?? []),
    ]),
    exampleStandardIds: keepIds(`core area ${c.id}`, "standard", c.exampleStandards, standardIds),
    gaps: c.gapsInferred,
    usgNotes: c.usgNotesInferred ?? null,
    evidence: c.evidence ?? null,
    provenance: prov(c.provenance),
    sourceRefs: keepRefs(`core area ${c.id}`, c.sourceRefs ?? coreAreaDefaultRefs),
  }));

  const keyApplicationDefaultRefs = src.keyApplicationsNote?.sourceRefs;
  const keyApplications: KeyApplicationFile[] = src.keyApplications.map((k) => ({
    id: k.id,
    name: k.name,
    description: k.description ?? null,
    maturity: k.maturityInferred ?? null,
    committeeIds: unique([
      ...keepIds(`key application ${k.id}`, "committee", k.committees, committeeIds),
      ...(committeesOfKeyApplication.get(k.id) ?? []),
    ]),
    exampleStandardIds: keepIds(`key application ${k.id}`, "standard", k.exampleStandards, standardIds),
    usgNotes: k.usgNotesInferred ?? null,
    evidence: k.evidence ?? null,
    provenance: prov(k.provenance),
    sourceRefs: keepRefs(`key application ${k.id}`, k.sourceRefs ?? keyApplicationDefaultRefs),
  }));

  const seenCells = new Set<string>();
  const maturity: MaturityFile = {
    scale: src.maturityMatrix.scale.levels.map((l) => ({ code: l.code as Maturity, label: l.label })),
    note: src.maturityMatrix.note ?? null,
    cells: src.maturityMatrix.cells.flatMap((cell) => {
      const key = `${cell.coreArea}|${cell.keyApplication}`;
      if (!coreAreaIds.has(cell.coreArea) || !keyApplicationIds.has(cell.keyApplication)) {
        warn(`maturity cell ${key}: unknown core area or key application, dropped`);
        return [];
      }
      if (seenCells.has(key)) {
        warn(`maturity cell ${key}: duplicate, first kept`);
        return [];
      }
      seenCells.add(key);
      return [
        {
          coreAreaId: cell.coreArea,
          keyApplicationId: cell.keyApplication,
          level: cell.value,
          provenance: prov(cell.provenance),
          sourceRefs: keepRefs(`maturity cell ${key}`, cell.sourceRefs),
        },
      ];
    }),
  };

  const committeeSdo = new Map(committees.map((c) => [c.id, c.sdoId]));
  const standards: StandardFile[] = src.standards.map((s) => {
    if (!sdoIds.has(s.sdoId)) throw new Error(`standard ${s.id}: unknown SDO ${s.sdoId}`);
    let committeeId = s.committeeId ?? null;
    if (committeeId && !committeeIds.has(committeeId)) {
      warn(`standard ${s.id}: unknown committee ${committeeId} set to null`);
      committeeId = null;
    }
    if (committeeId && committeeSdo.get(committeeId) !== s.sdoId) {
      warn(`standard ${s.id}: SDO ${s.sdoId} differs from committee ${committeeId}'s SDO (kept as given)`);
    }
    const year = s.year ?? null;
    return {
      id: s.id,
      sdoId: s.sdoId,
      committeeId,
      designation: s.designation,
      title: s.title,
      stage: stageFromStatus(s.statusAsOf2015, year),
      year,
      note: joinNotes(s.note, statusNote(s.statusAsOf2015)),
      statusAsOf2015: s.statusAsOf2015,
      coreAreaIds: keepIds(`standard ${s.id}`, "core area", s.coreAreas, coreAreaIds),
      keyApplicationIds: keepIds(`standard ${s.id}`, "key application", s.keyApplications, keyApplicationIds),
      provenance: prov(s.provenance),
      sourceRefs: keepRefs(`standard ${s.id}`, s.sourceRefs),
    };
  });

  checkUnique("agency acronym", agencies.map((a) => a.acronym));
  checkUnique("SDO acronym", sdos.map((s) => s.acronym));
  checkUnique("committee designation", committees.map((c) => c.designation));
  checkUnique("core area name", coreAreas.map((c) => c.name));
  checkUnique("key application name", keyApplications.map((k) => k.name));
  checkUnique("standard sdo+designation", standards.map((s) => `${s.sdoId}|${s.designation}`));
  checkUnique("objective number", objectives.map((o) => String(o.number)));
  checkUnique("recommendation number", recommendations.map((r) => String(r.number)));

  return {
    meta: { dataset: src.meta.dataset, version: src.meta.version, sourceFile: sourceLabel, sourceSha256, warnings },
    sources,
    agencies,
    objectives,
    recommendations,
    coreAreas,
    keyApplications,
    maturity,
    sdos,
    committees,
    standards,
  };
}

function checkUnique(what: string, values: string[]) {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new Error(`duplicate ${what}: ${v}`);
    seen.add(v);
  }
}

/** Orders committees so every parent precedes its children; a cycle stops the run. */
function parentFirst(committees: CommitteeFile[]): CommitteeFile[] {
  const byId = new Map(committees.map((c) => [c.id, c]));
  const placed = new Set<string>();
  const out: CommitteeFile[] = [];
  const visit = (c: CommitteeFile, trail: Set<string>) => {
    if (placed.has(c.id)) return;
    if (trail.has(c.id)) throw new Error(`committee parent cycle through ${c.id}`);
    trail.add(c.id);
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) visit(parent, trail);
    placed.add(c.id);
    out.push(c);
  };
  for (const c of committees) visit(c, new Set());
  return out;
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: "string", default: path.resolve(import.meta.dirname, "reference") } },
  });
  const input = positionals[0];
  if (!input) {
    console.error("usage: npx tsx seeds/convert-reference.ts <nistir8074.json> [--out dir]");
    process.exit(2);
  }
  const text = readFileSync(input, "utf8");
  const sha = createHash("sha256").update(text).digest("hex");
  const files = convertReference(JSON.parse(text), path.basename(input), sha);
  mkdirSync(values.out, { recursive: true });
  for (const [key, name] of Object.entries(REFERENCE_FILE_NAMES)) {
    writeFileSync(path.join(values.out, name), JSON.stringify(files[key as keyof ReferenceFiles], null, 2) + "\n");
  }
  for (const w of files.meta.warnings) console.warn(`warning: ${w}`);
  console.log(
    `wrote ${values.out}: ${files.sources.length} sources, ${files.agencies.length} agencies, ` +
      `${files.objectives.length} objectives, ${files.recommendations.length} recommendations, ` +
      `${files.coreAreas.length} core areas, ${files.keyApplications.length} key applications, ` +
      `${files.maturity.cells.length} maturity cells, ${files.sdos.length} SDOs, ` +
      `${files.committees.length} committees, ${files.standards.length} standards`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
