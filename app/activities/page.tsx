// Activities (training, adoption, international exchange, public-private collaboration,
// interagency coordination): filterable, sortable, paginated, URL-driven, exportable.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { connection } from "next/server";
import { ACTIVITY_KINDS, ACTIVITY_LABELS } from "@/domain/participation/inputs";
import { activityFilterProblems, type ActivityFilters, parseActivityFilters, toQueryString } from "@/domain/participation/list-filters";
import { can } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { listActivities } from "@/server/participation/activities";
import { agencyChoices, committeeChoices, sdoChoices } from "@/server/participation/options";
import { getParticipant } from "@/server/participation/participants";
import { fromDate } from "@/server/participation/scope";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import {
  actionLinkClass, Empty, FilterInput, FilterSelect, first, IgnoredFilters, secondaryLinkClass, SortHeader, SuccessNotice,
} from "@/ui/participation/list-bits";

export const metadata: Metadata = { title: "Activities" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivitiesPage({ searchParams }: Props) {
  await connection();
  const raw = await searchParams;
  const filters = parseActivityFilters(raw);
  const session = await requirePage("participation.read", `/activities${toQueryString(filters)}`);
  const pinned = session.scope.agencyId !== null;
  const view: ActivityFilters = { ...filters, agency: pinned ? undefined : filters.agency };
  const canWrite = can(session.user.role, "participation.write");
  const [result, agencies, sdos, committees, person] = await Promise.all([
    listActivities(session.scope, view),
    pinned ? null : agencyChoices(),
    sdoChoices(),
    committeeChoices(view.sdo),
    view.participant ? getParticipant(session.scope, view.participant) : null,
  ]);
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const filtered = toQueryString(view, { page: undefined, sort: undefined, dir: undefined }) !== "";
  const exportHref = (format: string) => `/activities/export${toQueryString({ ...view, page: undefined }, { format })}`;
  return (
    <>
      {first(raw.deleted) === "1" ? <SuccessNotice>The activity was deleted.</SuccessNotice> : null}
      <IgnoredFilters problems={activityFilterProblems(raw)} />
      <PageHeading
        title="Activities"
        lead={<p>Training, adoption of standards, international exchanges, public–private collaboration and interagency coordination{pinned ? ` of ${session.user.agencyAcronym}` : ""}.</p>}
      />
      <div className="mb-4 flex flex-wrap gap-3">
        {canWrite ? (
          <Link href="/activities/new" className={actionLinkClass}>
            Add an activity
          </Link>
        ) : null}
        <a href={exportHref("csv")} className={secondaryLinkClass} download>
          Export CSV<span className="sr-only"> of this filtered list</span>
        </a>
        <a href={exportHref("json")} className={secondaryLinkClass} download>
          Export JSON<span className="sr-only"> of this filtered list</span>
        </a>
      </div>
      <form role="search" aria-label="Filter activities" method="get" action="/activities" className="mb-4 rounded border border-[#dfe1e2] bg-[#f0f0f0] p-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterInput id="f-q" name="q" label="Search (title, counterpart, description)" value={view.q} type="search" />
          <FilterSelect id="f-kind" name="kind" label="Kind" value={view.kind} choices={ACTIVITY_KINDS.map((k) => ({ id: k, label: ACTIVITY_LABELS[k] }))} emptyLabel="All kinds" />
          {agencies ? <FilterSelect id="f-agency" name="agency" label="Agency" value={view.agency} choices={agencies} emptyLabel="All agencies" /> : null}
          <FilterSelect id="f-sdo" name="sdo" label="SDO" value={view.sdo} choices={sdos} emptyLabel="All SDOs" />
          <FilterSelect id="f-committee" name="committee" label="Committee" value={view.committee} choices={committees} emptyLabel="All committees" />
          <FilterInput id="f-from" name="from" label="On or after" value={view.from} type="date" />
          <FilterInput id="f-to" name="to" label="Started on or before" value={view.to} type="date" />
        </div>
        {view.participant ? <input type="hidden" name="participant" value={view.participant} /> : null}
        {view.standard ? <input type="hidden" name="standard" value={view.standard} /> : null}
        <input type="hidden" name="sort" value={view.sort} />
        <input type="hidden" name="dir" value={view.dir} />
        {view.participant ? (
          <p className="m-0 mt-3">
            Person: <strong>{person?.name ?? "unknown"}</strong>{" "}
            <Link href={`/activities${toQueryString(view, { participant: undefined, page: undefined })}`}>
              Remove<span className="sr-only"> the person filter</span>
            </Link>
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-[#005ea2] px-4 py-2 font-semibold text-white hover:bg-[#1a4480]">
            Apply filters
          </button>
          {filtered ? <Link href="/activities">Clear filters</Link> : null}
        </div>
      </form>
      <h2 className="text-xl" aria-live="polite">
        {result.total === 0 ? "No activities found" : `${result.total.toLocaleString("en-US")} ${result.total === 1 ? "activity" : "activities"}`}
      </h2>
      {result.total === 0 ? (
        <div className="rounded border border-[#dfe1e2] p-4">
          {filtered ? (
            <p className="m-0">
              No activity matches these filters. Widen the dates or <Link href="/activities">clear the filters</Link>.
            </p>
          ) : canWrite ? (
            <p className="m-0">
              No activities yet. <Link href="/activities/new">Log the first activity</Link>, for example a training or the adoption of a standard.
            </p>
          ) : (
            <p className="m-0">No activities have been recorded yet. Coordinators log their agency&apos;s activities.</p>
          )}
        </div>
      ) : (
        <>
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">
                Activities, page {result.page} of {pageCount}. Column headers sort the list.
              </caption>
              <thead>
                <tr>
                  <SortHeader label="Title" sortKey="title" filters={view} basePath="/activities" />
                  <SortHeader label="Kind" sortKey="kind" filters={view} basePath="/activities" />
                  <SortHeader label="Agency" sortKey="agency" filters={view} basePath="/activities" />
                  <th scope="col">Counterpart</th>
                  <th scope="col">SDO / committee / standard</th>
                  <SortHeader label="Start" sortKey="startDate" filters={view} basePath="/activities" firstDir="desc" />
                  <th scope="col">End</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((a) => {
                  const place = [a.sdo?.acronym, a.committee?.designation, a.standard?.designation].filter(Boolean).join(" · ");
                  return (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link href={`/activities/${encodeURIComponent(a.id)}`}>{a.title}</Link>
                      </th>
                      <td>{ACTIVITY_LABELS[a.kind]}</td>
                      <td>{a.agency.acronym}</td>
                      <td>{a.counterpart ?? <Empty />}</td>
                      <td>{place || <Empty />}</td>
                      <td className="whitespace-nowrap">{fromDate(a.startDate)}</td>
                      <td className="whitespace-nowrap">{fromDate(a.endDate) ?? <Empty />}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination
            label="Activity pages"
            page={result.page}
            pageCount={pageCount}
            total={result.total}
            pageSize={result.pageSize}
            hrefFor={(page) => `/activities${toQueryString(view, { page })}`}
          />
        </>
      )}
    </>
  );
}
