// Coverage dashboard for working-group leads (and admins; coordinators see their own
// agency's view): the recommendation scorecard, the objective roll-up, the ranked gaps,
// heatmaps core area × key application and core area × SDO, and the trend. Every number
// links down to the records behind it.
import "@/ui/coverage/coverage.css";
import type { Metadata } from "next";
import Link from "@/ui/link";
import { connection } from "next/server";
import { DEPTHS } from "@/domain/coverage-metrics";
import { DEPTH_LABELS } from "@/domain/participation/inputs";
import { reportSearchParams } from "@/domain/records-query";
import { requirePage } from "@/server/auth/session";
import { redirectWhenBusy } from "@/server/coverage/busy";
import { loadDashboard } from "@/server/coverage/dashboard";
import { parseReportFilters } from "@/server/coverage/report-filters";
import { PageHeading } from "@/ui/page-heading";
import { ExportButtons } from "@/ui/coverage/export-buttons";
import { percent } from "@/ui/coverage/status";
import { ReportFilterForm } from "@/ui/coverage/filter-form";
import { GapCounts, GapList } from "@/ui/coverage/gap-list";
import { HeatmapLegend, HeatmapTable, heatColorOf, heatmapSummary, type HeatColor } from "@/ui/coverage/heatmap";
import { recordsHref, reportHref } from "@/ui/coverage/links";
import { ObjectiveRollup, RecommendationScorecard, TraceabilityDetails } from "@/ui/coverage/scorecard";
import { TrendPanel } from "@/ui/coverage/trend";

export const metadata: Metadata = { title: "Coverage dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TOP_GAPS = 12;
const NUMBER = new Intl.NumberFormat("en-US");

export default async function DashboardPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const requested = parseReportFilters(params);
  const color = heatColorOf(params.color);
  const qs = reportSearchParams(requested).toString();
  const here = `/dashboard${qs ? `?${qs}` : ""}`;
  const session = await requirePage("dashboard.read", here);
  const { report, trend, filters, notices, choices } = await loadDashboard(session.scope, requested).catch(redirectWhenBusy(here));
  const scopeWords = [report.agency ? report.agency.acronym : "all agencies", report.sdo ? `at ${report.sdo.acronym}` : "all SDOs"].join(", ");
  const totals = report.totals;
  const cards = [
    { label: "Active engagements", value: totals.engagements, href: recordsHref(filters, { kind: "engagements" }) },
    { label: "Participants", value: totals.participants, href: recordsHref(filters, { kind: "engagements" }) },
    { label: "Agencies", value: totals.agencies, href: recordsHref(filters, { kind: "engagements" }) },
    { label: "Leadership positions (roles)", value: totals.leadership, href: recordsHref(filters, { kind: "engagements", leadership: true }) },
    { label: "Depth-weighted score", value: totals.score, href: recordsHref(filters, { kind: "engagements" }) },
  ];
  const heat = report.heatmaps;
  const colorHref = (c: HeatColor) => {
    const p = reportSearchParams(filters);
    if (c === "depth") p.set("color", "depth");
    const q = p.toString();
    return `/dashboard${q ? `?${q}` : ""}#heatmaps`;
  };
  return (
    <>
      <PageHeading
        title="Coverage dashboard"
        eyebrow="NISTIR 8074 coverage gaps"
        lead={
          <p>
            {report.periodLabel}, {scopeWords}. Where U.S. engagement is missing, and which of the report&apos;s recommendations
            and objectives are not being met.
          </p>
        }
      />
      {notices.map((n) => (
        <p key={n} role="status" className="border-l-8 border-[#ffbe2e] bg-[#faf3d1] px-4 py-2">
          {n}
        </p>
      ))}
      <ReportFilterForm
        action="/dashboard"
        filters={filters}
        period={report.period}
        fiscalYears={choices.fiscalYears}
        agencies={choices.agencies}
        lockedAgency={choices.agencies ? null : report.agency}
        sdos={choices.sdos}
        keep={color === "depth" ? { color } : undefined}
      />
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <ExportButtons filters={filters} />
        <Link href={reportHref(filters)} className="font-semibold print:hidden">
          Printable report of this view
        </Link>
      </div>

      <h2 id="summary-title">At a glance</h2>
      <ul aria-labelledby="summary-title" className="m-0 grid list-none gap-3 p-0 sm:grid-cols-3 lg:grid-cols-5">
        {cards.map((c) => (
          <li key={c.label} className="rounded border border-[#dfe1e2] border-t-4 border-t-[#005ea2] bg-white p-3">
            <Link href={c.href} className="block no-underline">
              <span className="block text-2xl font-bold text-[#1b1b1b]">{NUMBER.format(c.value)}</span>
              <span className="block font-semibold underline">{c.label}</span>
            </Link>
          </li>
        ))}
      </ul>

      <h2>Recommendations and objectives</h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <RecommendationScorecard report={report} />
        <ObjectiveRollup report={report} />
      </div>
      <p className="mt-2 text-sm">
        <a href="#traceability">How each score is made up, down to the records</a>
      </p>

      <h2 id="gaps-title">Top gaps</h2>
      <div className="grid gap-6 lg:grid-cols-[1fr_19rem]">
        <GapList id="top-gaps" gaps={report.gaps} filters={filters} limit={TOP_GAPS} />
        <div>
          <h3 className="mt-0 text-base">All {NUMBER.format(report.gaps.length)} gaps by kind</h3>
          <GapCounts gaps={report.gaps} />
          <p className="mt-3 text-sm">
            <Link href={reportHref(filters)}>Every gap with its reason, in the printable report</Link>
          </p>
        </div>
      </div>

      <h2 id="heatmaps">Heatmaps</h2>
      <p className="max-w-3xl">
        {color === "depth" ? (
          <>
            Each cell is coloured by its depth level: the deepest seat active in the period, from 1 (observe) to 4 (lead); the cell also
            shows the share of its seats at “contribute” or deeper.
          </>
        ) : (
          <>
            Each cell is coloured by its volume: the depth-weighted score of the engagements active in the period (
            {DEPTHS.map((d) => `${DEPTH_LABELS[d].toLowerCase()} ${report.settings.weights[d]}`).join(", ")}).
          </>
        )}{" "}
        Select a cell for its engagements.
      </p>
      <nav aria-label="Heatmap colour" className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-semibold">Colour by:</span>
        {(["volume", "depth"] as const).map((c) => (
          <Link key={c} href={colorHref(c)} aria-current={c === color ? "true" : undefined} className={c === color ? "font-bold no-underline" : ""}>
            {c === "volume" ? "volume (depth-weighted score)" : "depth level (1–4)"}
          </Link>
        ))}
      </nav>
      <div className="mt-4">
        <h3 id="heat-ka-title">Core area × key application</h3>
        <p className="text-sm text-[#565c65]">{heatmapSummary(heat.coreAreaKeyApplication)}</p>
        <HeatmapLegend maxScore={heat.coreAreaKeyApplication.maxScore} color={color} />
        <HeatmapTable id="heat-ka" title="Core area × key application" map={heat.coreAreaKeyApplication} filters={filters} color={color} />
      </div>
      <div className="mt-8">
        <h3 id="heat-sdo-title">Core area × SDO</h3>
        <p className="text-sm text-[#565c65]">{heatmapSummary(heat.coreAreaSdo)}</p>
        <HeatmapLegend maxScore={heat.coreAreaSdo.maxScore} color={color} />
        <HeatmapTable id="heat-sdo" title="Core area × SDO" map={heat.coreAreaSdo} filters={filters} color={color} />
      </div>

      <h2>Over time</h2>
      <TrendPanel trend={trend} filters={filters} />

      <h2 id="traceability">From objectives to records</h2>
      <TraceabilityDetails report={report} filters={filters} />

      <h2>How the numbers are computed</h2>
      <ul className="max-w-3xl">
        <li>An engagement counts when it is active in the period: it starts on or before the last day and has not ended before the first.</li>
        <li>
          It counts towards the core areas and key applications of its committee and of its standard; its SDO is its committee&apos;s
          (or its standard&apos;s). An engagement at the SDO level (no committee, on a standard of an SDO such as NIST) counts where its
          standard does.
        </li>
        <li>
          A leadership position is an engagement in a leadership role (chair, vice-chair, convenor, editor, co-editor, rapporteur, secretary,
          head of delegation) held in the period. The “no leadership position” flag, the leadership counts and the “core areas where a
          federal participant leads” indicator all use this one meaning; a leadership role is entered at depth “lead”.
        </li>
        <li>
          A committee with sub-groups is judged with them: its numbers count its own engagements (“direct”) and those of every working
          group below it (“including sub-groups”), and its drill-down lists both. A seat on the parent counts for the parent&apos;s own core
          areas only, not for those of each working group.
        </li>
        <li>
          Statuses compare attainment (value ÷ target, at most 100%) with the same thresholds for indicators, recommendations and
          objectives: met from {percent(report.settings.thresholds.met)}, partial from {percent(report.settings.thresholds.partial)}, a
          gap below. A recommendation&apos;s attainment is the mean of its indicators&apos;; an objective&apos;s, the mean of its
          recommendations&apos;.
        </li>
        <li>
          Volume is the depth-weighted score; the depth level of a cell is its deepest active seat (1 observe, 2 attend, 3 contribute, 4
          lead), with the share of its seats at “contribute” or deeper.
        </li>
        <li>
          “Not confirmed lately” means no seat started, ended or was confirmed still active (the coordinator&apos;s one-click “confirm
          still active”) for more than {report.settings.staleMonths} months before {report.asOf}.
          {session.user.role === "ADMIN" ? (
            <>
              {" "}
              <Link href="/admin/coverage">Change the weights, the thresholds, that period and the indicators</Link>.
            </>
          ) : null}
        </li>
        <li>
          Indicator targets are per fiscal year and government-wide. Targets for counts of activities are scaled to the part of the
          period that has passed, so a running year or a longer range is judged fairly.
        </li>
      </ul>
    </>
  );
}
