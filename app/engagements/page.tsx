// Engagements: filter by SDO, committee, core area, key application, depth, role,
// leadership, active/ended, person, agency (unscoped roles), date range and free text;
// sortable, paginated; the URL carries the view; CSV/JSON export of the same view.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { connection } from "next/server";
import {
  DEPTH_LABELS, DEPTHS, ENGAGEMENT_ROLES, isLeadership, ROLE_LABELS,
} from "@/domain/participation/inputs";
import { engagementFilterProblems, type EngagementFilters, parseEngagementFilters, toQueryString } from "@/domain/participation/list-filters";
import { can } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { listEngagements } from "@/server/participation/engagements";
import {
  agencyChoices, committeeChoices, coreAreaChoices, keyApplicationChoices, sdoChoices, standardChoice,
} from "@/server/participation/options";
import { getParticipant } from "@/server/participation/participants";
import { fromDate } from "@/server/participation/scope";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import {
  actionLinkClass, Empty, FilterInput, FilterSelect, first, IgnoredFilters, LeadershipTag, secondaryLinkClass, SortHeader, SuccessNotice,
} from "@/ui/participation/list-bits";

export const metadata: Metadata = { title: "Engagements" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS = [
  { id: "all", label: "Active and ended" },
  { id: "active", label: "Active" },
  { id: "ended", label: "Ended" },
];

export default async function EngagementsPage({ searchParams }: Props) {
  await connection();
  const raw = await searchParams;
  const filters = parseEngagementFilters(raw);
  const session = await requirePage("participation.read", `/engagements${toQueryString(filters)}`);
  const pinned = session.scope.agencyId !== null;
  const view: EngagementFilters = { ...filters, agency: pinned ? undefined : filters.agency };
  const canWrite = can(session.user.role, "participation.write");
  const [result, agencies, sdos, committees, coreAreas, keyApplications, person, standard] = await Promise.all([
    listEngagements(session.scope, view),
    pinned ? null : agencyChoices(),
    sdoChoices(),
    committeeChoices(view.sdo),
    coreAreaChoices(),
    keyApplicationChoices(),
    view.participant ? getParticipant(session.scope, view.participant) : null,
    standardChoice(view.standard),
  ]);
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const query = toQueryString(view, { page: undefined, sort: undefined, dir: undefined });
  const exportQuery = (format: string) => `/engagements/export${toQueryString({ ...view, page: undefined }, { format })}`;
  const filtered = query !== "" && query !== "?status=all";
  const deleted = first(raw.deleted) === "1";
  return (
    <>
      {deleted ? <SuccessNotice>The engagement was deleted.</SuccessNotice> : null}
      <IgnoredFilters problems={engagementFilterProblems(raw)} />
      <PageHeading
        title="Engagements"
        lead={<p>Who takes part where: seats in committees and work on standards{pinned ? ` for ${session.user.agencyAcronym}` : ""}.</p>}
      />
      <div className="mb-4 flex flex-wrap gap-3">
        {canWrite ? (
          <Link href="/engagements/new" className={actionLinkClass}>
            Add an engagement
          </Link>
        ) : null}
        <a href={exportQuery("csv")} className={secondaryLinkClass} download>
          Export CSV<span className="sr-only"> of this filtered list</span>
        </a>
        <a href={exportQuery("json")} className={secondaryLinkClass} download>
          Export JSON<span className="sr-only"> of this filtered list</span>
        </a>
      </div>
      <form role="search" aria-label="Filter engagements" method="get" action="/engagements" className="mb-4 rounded border border-[#dfe1e2] bg-[#f0f0f0] p-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterInput id="f-q" name="q" label="Search (person, committee, standard, notes)" value={view.q} type="search" />
          {agencies ? <FilterSelect id="f-agency" name="agency" label="Agency" value={view.agency} choices={agencies} emptyLabel="All agencies" /> : null}
          <FilterSelect id="f-sdo" name="sdo" label="SDO" value={view.sdo} choices={sdos} emptyLabel="All SDOs" />
          <FilterSelect id="f-committee" name="committee" label={view.sdo ? "Committee (of the SDO)" : "Committee"} value={view.committee} choices={committees} emptyLabel="All committees" />
          <FilterSelect id="f-coreArea" name="coreArea" label="Core area" value={view.coreArea} choices={coreAreas} emptyLabel="All core areas" />
          <FilterSelect id="f-keyApplication" name="keyApplication" label="Key application" value={view.keyApplication} choices={keyApplications} emptyLabel="All key applications" />
          <FilterSelect id="f-depth" name="depth" label="Depth" value={view.depth} choices={DEPTHS.map((d) => ({ id: d, label: DEPTH_LABELS[d] }))} emptyLabel="Any depth" />
          <FilterSelect id="f-role" name="role" label="Role" value={view.role} choices={ENGAGEMENT_ROLES.map((r) => ({ id: r, label: ROLE_LABELS[r] }))} emptyLabel="Any role" />
          <FilterSelect id="f-status" name="status" label="Status" value={view.status} choices={STATUS} emptyLabel={null} />
          <FilterInput id="f-from" name="from" label="Active on or after" value={view.from} type="date" />
          <FilterInput id="f-to" name="to" label="Started on or before" value={view.to} type="date" />
          <div className="flex items-end gap-2 pb-2">
            <input id="f-leadership" name="leadership" type="checkbox" value="1" defaultChecked={view.leadership} className="size-5" />
            <label htmlFor="f-leadership" className="font-semibold">
              Leadership roles only
            </label>
          </div>
        </div>
        {view.participant ? <input type="hidden" name="participant" value={view.participant} /> : null}
        {view.standard ? <input type="hidden" name="standard" value={view.standard} /> : null}
        <input type="hidden" name="sort" value={view.sort} />
        <input type="hidden" name="dir" value={view.dir} />
        {view.participant || view.standard ? (
          <ul className="m-0 mt-3 flex list-none flex-wrap gap-3 p-0">
            {view.participant ? (
              <li>
                Person: <strong>{person?.name ?? "unknown"}</strong>{" "}
                <Link href={`/engagements${toQueryString(view, { participant: undefined, page: undefined })}`}>
                  Remove<span className="sr-only"> the person filter</span>
                </Link>
              </li>
            ) : null}
            {view.standard ? (
              <li>
                Standard: <strong>{standard?.label ?? "unknown"}</strong>{" "}
                <Link href={`/engagements${toQueryString(view, { standard: undefined, page: undefined })}`}>
                  Remove<span className="sr-only"> the standard filter</span>
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-[#005ea2] px-4 py-2 font-semibold text-white hover:bg-[#1a4480]">
            Apply filters
          </button>
          {filtered ? <Link href="/engagements">Clear filters</Link> : null}
        </div>
      </form>
      <h2 className="text-xl" aria-live="polite">
        {result.total === 0 ? "No engagements found" : `${result.total.toLocaleString("en-US")} ${result.total === 1 ? "engagement" : "engagements"}`}
      </h2>
      {result.total === 0 ? (
        <div className="rounded border border-[#dfe1e2] p-4">
          {filtered ? (
            <p className="m-0">
              No engagement matches these filters. Widen the date range, choose “Active and ended”, or <Link href="/engagements">clear the filters</Link>.
            </p>
          ) : canWrite ? (
            <p className="m-0">
              No engagements yet. <Link href="/engagements/new">Add the first engagement</Link> (add the person under <Link href="/participants/new">Participants</Link> first if needed).
            </p>
          ) : (
            <p className="m-0">No engagements have been recorded yet. Coordinators record their agency&apos;s engagements.</p>
          )}
        </div>
      ) : (
        <>
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">
                Engagements, page {result.page} of {pageCount}. Column headers sort the list.
              </caption>
              <thead>
                <tr>
                  <SortHeader label="Person" sortKey="participant" filters={view} basePath="/engagements" />
                  <SortHeader label="Agency" sortKey="agency" filters={view} basePath="/engagements" />
                  <SortHeader label="Committee" sortKey="committee" filters={view} basePath="/engagements" />
                  <th scope="col">Standard</th>
                  <SortHeader label="Role" sortKey="role" filters={view} basePath="/engagements" />
                  <SortHeader label="Depth" sortKey="depth" filters={view} basePath="/engagements" />
                  <SortHeader label="Start" sortKey="startDate" filters={view} basePath="/engagements" firstDir="desc" />
                  <SortHeader label="End" sortKey="endDate" filters={view} basePath="/engagements" firstDir="desc" />
                </tr>
              </thead>
              <tbody>
                {result.rows.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link href={`/engagements/${encodeURIComponent(e.id)}`}>
                        {e.participant.name}
                        <span className="sr-only">
                          {" "}
                          — {ROLE_LABELS[e.role]}
                          {e.committee ? `, ${e.committee.designation}` : ""}
                        </span>
                      </Link>
                    </th>
                    <td>{e.agency.acronym}</td>
                    <td>
                      {e.committee ? (
                        <>
                          {e.committee.designation} <span className="text-sm text-[#565c65]">({e.committee.sdo.acronym})</span>
                        </>
                      ) : e.standard ? (
                        <>
                          SDO level <span className="text-sm text-[#565c65]">({e.standard.sdo.acronym})</span>
                        </>
                      ) : (
                        <Empty />
                      )}
                    </td>
                    <td>{e.standard?.designation ?? <Empty />}</td>
                    <td>
                      {ROLE_LABELS[e.role]}
                      {isLeadership(e.role) ? <LeadershipTag /> : null}
                    </td>
                    <td>{DEPTH_LABELS[e.depth]}</td>
                    <td className="whitespace-nowrap">{fromDate(e.startDate)}</td>
                    <td className="whitespace-nowrap">{fromDate(e.endDate) ?? <Empty>ongoing</Empty>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label="Engagement pages"
            page={result.page}
            pageCount={pageCount}
            total={result.total}
            pageSize={result.pageSize}
            hrefFor={(page) => `/engagements${toQueryString(view, { page })}`}
          />
        </>
      )}
    </>
  );
}
