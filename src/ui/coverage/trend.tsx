// Engagement across fiscal years: depth-weighted score per year as bars, the other counts
// in the table; a bar opens that year's engagements.
import Link from "@/ui/link";
import type { ReportFilters } from "@/domain/records-query";
import type { TrendPoint } from "@/server/coverage/dashboard";
import { BarChartPanel } from "./bar-chart-panel";
import { dashboardHref, recordsHref } from "./links";

const NUMBER = new Intl.NumberFormat("en-US");
/** Bar labels stay short so ten of them fit on a phone. */
const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function TrendPanel({ trend, filters }: { trend: TrendPoint[]; filters: ReportFilters }) {
  const base = { agency: filters.agency, sdo: filters.sdo };
  const first = trend[0];
  const last = trend.at(-1);
  const change = first && last && first.score > 0 ? Math.round(((last.score - first.score) / first.score) * 100) : null;
  const summary =
    first && last
      ? `Depth-weighted score of the engagements active in each fiscal year, FY${first.fiscalYear} to FY${last.fiscalYear}: from ${NUMBER.format(first.score)} to ${NUMBER.format(last.score)}${change === null ? "" : ` (${change >= 0 ? "+" : ""}${change}%)`}.`
      : "No engagements yet.";
  return (
    <BarChartPanel
      id="trend"
      title="Trend across fiscal years"
      summary={summary}
      layout="horizontal"
      height={300}
      categoryWidth={64}
      data={trend.map((t) => ({
        key: String(t.fiscalYear),
        label: `FY${String(t.fiscalYear).slice(2)}`,
        name: `FY${t.fiscalYear}: ${NUMBER.format(t.engagements)} engagements, ${NUMBER.format(t.participants)} participants`,
        value: t.score,
        display: COMPACT.format(t.score),
        fill: "#2378c3",
        href: recordsHref({ ...base, fy: t.fiscalYear }, { kind: "engagements" }),
      }))}
      table={
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">Engagement by fiscal year</caption>
            <thead>
              <tr>
                <th scope="col">Fiscal year</th>
                <th scope="col">Active engagements</th>
                <th scope="col">Participants</th>
                <th scope="col">Agencies</th>
                <th scope="col">Leadership positions</th>
                <th scope="col">Depth-weighted score</th>
                <th scope="col">Dashboard</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((t) => (
                <tr key={t.fiscalYear}>
                  <th scope="row">FY{t.fiscalYear}</th>
                  <td>
                    <Link href={recordsHref({ ...base, fy: t.fiscalYear }, { kind: "engagements" })}>
                      {NUMBER.format(t.engagements)}
                      <span className="sr-only"> engagements in FY{t.fiscalYear}</span>
                    </Link>
                  </td>
                  <td>{NUMBER.format(t.participants)}</td>
                  <td>{NUMBER.format(t.agencies)}</td>
                  <td>
                    <Link href={recordsHref({ ...base, fy: t.fiscalYear }, { kind: "engagements", leadership: true })}>
                      {NUMBER.format(t.leadership)}
                      <span className="sr-only"> leadership positions in FY{t.fiscalYear}</span>
                    </Link>
                  </td>
                  <td>{NUMBER.format(t.score)}</td>
                  <td>
                    <Link href={dashboardHref({ ...base, fy: t.fiscalYear })}>
                      Open FY{t.fiscalYear}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}
