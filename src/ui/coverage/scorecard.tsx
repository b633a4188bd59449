// The recommendation scorecard (8) and the objective roll-up (4): charts with their
// tables, then the chain every number traces down: objective -> recommendation ->
// indicator -> the records counted.
import Link from "@/ui/link";
import { STATUS_LABEL, formatValue, type IndicatorResult, type ObjectiveResult, type RecommendationResult } from "@/domain/coverage-indicators";
import type { GapReport } from "@/domain/coverage-report";
import type { ReportFilters } from "@/domain/records-query";
import { BarChartPanel, type BarDatum } from "./bar-chart-panel";
import { recordsHref } from "./links";
import { STATUS_FILL, StatusBadge, percent } from "./status";

function attainmentDatum(key: string, label: string, name: string, item: { attainment: number | null; status: RecommendationResult["status"] }, href: string): BarDatum {
  const value = Math.round((item.attainment ?? 0) * 100);
  return { key, label, name, value, display: `${percent(item.attainment)} · ${STATUS_LABEL[item.status]}`, fill: STATUS_FILL[item.status], href };
}

function countStatuses(items: { status: string }[]): string {
  const met = items.filter((i) => i.status === "met").length;
  const partial = items.filter((i) => i.status === "partial").length;
  const gap = items.filter((i) => i.status === "gap").length;
  return `${met} met, ${partial} partial, ${gap} gap`;
}

export function RecommendationScorecard({ report }: { report: GapReport }) {
  const data = report.recommendations.map((r) => attainmentDatum(r.id, `Rec. ${r.number}`, `Recommendation ${r.number}: ${r.title}`, r, `#rec-${r.number}`));
  const byId = new Map(report.indicators.map((i) => [i.id, i]));
  return (
    <BarChartPanel
      id="scorecard"
      title="Recommendation scorecard"
      summary={`How far each of the 8 recommendations is along its indicators' targets (mean attainment, capped at 100%): ${countStatuses(report.recommendations)}.`}
      data={data}
      layout="vertical"
      max={100}
      valueFormat="percent"
      height={360}
      categoryWidth={64}
      table={
        <table className="data-table">
          <caption className="sr-only">Recommendation scorecard</caption>
          <thead>
            <tr>
              <th scope="col">Recommendation</th>
              <th scope="col">Attainment</th>
              <th scope="col">Status</th>
              <th scope="col">Indicators</th>
            </tr>
          </thead>
          <tbody>
            {report.recommendations.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={`#rec-${r.number}`}>
                    {r.number}. {r.title}
                  </a>
                </th>
                <td>{percent(r.attainment)}</td>
                <td>
                  <StatusBadge status={r.status} attainment={r.attainment} />
                </td>
                <td>{r.indicatorIds.length ? countStatuses(r.indicatorIds.flatMap((id) => (byId.get(id) ? [byId.get(id)!] : []))) : "none"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function ObjectiveRollup({ report }: { report: GapReport }) {
  const data = report.objectives.map((o) => attainmentDatum(o.id, `Obj. ${o.number}`, `Objective ${o.number}: ${o.title}`, o, `#obj-${o.number}`));
  const recNumber = new Map(report.recommendations.map((r) => [r.id, r.number]));
  return (
    <BarChartPanel
      id="objectives"
      title="Objective roll-up"
      summary={`Each of the 4 strategic objectives rolls up the recommendations that serve it: ${countStatuses(report.objectives)}.`}
      data={data}
      layout="horizontal"
      max={100}
      valueFormat="percent"
      height={280}
      categoryWidth={48}
      table={
        <table className="data-table">
          <caption className="sr-only">Objective roll-up</caption>
          <thead>
            <tr>
              <th scope="col">Objective</th>
              <th scope="col">Attainment</th>
              <th scope="col">Status</th>
              <th scope="col">Served by</th>
            </tr>
          </thead>
          <tbody>
            {report.objectives.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <a href={`#obj-${o.number}`}>
                    {o.number}. {o.title}
                  </a>
                </th>
                <td>{percent(o.attainment)}</td>
                <td>
                  <StatusBadge status={o.status} attainment={o.attainment} />
                </td>
                <td>
                  {o.recommendationIds.map((id, i) => (
                    <span key={id}>
                      {i > 0 ? ", " : ""}
                      <a href={`#rec-${recNumber.get(id)}`}>Rec. {recNumber.get(id)}</a>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function IndicatorBlock({ indicator: i, filters }: { indicator: IndicatorResult; filters: ReportFilters }) {
  return (
    <li className="print-keep rounded border border-[#dfe1e2] bg-white p-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h5 className="m-0 text-base font-semibold">{i.name}</h5>
        <StatusBadge status={i.status} attainment={i.attainment} />
      </div>
      <p className="m-0 mt-1">
        <strong>{formatValue(i.value, i.format)}</strong> against a target of <strong>{formatValue(i.target, i.format)}</strong>{" "}
        <span className="text-[#565c65]">({i.unit})</span>
      </p>
      <p className="m-0 mt-1">{i.summary}</p>
      {i.error ? <p className="m-0 mt-1 font-semibold text-[#b50909]">Settings problem: {i.error}</p> : null}
      {i.breakdown.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer font-semibold text-[#005ea2]">
            The numbers behind it<span className="sr-only"> ({i.name})</span>
          </summary>
          <table className="data-table mt-2">
            <caption className="sr-only">Breakdown of {i.name}</caption>
            <tbody>
              {i.breakdown.map((b) => (
                <tr key={b.label}>
                  <th scope="row" className="font-normal">
                    {b.label}
                  </th>
                  <td>{b.drill ? <Link href={recordsHref(filters, b.drill)}>{b.value}</Link> : b.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {i.drill ? (
        <p className="m-0 mt-2 text-sm print:hidden">
          <Link href={recordsHref(filters, i.drill)}>
            Records counted<span className="sr-only"> for {i.name}</span>
          </Link>
          <span className="text-[#565c65]"> · {i.description}</span>
        </p>
      ) : null}
    </li>
  );
}

/** Objectives with their recommendations, then each recommendation with its indicators. */
export function TraceabilityDetails({ report, filters }: { report: GapReport; filters: ReportFilters }) {
  const indicatorsOf = (r: RecommendationResult) => report.indicators.filter((i) => i.recommendationId === r.id);
  const recById = new Map(report.recommendations.map((r) => [r.id, r]));
  const objectivesOf = (r: RecommendationResult) => report.objectives.filter((o) => o.recommendationIds.includes(r.id));
  return (
    <div className="space-y-8">
      <section aria-labelledby="objectives-detail-title">
        <h3 id="objectives-detail-title">Objectives and the recommendations that serve them</h3>
        <ul className="m-0 grid list-none gap-3 p-0 md:grid-cols-2">
          {report.objectives.map((o: ObjectiveResult) => (
            <li key={o.id} id={`obj-${o.number}`} className="print-keep scroll-mt-4 rounded border border-[#dfe1e2] bg-white p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h4 className="m-0 text-base font-bold">
                  Objective {o.number}: {o.title}
                </h4>
                <StatusBadge status={o.status} attainment={o.attainment} />
              </div>
              <p className="m-0 mt-1 text-sm">Attainment {percent(o.attainment)}, from:</p>
              <ul className="m-0 mt-1 pl-5 text-sm">
                {o.recommendationIds.map((id) => {
                  const r = recById.get(id);
                  return r ? (
                    <li key={id}>
                      <a href={`#rec-${r.number}`}>
                        Rec. {r.number}: {r.title}
                      </a>{" "}
                      — {percent(r.attainment)}, {STATUS_LABEL[r.status].toLowerCase()}
                    </li>
                  ) : null;
                })}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recommendations-detail-title">
        <h3 id="recommendations-detail-title">Recommendations and their indicators</h3>
        <div className="space-y-6">
          {report.recommendations.map((r) => (
            <article key={r.id} id={`rec-${r.number}`} aria-labelledby={`rec-${r.number}-title`} className="scroll-mt-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-[#dfe1e2] pb-1">
                <h4 id={`rec-${r.number}-title`} className="m-0 text-lg font-bold">
                  Recommendation {r.number}: {r.title}
                </h4>
                <StatusBadge status={r.status} attainment={r.attainment} />
              </div>
              <p className="m-0 mt-1 text-sm text-[#565c65]">
                Serves{" "}
                {objectivesOf(r).map((o, i) => (
                  <span key={o.id}>
                    {i > 0 ? ", " : ""}
                    <a href={`#obj-${o.number}`}>objective {o.number}</a>
                  </span>
                ))}
                .{" "}
                <Link href={`/recommendations/${r.number}`}>
                  About this recommendation<span className="sr-only"> ({r.number})</span>
                </Link>
              </p>
              {indicatorsOf(r).length ? (
                <ul className="m-0 mt-2 grid list-none gap-3 p-0">
                  {indicatorsOf(r).map((i) => (
                    <IndicatorBlock key={i.id} indicator={i} filters={filters} />
                  ))}
                </ul>
              ) : (
                <p className="mt-2">No indicator measures this recommendation yet.</p>
              )}
            </article>
          ))}
        </div>
      </section>
    </div>
  );
}
