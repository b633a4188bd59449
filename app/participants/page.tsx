// Participants: search, filter (agency for unscoped roles; coordinators are pinned to
// their own), active/inactive/all, sortable, paginated; the URL carries the view.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { connection } from "next/server";
import { parseParticipantFilters, toQueryString, type ParticipantFilters } from "@/domain/participation/list-filters";
import { can } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { agencyChoices } from "@/server/participation/options";
import { listParticipants } from "@/server/participation/participants";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { actionLinkClass, FilterInput, FilterSelect, SortHeader } from "@/ui/participation/list-bits";

export const metadata: Metadata = { title: "Participants" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS = [
  { id: "active", label: "Active" },
  { id: "inactive", label: "Inactive" },
  { id: "all", label: "All" },
];

export default async function ParticipantsPage({ searchParams }: Props) {
  await connection();
  const filters = parseParticipantFilters(await searchParams);
  const session = await requirePage("participation.read", `/participants${toQueryString(filters)}`);
  const pinned = session.scope.agencyId !== null;
  const canWrite = can(session.user.role, "participation.write");
  const [result, agencies] = await Promise.all([listParticipants(session.scope, filters), pinned ? null : agencyChoices()]);
  const view: ParticipantFilters = { ...filters, agency: pinned ? undefined : filters.agency };
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const filtered = Boolean(view.q || view.agency || view.status !== "active");
  return (
    <>
      <PageHeading
        title="Participants"
        lead={<p>People who take part in standards work{pinned ? ` for ${session.user.agencyAcronym}` : ""}. Open a person to see their role history.</p>}
      />
      {canWrite ? (
        <p>
          <Link href="/participants/new" className={actionLinkClass}>
            Add a participant
          </Link>
        </p>
      ) : null}
      <form role="search" aria-label="Filter participants" method="get" action="/participants" className="mb-4 rounded border border-[#dfe1e2] bg-[#f0f0f0] p-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterInput id="f-q" name="q" label="Name or email" value={view.q} type="search" />
          {agencies ? <FilterSelect id="f-agency" name="agency" label="Agency" value={view.agency} choices={agencies} emptyLabel="All agencies" /> : null}
          <FilterSelect id="f-status" name="status" label="Status" value={view.status} choices={STATUS} emptyLabel={null} />
        </div>
        <input type="hidden" name="sort" value={view.sort} />
        <input type="hidden" name="dir" value={view.dir} />
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-[#005ea2] px-4 py-2 font-semibold text-white hover:bg-[#1a4480]">
            Apply filters
          </button>
          {filtered ? <Link href="/participants">Clear filters</Link> : null}
        </div>
      </form>
      <h2 className="text-xl" aria-live="polite">
        {result.total === 0 ? "No participants found" : `${result.total.toLocaleString("en-US")} ${result.total === 1 ? "participant" : "participants"}`}
      </h2>
      {result.total === 0 ? (
        <div className="rounded border border-[#dfe1e2] p-4">
          {filtered ? (
            <p className="m-0">
              Nobody matches these filters. <Link href="/participants">Clear the filters</Link> or search for part of a name.
            </p>
          ) : canWrite ? (
            <p className="m-0">
              No participants yet. <Link href="/participants/new">Add the first participant</Link>, then record their engagements.
            </p>
          ) : (
            <p className="m-0">No participants have been recorded yet. Coordinators add the people of their agency.</p>
          )}
        </div>
      ) : (
        <>
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">
                Participants, page {result.page} of {pageCount}
              </caption>
              <thead>
                <tr>
                  <SortHeader label="Name" sortKey="name" filters={view} basePath="/participants" />
                  <th scope="col" className="hidden md:table-cell">
                    Email
                  </th>
                  <SortHeader label="Agency" sortKey="agency" filters={view} basePath="/participants" />
                  <SortHeader label="Engagements" sortKey="engagements" filters={view} basePath="/participants" firstDir="desc" />
                  <th scope="col">Status</th>
                  <SortHeader label="Updated" sortKey="updatedAt" filters={view} basePath="/participants" firstDir="desc" className="hidden md:table-cell" />
                </tr>
              </thead>
              <tbody>
                {result.rows.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link href={`/participants/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                    </th>
                    <td className="hidden break-all md:table-cell">{p.email ?? <span className="text-[#565c65]">—</span>}</td>
                    <td>{p.agency.acronym}</td>
                    <td>{p._count.engagements}</td>
                    <td>{p.active ? "Active" : "Inactive"}</td>
                    <td className="hidden whitespace-nowrap md:table-cell">{p.updatedAt.toISOString().slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label="Participant pages"
            page={result.page}
            pageCount={pageCount}
            total={result.total}
            pageSize={result.pageSize}
            hrefFor={(page) => `/participants${toQueryString(view, { page })}`}
          />
        </>
      )}
    </>
  );
}
