// The agency's data-call report as tables (server component): every figure with a link to
// the records behind it, and optionally its change against another report (the previous
// fiscal year's accepted submission).
import Link from "@/ui/link";
import { formatValue } from "@/domain/coverage-indicators";
import { figureHref, recordCount, type AnyFigure, type DataCallFigures } from "@/domain/data-call/assembly";
import { BOARD_STATUS_LABELS, type BoardStatus } from "@/domain/data-call/board";
import { NARRATIVE_FIELDS, NARRATIVE_LABELS, type Narrative } from "@/domain/data-call/inputs";
import type { FigureChange } from "@/domain/data-call/snapshot";
import { recordsSearchParams } from "@/domain/records-query";

const NUMBER = new Intl.NumberFormat("en-US");

function signed(n: number | null): string {
  if (n === null) return "—";
  return n > 0 ? `+${NUMBER.format(n)}` : n < 0 ? `−${NUMBER.format(-n)}` : "0";
}

export interface ReportLinks {
  fiscalYear: number;
  agencyId: string;
  /** "live" while a draft is assembled from today's records; a snapshot version once frozen. */
  source: "live" | number;
  /** Links are left out on paper. */
  links: boolean;
}

function FigureTable({ caption, figures, links, compare, empty }: { caption: string; figures: AnyFigure[]; links: ReportLinks; compare?: Map<string, FigureChange> | null; empty?: string }) {
  if (figures.length === 0) return <p>{empty ?? "Nothing to report."}</p>;
  return (
    <div className={`mt-4 overflow-x-auto print-keep ${compare ? "max-w-4xl" : "max-w-2xl"}`}>
      <table className="data-table">
        <caption className="text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" style={{ textAlign: "right" }}>
              Value
            </th>
            {compare ? (
              <>
                <th scope="col" style={{ textAlign: "right" }}>
                  Previous year
                </th>
                <th scope="col" style={{ textAlign: "right" }}>
                  Change
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => {
            const change = compare?.get(f.key);
            return (
              <tr key={f.key}>
                <th scope="row">{f.label}</th>
                <td className="tabular-nums" style={{ textAlign: "right" }}>
                  {links.links && recordCount(f) > 0 ? (
                    <Link href={figureHref(links.fiscalYear, links.agencyId, f.key, links.source)} aria-label={`${f.label}: ${NUMBER.format(f.value)}, show the ${recordCount(f)} records`}>
                      {NUMBER.format(f.value)}
                    </Link>
                  ) : (
                    NUMBER.format(f.value)
                  )}
                </td>
                {compare ? (
                  <>
                    <td className="tabular-nums" style={{ textAlign: "right" }}>{change?.before === null || change?.before === undefined ? "—" : NUMBER.format(change.before)}</td>
                    <td className="tabular-nums" style={{ textAlign: "right" }}>{signed(change?.change ?? null)}</td>
                  </>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function DataCallReport({ figures, links, yearOverYear }: { figures: DataCallFigures<AnyFigure>; links: ReportLinks; yearOverYear: FigureChange[] | null }) {
  const compare = yearOverYear ? new Map(yearOverYear.map((c) => [c.key, c])) : null;
  const p = figures.participation;
  const reportFilters = { fy: figures.fiscalYear, agency: figures.agency.id };
  return (
    <div className="space-y-8">
      <section aria-labelledby="dc-participation">
        <h2 id="dc-participation">Participation</h2>
        {/* Two columns on wide screens (without the year-over-year columns), one on phones and paper. */}
        <div className={compare ? "" : "grid gap-x-10 xl:grid-cols-2"}>
          <div>
            <FigureTable caption="Participation in the fiscal year" figures={p.summary} links={links} compare={compare} />
            <FigureTable caption="Engagements by depth" figures={p.byDepth} links={links} compare={compare} />
            <FigureTable caption="Leadership positions by role" figures={p.leadershipByRole} links={links} compare={compare} />
            <FigureTable caption="Engagements by key application" figures={p.byKeyApplication} links={links} compare={compare} empty="No engagements in a key application this year." />
          </div>
          <div>
            <FigureTable caption="Engagements by SDO" figures={p.bySdo} links={links} compare={compare} empty="No engagements in an SDO this year." />
            <FigureTable caption="Engagements by core area" figures={p.byCoreArea} links={links} compare={compare} empty="No engagements in a core area this year." />
          </div>
        </div>
      </section>
      <section aria-labelledby="dc-use" className="print-break-before">
        <h2 id="dc-use">Use of standards (OMB Circular A-119)</h2>
        <FigureTable caption="Adoptions in the fiscal year by category" figures={figures.standardsUse.byCategory} links={links} compare={compare} />
        <h3 className="mt-4">Government-unique standards used instead of voluntary ones</h3>
        {figures.standardsUse.governmentUnique.length === 0 ? (
          <p>None this year.</p>
        ) : (
          <ul>
            {figures.standardsUse.governmentUnique.map((g) => (
              <li key={g.activityId}>
                {links.links ? <Link href={`/activities/${encodeURIComponent(g.activityId)}`}>{g.title}</Link> : g.title}
                {g.standard ? ` (${g.standard})` : ""}: <span className="whitespace-pre-line">{g.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="dc-activities">
        <h2 id="dc-activities">Other activities in the year</h2>
        <FigureTable caption="Activities started in the fiscal year, by kind" figures={figures.activities} links={links} compare={compare} />
      </section>
      <section aria-labelledby="dc-indicators" className="print-keep">
        <h2 id="dc-indicators">Contribution to the recommendations</h2>
        <p className="max-w-3xl">The coverage engine&apos;s indicators computed for this agency alone, for the fiscal year.</p>
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="text-left font-semibold">Indicators of the 8 recommendations for this agency</caption>
            <thead>
              <tr>
                <th scope="col">Recommendation</th>
                <th scope="col">Indicator</th>
                <th scope="col" style={{ textAlign: "right" }}>
                  Value
                </th>
                <th scope="col" style={{ textAlign: "right" }}>
                  Target
                </th>
                <th scope="col">Status</th>
                {compare ? (
                  <th scope="col" style={{ textAlign: "right" }}>
                    Change
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {figures.indicators.map((i) => (
                <tr key={i.key}>
                  <td>
                    {i.recommendationNumber}. {i.recommendationTitle}
                  </td>
                  <th scope="row">{i.label}</th>
                  <td className="tabular-nums" style={{ textAlign: "right" }}>
                    {links.links && i.drill && links.source === "live" ? (
                      <Link href={`/dashboard/records?${recordsSearchParams(reportFilters, i.drill)}`}>{formatValue(i.value, i.format)}</Link>
                    ) : (
                      formatValue(i.value, i.format)
                    )}
                  </td>
                  <td className="tabular-nums" style={{ textAlign: "right" }}>{formatValue(i.target, i.format)}</td>
                  <td>{i.status === "met" ? "Met" : i.status === "partial" ? "Partial" : "Gap"}</td>
                  {compare ? <td className="tabular-nums" style={{ textAlign: "right" }}>{i.format === "percent" ? "—" : signed(compare.get(i.key)?.change ?? null)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

export function NarrativeView({ narrative }: { narrative: Narrative }) {
  return (
    <dl className="max-w-3xl">
      {NARRATIVE_FIELDS.map((f) => (
        <div key={f} className="mb-4 print-keep">
          <dt className="font-semibold">{NARRATIVE_LABELS[f].label}</dt>
          <dd className="m-0 whitespace-pre-line">{narrative[f] || "Not written yet."}</dd>
        </div>
      ))}
    </dl>
  );
}

const STATUS_CLASS: Record<BoardStatus, string> = {
  NOT_STARTED: "bg-[#dfe1e2] text-[#1b1b1b]",
  DRAFT: "bg-[#e7f2f8] text-[#1a4480]",
  RETURNED: "bg-[#faf3d1] text-[#1b1b1b]",
  SUBMITTED: "bg-[#d9e8f6] text-[#162e51]",
  ACCEPTED: "bg-[#ecf3ec] text-[#19311e]",
  OVERDUE: "bg-[#f4e3db] text-[#8b0a03]",
};

export function StatusTag({ status }: { status: BoardStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${STATUS_CLASS[status]}`}>{BOARD_STATUS_LABELS[status]}</span>;
}
