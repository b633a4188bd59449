// CSV of one submission and of the government-wide roll-up (formula-neutralised cells).
import { csvLine } from "@/domain/csv";
import { flatFigures, type DataCallFigures } from "./assembly";
import type { RollUp } from "./board";
import { NARRATIVE_FIELDS, NARRATIVE_LABELS, type Narrative } from "./inputs";

export const SUBMISSION_CSV_HEADER = ["section", "key", "label", "value", "record_count", "record_ids"] as const;

export function submissionCsv(
  meta: { fiscalYear: number; agency: string; status: string; version: number; contentHash: string | null },
  figures: DataCallFigures,
  narrative: Narrative,
): string {
  let out = csvLine(SUBMISSION_CSV_HEADER);
  out += csvLine(["meta", "fiscal_year", "Fiscal year", meta.fiscalYear, null, null]);
  out += csvLine(["meta", "agency", "Agency", meta.agency, null, null]);
  out += csvLine(["meta", "status", "Status", meta.status, null, null]);
  out += csvLine(["meta", "version", "Version", meta.version, null, null]);
  out += csvLine(["meta", "content_hash", "Content hash (sha256)", meta.contentHash ?? "", null, null]);
  for (const f of flatFigures(figures)) {
    out += csvLine([f.key.split(".")[0], f.key, f.label, f.value, f.records ? f.ids.length : null, f.ids.join(" ")]);
  }
  for (const g of figures.standardsUse.governmentUnique) {
    out += csvLine(["government_unique", `government_unique.${g.activityId}`, `${g.title}${g.standard ? ` (${g.standard})` : ""}: ${g.reason}`, 1, 1, g.activityId]);
  }
  for (const field of NARRATIVE_FIELDS) out += csvLine(["narrative", `narrative.${field}`, NARRATIVE_LABELS[field].label, narrative[field], null, null]);
  return out;
}

export const ROLLUP_CSV_HEADER = ["section", "key", "label", "total", "agency", "agency_value"] as const;

/** One row per line total, then one per agency contribution. */
export function rollUpCsv(rollUp: RollUp): string {
  let out = csvLine(ROLLUP_CSV_HEADER);
  const sections = [
    ["totals", rollUp.totals],
    ["sdo", rollUp.bySdo],
    ["core_area", rollUp.byCoreArea],
    ["standards_use", rollUp.standardsUse],
    ["activities", rollUp.activities],
  ] as const;
  for (const [section, lines] of sections) {
    for (const line of lines) {
      out += csvLine([section, line.key, line.label, line.total, "ALL", line.total]);
      for (const a of line.byAgency) out += csvLine([section, line.key, line.label, line.total, a.acronym, a.value]);
    }
  }
  return out;
}
