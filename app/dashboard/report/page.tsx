// Printable gap report of the dashboard's current view (same filters, same scope): every
// number as a table, laid out for paper by the print CSS.
import "@/ui/coverage/coverage.css";
import type { Metadata } from "next";
import Link from "@/ui/link";
import { connection } from "next/server";
import { SUBJECT_LABEL } from "@/domain/coverage-gaps";
import { formatValue } from "@/domain/coverage-indicators";
import type { CoverageRow } from "@/domain/coverage-report";
import { reportSearchParams, type ReportFilters } from "@/domain/records-query";
import { requirePage } from "@/server/auth/session";
import { redirectWhenBusy } from "@/server/coverage/busy";
import { loadGapReport } from "@/server/coverage/dashboard";
import { parseReportFilters } from "@/server/coverage/report-filters";
import { GapCodeTag, GapList } from "@/ui/coverage/gap-list";
import { HeatmapLegend, HeatmapTable, LEVEL_LABEL, heatColorOf, heatmapSummary } from "@/ui/coverage/heatmap";
import { dashboardHref, recordsHref } from "@/ui/coverage/links";
import { PrintButton } from "@/ui/coverage/print-button";
import { StatusBadge, percent } from "@/ui/coverage/status";
import { STAGE_LABEL } from "@/ui/stage";

export const metadata: Metadata = { title: "Gap report" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NUMBER = new Intl.NumberFormat("en-US");
/** Standards without a participant listed on paper; the exports carry all of them. */
const STANDARDS_ON_PAPER = 200;

/** "3" or, for a committee with sub-groups, "1 direct / 3 incl. sub-groups". */
function rolled(r: CoverageRow, pick: (m: CoverageRow["metrics"]) => number) {
  if (!r.direct || !r.subgroups) return NUMBER.format(pick(r.metrics));
  return (
    <>
      {NUMBER.format(pick(r.direct))} direct
      <span className="block text-sm">{NUMBER.format(pick(r.metrics))} incl. sub-groups</span>
    </>
  );
}

function CoverageTable({ title, rows, filters }: { title: string; rows: CoverageRow[]; filters: ReportFilters }) {
  return (
    <div className="mt-6 overflow-x-auto">
      <table className="data-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{rows[0] ? SUBJECT_LABEL[rows[0].kind] : "Subject"}</th>
            <th scope="col">Engagements</th>
            <th scope="col">Participants</th>
            <th scope="col">Agencies</th>
            <th scope="col">Leadership</th>
            <th scope="col">Score</th>
            <th scope="col">Depth level</th>
            <th scope="col">Contribute or deeper</th>
            <th scope="col">Last activity</th>
            <th scope="col">Gaps</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={recordsHref(filters, r.drill)}>{r.label}</Link>
              </th>
              <td>{rolled(r, (m) => m.engagements)}</td>
              <td>{rolled(r, (m) => m.participants)}</td>
              <td>{NUMBER.format(r.metrics.agencies)}</td>
              <td>{rolled(r, (m) => m.leadership)}</td>
              <td>{NUMBER.format(r.score)}</td>
              <td>{LEVEL_LABEL[r.level]}</td>
              <td>{r.deepShare === null ? "—" : percent(r.deepShare)}</td>
              <td>{r.metrics.lastActivity ?? "—"}</td>
              <td>
                {r.flags.length ? (
                  <span className="flex flex-wrap gap-1">
                    {r.flags.map((f) => (
                      <GapCodeTag key={f.code} code={f.code} />
                    ))}
                  </span>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function ReportPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const requested = parseReportFilters(params);
  const color = heatColorOf(params.color);
  const qs = reportSearchParams(requested).toString();
  const here = `/dashboard/report${qs ? `?${qs}` : ""}`;
  const session = await requirePage("dashboard.read", here);
  const { report, filters, notices } = await loadGapReport(session.scope, requested).catch(redirectWhenBusy(here));
  const subjectGaps = report.gaps.filter((g) => g.subject.kind !== "standard");
  const standards = report.standardsInDevelopment.withoutParticipant;
  const heat = report.heatmaps;
  return (
    <article aria-labelledby="report-title">
      <p className="m-0 text-sm font-semibold tracking-wide text-[#565c65] uppercase">Standards Engagement Tracker · NISTIR 8074 coverage</p>
      <h1 id="report-title">Gap report: {report.periodLabel}</h1>
      <dl className="m-0 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Agency</dt>
        <dd className="m-0">{report.agency ? `${report.agency.acronym} — ${report.agency.name}` : "All agencies"}</dd>
        <dt className="font-semibold">SDO</dt>
        <dd className="m-0">{report.sdo ? `${report.sdo.acronym} — ${report.sdo.name}` : "All SDOs"}</dd>
        <dt className="font-semibold">As of</dt>
        <dd className="m-0">{report.asOf}</dd>
        <dt className="font-semibold">Generated</dt>
        <dd className="m-0">
          {report.generatedAt.slice(0, 16).replace("T", " ")} UTC for {session.user.name}
        </dd>
      </dl>
      {notices.map((n) => (
        <p key={n} role="status" className="border-l-8 border-[#ffbe2e] bg-[#faf3d1] px-4 py-2">
          {n}
        </p>
      ))}
      <div className="mt-4 flex flex-wrap items-center gap-4 print:hidden">
        <PrintButton />
        <Link href={dashboardHref(filters)}>Back to the dashboard</Link>
      </div>

      <h2>Summary</h2>
      <p>
        {NUMBER.format(report.totals.engagements)} active engagements by {NUMBER.format(report.totals.participants)} participants from{" "}
        {NUMBER.format(report.totals.agencies)} agencies, {NUMBER.format(report.totals.leadership)} of them in leadership positions
        (a leadership role held in the period; depth-weighted score {NUMBER.format(report.totals.score)}). {NUMBER.format(report.gaps.length)}{" "}
        gaps are flagged. Statuses: met from {percent(report.settings.thresholds.met)} attainment, partial from{" "}
        {percent(report.settings.thresholds.partial)}, a gap below.
      </p>

      <h2>Objectives</h2>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">Objectives</caption>
          <thead>
            <tr>
              <th scope="col">Objective</th>
              <th scope="col">Attainment</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {report.objectives.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  {o.number}. {o.title}
                </th>
                <td>{percent(o.attainment)}</td>
                <td>
                  <StatusBadge status={o.status} attainment={o.attainment} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Recommendations and indicators</h2>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">Recommendations and their indicators</caption>
          <thead>
            <tr>
              <th scope="col">Recommendation / indicator</th>
              <th scope="col">Value</th>
              <th scope="col">Target</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {report.recommendations.flatMap((r) => [
              <tr key={r.id} className="bg-[#f0f0f0]">
                <th scope="row">
                  Recommendation {r.number}: {r.title}
                </th>
                <td>{percent(r.attainment)}</td>
                <td>100%</td>
                <td>
                  <StatusBadge status={r.status} attainment={r.attainment} />
                </td>
              </tr>,
              ...report.indicators
                .filter((i) => i.recommendationId === r.id)
                .map((i) => (
                  <tr key={i.id}>
                    <th scope="row" className="pl-6 font-normal">
                      {i.name}
                      <span className="block text-sm text-[#565c65]">{i.summary}</span>
                    </th>
                    <td>{formatValue(i.value, i.format)}</td>
                    <td>
                      {formatValue(i.target, i.format)} <span className="text-sm text-[#565c65]">{i.unit}</span>
                    </td>
                    <td>
                      <StatusBadge status={i.status} attainment={i.attainment} />
                    </td>
                  </tr>
                )),
            ])}
          </tbody>
        </table>
      </div>

      <h2 className="print-break-before">Gaps, worst first</h2>
      <p>
        {NUMBER.format(subjectGaps.length)} gaps in core areas, key applications, SDOs, committees and heatmap cells; standards in
        development without a federal participant are listed at the end.
      </p>
      <GapList id="report-gaps" gaps={subjectGaps} filters={filters} />

      <h2 className="print-break-before">Heatmaps</h2>
      <div>
        <h3 id="report-heat-ka-title">Core area × key application</h3>
        <p className="text-sm">{heatmapSummary(heat.coreAreaKeyApplication)}</p>
        <HeatmapLegend maxScore={heat.coreAreaKeyApplication.maxScore} color={color} />
        <HeatmapTable id="report-heat-ka" title="Core area × key application" map={heat.coreAreaKeyApplication} filters={filters} color={color} />
      </div>
      <div className="mt-6">
        <h3 id="report-heat-sdo-title">Core area × SDO</h3>
        <p className="text-sm">{heatmapSummary(heat.coreAreaSdo)}</p>
        <HeatmapLegend maxScore={heat.coreAreaSdo.maxScore} color={color} />
        <HeatmapTable id="report-heat-sdo" title="Core area × SDO" map={heat.coreAreaSdo} filters={filters} color={color} />
      </div>

      <h2 className="print-break-before">Coverage by subject</h2>
      <CoverageTable filters={filters} title="Core areas" rows={report.coreAreas} />
      <CoverageTable filters={filters} title="Key applications" rows={report.keyApplications} />
      <CoverageTable filters={filters} title="SDOs" rows={report.sdos} />
      <CoverageTable filters={filters} title="Committees" rows={report.committees} />
      <p className="text-sm">
        A committee with sub-groups (SC 27 and its working groups) shows its own engagements (“direct”) and those of every group below it
        (“incl. sub-groups”); its gap flags judge it with its sub-groups.
      </p>

      <h2>Standards in development without a federal participant</h2>
      {standards.length === 0 ? (
        <p>None.</p>
      ) : (
        <>
          <p>
            {NUMBER.format(standards.length)} standards
            {standards.length > STANDARDS_ON_PAPER ? `; the first ${STANDARDS_ON_PAPER} are listed, the CSV and JSON exports list all` : ""}.
          </p>
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">Standards in development without a federal participant</caption>
              <thead>
                <tr>
                  <th scope="col">Standard</th>
                  <th scope="col">Stage</th>
                  <th scope="col">SDO</th>
                  <th scope="col">Committee</th>
                </tr>
              </thead>
              <tbody>
                {standards.slice(0, STANDARDS_ON_PAPER).map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      {s.designation} <span className="font-normal">{s.title}</span>
                    </th>
                    <td>{STAGE_LABEL[s.stage]}</td>
                    <td>{s.sdoAcronym}</td>
                    <td>{s.committeeDesignation ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p className="mt-8 text-sm text-[#565c65]">
        Depth weights: observe {report.settings.weights.OBSERVE}, attend {report.settings.weights.ATTEND}, contribute{" "}
        {report.settings.weights.CONTRIBUTE}, lead {report.settings.weights.LEAD}; a subject is “not confirmed lately” when none of its seats
        started, ended or was confirmed still active for {report.settings.staleMonths} months. Much of the
        NISTIR 8074 Vol. 2 reference material is inferred; demo participants are synthetic.
      </p>
    </article>
  );
}
