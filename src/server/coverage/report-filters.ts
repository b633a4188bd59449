// The gap report's filters: a fiscal year (Oct–Sep) or a date range, an agency, an SDO.
// One zod schema for actions (strict, with messages) and a tolerant parser for URLs
// (anything malformed is dropped, so a bad link still shows a dashboard).
import { z } from "zod";
import { fiscalYearOf, fiscalYearPeriod, isIsoDate, rangePeriod, type IsoDate, type Period } from "@/domain/fiscal-year";
import type { ReportFilters } from "@/domain/records-query";

const MIN_FY = 2000;
const MAX_FY = 2100;
/** Longest date range a report covers (the trend covers longer spans by fiscal year). */
const MAX_RANGE_DAYS = 20 * 366;

const day = z.string().trim().refine(isIsoDate, "Use a date like 2025-03-31");
const id = z.string().trim().min(1).max(100);

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const reportFiltersInput = z
  .object({
    fy: z.preprocess(blankToUndefined, z.coerce.number().int().min(MIN_FY, "Pick a fiscal year from 2000").max(MAX_FY).optional()),
    from: z.preprocess(blankToUndefined, day.optional()),
    to: z.preprocess(blankToUndefined, day.optional()),
    agency: z.preprocess(blankToUndefined, id.optional()),
    sdo: z.preprocess(blankToUndefined, id.optional()),
  })
  .superRefine((f, ctx) => {
    if ((f.from === undefined) !== (f.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [f.from ? "to" : "from"], message: "Give both ends of the date range, or neither" });
    } else if (f.from && f.to) {
      if (f.to < f.from) ctx.addIssue({ code: "custom", path: ["to"], message: "The range ends before it starts" });
      else if (Date.parse(f.to) - Date.parse(f.from) > MAX_RANGE_DAYS * 86_400_000) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "Pick a range of at most 20 years" });
      }
    }
  });

export type ReportFiltersInput = z.infer<typeof reportFiltersInput>;

export const exportInput = z.intersection(reportFiltersInput, z.object({ format: z.enum(["csv", "json"]) }));

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Filters from URL search parameters; each malformed value is dropped on its own. */
export function parseReportFilters(params: Params): ReportFilters {
  const out: ReportFilters = {};
  const fy = Number(first(params.fy));
  if (Number.isInteger(fy) && fy >= MIN_FY && fy <= MAX_FY) out.fy = fy;
  const from = first(params.from)?.trim();
  const to = first(params.to)?.trim();
  if (from && to && isIsoDate(from) && isIsoDate(to) && from <= to && Date.parse(to) - Date.parse(from) <= MAX_RANGE_DAYS * 86_400_000) {
    out.from = from;
    out.to = to;
  }
  const agency = first(params.agency)?.trim();
  if (agency && agency.length <= 100) out.agency = agency;
  const sdo = first(params.sdo)?.trim();
  if (sdo && sdo.length <= 100) out.sdo = sdo;
  return out;
}

/** The period the filters ask for: the date range, else the fiscal year, else today's. */
export function periodOf(filters: ReportFilters, today: IsoDate): Period {
  if (filters.from && filters.to) return rangePeriod(filters.from, filters.to);
  return fiscalYearPeriod(filters.fy ?? fiscalYearOf(today));
}
