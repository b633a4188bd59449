// The dashboard's filters as a plain GET form, so every view is a shareable URL: fiscal
// year or a date range, agency (fixed for coordinators), SDO.
import Link from "@/ui/link";
import { fiscalYearEnd, fiscalYearStart, type Period } from "@/domain/fiscal-year";
import type { ReportFilters } from "@/domain/records-query";

const selectClass = "mt-1 block w-full min-w-0 border border-[#565c65] bg-white px-2 py-1.5";

function monthYear(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${y}`;
}

export function ReportFilterForm({
  action,
  filters,
  period,
  fiscalYears,
  agencies,
  lockedAgency,
  sdos,
  keep,
}: {
  action: string;
  /** Other view settings carried through a change of filters (the heatmap colour). */
  keep?: Record<string, string>;
  filters: ReportFilters;
  period: Period;
  fiscalYears: number[];
  /** Null when the agency is fixed (coordinators). */
  agencies: { id: string; acronym: string; name: string }[] | null;
  lockedAgency: { acronym: string; name: string } | null;
  sdos: { id: string; acronym: string; name: string }[];
}) {
  const usingRange = period.kind === "range";
  return (
    <form method="get" action={action} className="rounded border border-[#dfe1e2] bg-[#f7f9fa] p-4 print:hidden" aria-labelledby="report-filters-title">
      <h2 id="report-filters-title" className="mt-0 text-lg">
        Filters
      </h2>
      {Object.entries(keep ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-[minmax(0,1.25fr)_minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,0.6fr)]">
        <div>
          <label htmlFor="filter-fy" className="block font-semibold">
            Fiscal year
          </label>
          <select id="filter-fy" name="fy" defaultValue={period.kind === "fiscalYear" ? String(period.fiscalYear) : ""} className={selectClass}>
            {fiscalYears.map((fy) => (
              <option key={fy} value={fy}>
                FY{fy} ({monthYear(fiscalYearStart(fy))} – {monthYear(fiscalYearEnd(fy))})
              </option>
            ))}
          </select>
        </div>
        <fieldset className="m-0 min-w-0 border-0 p-0">
          <legend className="font-semibold">Or a date range</legend>
          <div className="flex gap-2">
            <div className="min-w-0 grow">
              <label htmlFor="filter-from" className="block text-sm">
                From
              </label>
              <input id="filter-from" name="from" type="date" defaultValue={usingRange ? filters.from : ""} className={selectClass} />
            </div>
            <div className="min-w-0 grow">
              <label htmlFor="filter-to" className="block text-sm">
                To
              </label>
              <input id="filter-to" name="to" type="date" defaultValue={usingRange ? filters.to : ""} className={selectClass} />
            </div>
          </div>
          <p className="m-0 mt-1 text-sm text-[#565c65]">A complete range replaces the fiscal year.</p>
        </fieldset>
        <div>
          {agencies ? (
            <>
              <label htmlFor="filter-agency" className="block font-semibold">
                Agency
              </label>
              <select id="filter-agency" name="agency" defaultValue={filters.agency ?? ""} className={selectClass}>
                <option value="">All agencies</option>
                {agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.acronym} — {a.name}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <>
              <p className="m-0 font-semibold">Agency</p>
              <p className="m-0 mt-2">
                {lockedAgency ? `${lockedAgency.acronym} (your agency)` : "Your agency"}
                <span className="block text-sm text-[#565c65]">Coordinators see their own agency&apos;s view.</span>
              </p>
            </>
          )}
        </div>
        <div>
          <label htmlFor="filter-sdo" className="block font-semibold">
            SDO
          </label>
          <select id="filter-sdo" name="sdo" defaultValue={filters.sdo ?? ""} className={selectClass}>
            <option value="">All SDOs</option>
            {sdos.map((s) => (
              <option key={s.id} value={s.id}>
                {s.acronym}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-[#005ea2] px-5 py-2 font-semibold text-white hover:bg-[#1a4480]">
          Apply filters
        </button>
        <Link href={action}>Reset to the current fiscal year</Link>
      </div>
    </form>
  );
}
