// The records behind a dashboard number (a heatmap cell, a bar, a gap, an indicator):
// engagements, activities or standards, with the same filters and definitions as the
// engine, scoped like the dashboard, paginated in the database.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { connection } from "next/server";
import { ACTIVITY_LABEL } from "@/domain/coverage-indicators";
import { DEPTH_LABELS, ROLE_LABELS } from "@/domain/participation/inputs";
import { periodLabel } from "@/domain/fiscal-year";
import { recordsSearchParams, type RecordsQuery } from "@/domain/records-query";
import { requirePage } from "@/server/auth/session";
import { loadRecords } from "@/server/coverage/records";
import { parseRecordsQuery } from "@/server/coverage/records";
import { parseReportFilters } from "@/server/coverage/report-filters";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { STAGE_LABEL } from "@/ui/stage";
import { dashboardHref } from "@/ui/coverage/links";

export const metadata: Metadata = { title: "Records behind the dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NUMBER = new Intl.NumberFormat("en-US");
const KIND_NOUN = { engagements: "engagements", activities: "activities", standards: "standards" } as const;

function describe(query: RecordsQuery, labels: Awaited<ReturnType<typeof loadRecords>>["labels"]): string[] {
  const parts: string[] = [];
  if (labels.committees.length) parts.push(`in ${labels.committees.join(" or ")}`);
  if (labels.coreAreas.length) parts.push(`${labels.committees.length ? "or " : ""}in core area ${labels.coreAreas.join(" or ")}`);
  if (labels.keyApplications.length) parts.push(`in key application ${labels.keyApplications.join(" or ")}`);
  if (labels.sdo) parts.push(`at ${labels.sdo}`);
  if (labels.standard) parts.push(`on ${labels.standard}`);
  if (query.minDepth) parts.push(`at “${DEPTH_LABELS[query.minDepth].toLowerCase()}” depth or deeper`);
  if (query.leadership) parts.push("in a leadership role");
  if (query.activityKind) parts.push(`of kind “${ACTIVITY_LABEL[query.activityKind].many}”`);
  if (query.stage?.length) parts.push(`at stage ${query.stage.map((s) => STAGE_LABEL[s].toLowerCase()).join(" or ")}`);
  if (query.coverage) parts.push(query.coverage === "with" ? "with a federal engagement" : "without a federal engagement");
  if (labels.agency) parts.push(`from ${labels.agency}`);
  return parts;
}

export default async function RecordsPage({ searchParams }: Props) {
  await connection();
  const raw = await searchParams;
  const filters = parseReportFilters(raw);
  const { query, page } = parseRecordsQuery(raw);
  const session = await requirePage("dashboard.read", `/dashboard/records?${recordsSearchParams(filters, query).toString()}`);
  const result = await loadRecords(session.scope, filters, query, page);
  const noun = KIND_NOUN[query.kind];
  const what = describe(query, result.labels);
  const href = (p: number) => {
    const params = recordsSearchParams(filters, query);
    if (p > 1) params.set("page", String(p));
    return `/dashboard/records?${params.toString()}`;
  };
  const backFilters = { ...filters, sdo: filters.sdo };
  const records = result.records;
  return (
    <>
      <Breadcrumbs items={[{ href: dashboardHref(backFilters), label: "Coverage dashboard" }, { label: "Records" }]} />
      <PageHeading
        title={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} behind the number`}
        lead={
          <p>
            {query.kind === "activities" ? "Activities logged" : query.kind === "standards" ? "Standards" : "Engagements active"} in{" "}
            {periodLabel(result.period)}
            {what.length ? `, ${what.join(", ")}` : ""}.
          </p>
        }
      />
      <h2 aria-live="polite" className="text-xl">
        {result.total === 0 ? `No ${noun} match` : `${NUMBER.format(result.total)} ${result.total === 1 ? noun.replace(/ies$/, "y").replace(/s$/, "") : noun}`}
      </h2>
      {result.total === 0 ? (
        <div className="max-w-3xl">
          <p>
            Nothing was recorded here in this period: this is the gap. {query.coreArea?.length === 1 ? (
              <Link href={`/core-areas/${encodeURIComponent(query.coreArea[0]!)}`}>See the committees and standards of this core area</Link>
            ) : null}
          </p>
          <p>
            <Link href={dashboardHref(backFilters)}>Back to the dashboard</Link>
          </p>
        </div>
      ) : (
        <>
          <div className="overflow-x-auto">
            {records.kind === "engagements" ? (
              <table className="data-table">
                <caption className="sr-only">
                  Engagements, page {result.page} of {result.pageCount}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Participant</th>
                    <th scope="col">Agency</th>
                    <th scope="col">Committee</th>
                    <th scope="col">Standard</th>
                    <th scope="col">Role</th>
                    <th scope="col">Depth</th>
                    <th scope="col">Started</th>
                    <th scope="col">Ended</th>
                  </tr>
                </thead>
                <tbody>
                  {records.items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        <Link href={`/engagements/${encodeURIComponent(e.id)}`}>{e.participant}</Link>
                      </th>
                      <td>{e.agency}</td>
                      <td>{e.committee ? <Link href={`/committees/${encodeURIComponent(e.committee.id)}`}>{e.committee.designation}</Link> : "—"}</td>
                      <td>{e.standard ? <Link href={`/standards/${encodeURIComponent(e.standard.id)}`}>{e.standard.designation}</Link> : "—"}</td>
                      <td>{ROLE_LABELS[e.role]}</td>
                      <td>{DEPTH_LABELS[e.depth]}</td>
                      <td>{e.startDate}</td>
                      <td>{e.endDate ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : records.kind === "activities" ? (
              <table className="data-table">
                <caption className="sr-only">
                  Activities, page {result.page} of {result.pageCount}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Activity</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Agency</th>
                    <th scope="col">Counterpart</th>
                    <th scope="col">Date</th>
                  </tr>
                </thead>
                <tbody>
                  {records.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link href={`/activities/${encodeURIComponent(a.id)}`}>{a.title}</Link>
                      </th>
                      <td>{ACTIVITY_LABEL[a.kind].one}</td>
                      <td>{a.agency}</td>
                      <td>{a.counterpart ?? "—"}</td>
                      <td>{a.startDate}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <table className="data-table">
                <caption className="sr-only">
                  Standards, page {result.page} of {result.pageCount}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Designation</th>
                    <th scope="col">Title</th>
                    <th scope="col">Stage</th>
                    <th scope="col">SDO</th>
                    <th scope="col">Committee</th>
                  </tr>
                </thead>
                <tbody>
                  {records.items.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link href={`/standards/${encodeURIComponent(s.id)}`}>{s.designation}</Link>
                      </th>
                      <td>{s.title}</td>
                      <td>{STAGE_LABEL[s.stage]}</td>
                      <td>{s.sdo}</td>
                      <td>{s.committee ? <Link href={`/committees/${encodeURIComponent(s.committee.id)}`}>{s.committee.designation}</Link> : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <Pagination label={`${noun} pages`} page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} hrefFor={href} />
        </>
      )}
    </>
  );
}
