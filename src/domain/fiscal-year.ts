// Calendar maths for reporting periods. U.S. federal fiscal year N runs from 1 October of
// year N-1 to 30 September of year N (FY2025 = 2024-10-01 .. 2025-09-30).
// Dates are ISO calendar days ("YYYY-MM-DD"); engagement dates are calendar dates, so
// no time zones are involved. No clock: callers pass `today`.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The fiscal year a day falls in. */
export function fiscalYearOf(day: IsoDate): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 10 ? year + 1 : year;
}

export function fiscalYearStart(fiscalYear: number): IsoDate {
  return `${String(fiscalYear - 1).padStart(4, "0")}-10-01`;
}

export function fiscalYearEnd(fiscalYear: number): IsoDate {
  return `${String(fiscalYear).padStart(4, "0")}-09-30`;
}

export function fiscalYearLabel(fiscalYear: number): string {
  return `FY${fiscalYear}`;
}

/** Days from a to b (b - a), both inclusive bounds counted as calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Moves a day by whole months, clamping to the last day of the target month
 * (2024-03-31 minus 1 month = 2024-02-29).
 */
export function addMonths(day: IsoDate, months: number): IsoDate {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  const date = Number(day.slice(8, 10));
  const target = year * 12 + month + months;
  const ty = Math.floor(target / 12);
  const tm = target - ty * 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return toIsoDate(new Date(Date.UTC(ty, tm, Math.min(date, lastDay))));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** A reporting period: a fiscal year or an explicit range, inclusive at both ends. */
export type Period =
  | { kind: "fiscalYear"; fiscalYear: number; start: IsoDate; end: IsoDate }
  | { kind: "range"; start: IsoDate; end: IsoDate };

export function fiscalYearPeriod(fiscalYear: number): Period {
  return { kind: "fiscalYear", fiscalYear, start: fiscalYearStart(fiscalYear), end: fiscalYearEnd(fiscalYear) };
}

export function rangePeriod(start: IsoDate, end: IsoDate): Period {
  if (!isIsoDate(start) || !isIsoDate(end)) throw new Error("period bounds must be YYYY-MM-DD days");
  if (end < start) throw new Error("the period ends before it starts");
  return { kind: "range", start, end };
}

export function periodLabel(period: Period): string {
  return period.kind === "fiscalYear"
    ? `${fiscalYearLabel(period.fiscalYear)} (${period.start} to ${period.end})`
    : `${period.start} to ${period.end}`;
}

/**
 * The day the report is "as of": the end of the period, or today when the period is
 * still running. Staleness is measured back from this day.
 */
export function periodAsOf(period: Period, today: IsoDate): IsoDate {
  return minDate(period.end, today);
}

/** Length of the period in years (a fiscal year is exactly 1), for scaling yearly targets. */
export function periodYears(period: Period): number {
  if (period.kind === "fiscalYear") return 1;
  return Math.max(0.01, Math.round(((daysBetween(period.start, period.end) + 1) / 365.25) * 100) / 100);
}

/**
 * Years of the period elapsed by `asOf` (all of it once it has ended): yearly targets of
 * things counted over time are scaled by this, so a running fiscal year is judged on the
 * part that has passed.
 */
export function elapsedYears(period: Period, asOf: IsoDate): number {
  if (asOf >= period.end) return periodYears(period);
  if (asOf < period.start) return 0.01;
  const share = (daysBetween(period.start, asOf) + 1) / (daysBetween(period.start, period.end) + 1);
  return Math.max(0.01, Math.round(periodYears(period) * share * 100) / 100);
}

/** Fiscal years from `first` to `last`, inclusive, oldest first. */
export function fiscalYearsBetween(first: number, last: number): number[] {
  const out: number[] = [];
  for (let fy = first; fy <= last; fy++) out.push(fy);
  return out;
}
