// The government-wide view of a data call: each agency's status (overdue judged against a
// `today` the caller passes in) and the roll-up of the accepted submissions.
import type { IsoDate } from "@/domain/fiscal-year";
import type { DataCallFigures, Figure } from "./assembly";

export type SubmissionStatusName = "NOT_STARTED" | "DRAFT" | "SUBMITTED" | "ACCEPTED" | "RETURNED";
export type BoardStatus = SubmissionStatusName | "OVERDUE";

export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = {
  NOT_STARTED: "Not started",
  DRAFT: "Draft",
  RETURNED: "Returned",
  SUBMITTED: "Submitted",
  ACCEPTED: "Accepted",
  OVERDUE: "Overdue",
};

/** Overdue: past the due date (the due day itself is still on time) and nothing submitted yet. */
export function boardStatus(status: SubmissionStatusName, dueDate: IsoDate, today: IsoDate): BoardStatus {
  const pending = status === "NOT_STARTED" || status === "DRAFT" || status === "RETURNED";
  return pending && today > dueDate ? "OVERDUE" : status;
}

export interface BoardRow {
  agencyId: string;
  acronym: string;
  name: string;
  status: SubmissionStatusName;
  board: BoardStatus;
  snapshotVersion: number;
}

export function buildBoard(
  agencies: readonly { id: string; acronym: string; name: string }[],
  submissions: readonly { agencyId: string; status: SubmissionStatusName; snapshotVersion: number }[],
  dueDate: IsoDate,
  today: IsoDate,
): { rows: BoardRow[]; counts: Record<BoardStatus, number>; reminders: BoardRow[] } {
  const byAgency = new Map(submissions.map((s) => [s.agencyId, s]));
  const rows = agencies
    .map((a) => {
      const s = byAgency.get(a.id);
      const status = s?.status ?? "NOT_STARTED";
      return { agencyId: a.id, acronym: a.acronym, name: a.name, status, board: boardStatus(status, dueDate, today), snapshotVersion: s?.snapshotVersion ?? 0 };
    })
    .sort((a, b) => a.acronym.localeCompare(b.acronym, "en"));
  const counts = { NOT_STARTED: 0, DRAFT: 0, RETURNED: 0, SUBMITTED: 0, ACCEPTED: 0, OVERDUE: 0 } as Record<BoardStatus, number>;
  for (const r of rows) counts[r.board]++;
  // Who still owes an answer: overdue first, then the rest not yet submitted.
  const reminders = rows
    .filter((r) => r.status === "NOT_STARTED" || r.status === "DRAFT" || r.status === "RETURNED")
    .sort((a, b) => Number(b.board === "OVERDUE") - Number(a.board === "OVERDUE") || a.acronym.localeCompare(b.acronym, "en"));
  return { rows, counts, reminders };
}

export interface RollUpLine {
  key: string;
  label: string;
  total: number;
  /** Each agency's contribution, by agency acronym. */
  byAgency: { agencyId: string; acronym: string; value: number }[];
}

export interface RollUp {
  fiscalYear: number;
  agencies: { agencyId: string; acronym: string; snapshotVersion: number; contentHash: string }[];
  totals: RollUpLine[];
  bySdo: RollUpLine[];
  byCoreArea: RollUpLine[];
  standardsUse: RollUpLine[];
  activities: RollUpLine[];
}

function lines(parts: readonly { agencyId: string; acronym: string; figures: readonly Figure[] }[]): RollUpLine[] {
  const map = new Map<string, RollUpLine>();
  for (const part of parts) {
    for (const f of part.figures) {
      const line = map.get(f.key) ?? { key: f.key, label: f.label, total: 0, byAgency: [] };
      line.total += f.value;
      if (f.value !== 0) line.byAgency.push({ agencyId: part.agencyId, acronym: part.acronym, value: f.value });
      map.set(f.key, line);
    }
  }
  return [...map.values()];
}

/**
 * Sums of the accepted submissions' figures. Distinct counts (SDOs, committees) are summed
 * per agency, i.e. "agency seats in SDOs"; the by-SDO lines say how many agencies each SDO has.
 */
export function buildRollUp(
  fiscalYear: number,
  accepted: readonly { agencyId: string; acronym: string; snapshotVersion: number; contentHash: string; figures: DataCallFigures }[],
): RollUp {
  const sorted = [...accepted].sort((a, b) => a.acronym.localeCompare(b.acronym, "en"));
  const parts = (pick: (f: DataCallFigures) => Figure[]) => sorted.map((a) => ({ agencyId: a.agencyId, acronym: a.acronym, figures: pick(a.figures) }));
  const byTotal = (rows: RollUpLine[]) => rows.sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, "en"));
  return {
    fiscalYear,
    agencies: sorted.map((a) => ({ agencyId: a.agencyId, acronym: a.acronym, snapshotVersion: a.snapshotVersion, contentHash: a.contentHash })),
    totals: lines(parts((f) => f.participation.summary)),
    bySdo: byTotal(lines(parts((f) => f.participation.bySdo))),
    byCoreArea: byTotal(lines(parts((f) => f.participation.byCoreArea))),
    standardsUse: lines(parts((f) => f.standardsUse.byCategory)),
    activities: lines(parts((f) => f.activities)),
  };
}
