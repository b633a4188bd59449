// The audit log: every create, update and delete with before/after, newest first.
// Admins see all events; coordinators their agency's. Filter by user, entity type, dates.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { connection } from "next/server";
import { toQueryString } from "@/domain/participation/list-filters";
import { auditActors, listAuditEvents, parseAuditFilters } from "@/server/audit/audit-log";
import { requirePage } from "@/server/auth/session";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { actionLabel, AuditChanges, formatTimestamp } from "@/ui/participation/audit-history";
import { auditSubject } from "@/ui/participation/audit-diff";
import { FilterInput, FilterSelect } from "@/ui/participation/list-bits";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ENTITY_TYPES = ["Participant", "Engagement", "Activity", "User", "Session"].map((t) => ({ id: t, label: t }));
const ENTITY_PATHS: Record<string, string> = { Participant: "/participants", Engagement: "/engagements", Activity: "/activities" };

export default async function AuditPage({ searchParams }: Props) {
  await connection();
  const filters = parseAuditFilters(await searchParams);
  const session = await requirePage("audit.read", `/audit${toQueryString(filters)}`);
  const [result, actors] = await Promise.all([listAuditEvents(session.scope, filters), auditActors(session.scope)]);
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const filtered = toQueryString({ ...filters, page: undefined }) !== "";
  const entityTypes = filters.entityType && !ENTITY_TYPES.some((t) => t.id === filters.entityType)
    ? [...ENTITY_TYPES, { id: filters.entityType, label: filters.entityType }]
    : ENTITY_TYPES;
  return (
    <>
      <PageHeading
        title="Audit log"
        lead={<p>Every change to participants, engagements and activities{session.scope.agencyId ? ` of ${session.user.agencyAcronym}` : ", user accounts, sign-outs and failed sign-ins"}, with the values before and after.</p>}
      />
      <form role="search" aria-label="Filter the audit log" method="get" action="/audit" className="mb-4 rounded border border-[#dfe1e2] bg-[#f0f0f0] p-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect id="f-actor" name="actor" label="User" value={filters.actor} choices={actors.map((a) => ({ id: a.id, label: a.email }))} emptyLabel="All users" />
          <FilterSelect id="f-entityType" name="entityType" label="Record type" value={filters.entityType} choices={entityTypes} emptyLabel="All record types" />
          <FilterInput id="f-from" name="from" label="From" value={filters.from} type="date" />
          <FilterInput id="f-to" name="to" label="To" value={filters.to} type="date" />
        </div>
        {filters.entityId ? <input type="hidden" name="entityId" value={filters.entityId} /> : null}
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-[#005ea2] px-4 py-2 font-semibold text-white hover:bg-[#1a4480]">
            Apply filters
          </button>
          {filtered ? <Link href="/audit">Clear filters</Link> : null}
        </div>
      </form>
      <h2 className="text-xl" aria-live="polite">
        {result.total === 0 ? "No events found" : `${result.total.toLocaleString("en-US")} ${result.total === 1 ? "event" : "events"}`}
      </h2>
      {result.total === 0 ? (
        <p className="rounded border border-[#dfe1e2] p-4">
          {filtered ? (
            <>
              No changes match these filters. <Link href="/audit">Clear the filters</Link>.
            </>
          ) : (
            "No changes have been recorded yet. Events appear here when participants, engagements or activities are added, edited or deleted."
          )}
        </p>
      ) : (
        <>
          <ol className="m-0 list-none space-y-4 p-0">
            {result.rows.map((e) => {
              const path = ENTITY_PATHS[e.entityType];
              const deleted = e.action.endsWith(".delete");
              const subject = auditSubject(e.before, e.after) ?? e.entityId ?? "";
              return (
                <li key={e.id} className="rounded border border-[#dfe1e2] p-4">
                  <h3 className="mt-0 text-base">
                    {actionLabel(e.action)} {e.entityType.toLowerCase()}{" "}
                    {path && e.entityId && !deleted ? (
                      <Link href={`${path}/${encodeURIComponent(e.entityId)}`}>
                        {subject}
                      </Link>
                    ) : (
                      <span>{subject}</span>
                    )}
                  </h3>
                  <p className="m-0 mb-2 text-sm">
                    By {e.actorEmail} on <time dateTime={e.createdAt.toISOString()}>{formatTimestamp(e.createdAt)}</time> ·{" "}
                    <Link href={`/audit${toQueryString({ entityType: e.entityType, entityId: e.entityId ?? undefined })}`}>
                      All events of this record
                    </Link>
                  </p>
                  <div className="relative overflow-x-auto">
                    <AuditChanges before={e.before} after={e.after} caption={`Changes: ${actionLabel(e.action)} ${e.entityType} ${e.entityId ?? ""}`} />
                  </div>
                </li>
              );
            })}
          </ol>
          <Pagination
            label="Audit log pages"
            page={result.page}
            pageCount={pageCount}
            total={result.total}
            pageSize={result.pageSize}
            hrefFor={(page) => `/audit${toQueryString(filters, { page })}`}
          />
        </>
      )}
    </>
  );
}
