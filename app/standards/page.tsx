// All standards: search by designation or title (?q=), filter, paginated in the database.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { requirePage } from "@/server/auth/session";
import { searchStandards, standardsQuery, type StandardsQuery } from "@/server/reference/standards";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { ProvenanceBadge } from "@/ui/provenance-badge";
import { STAGE_LABEL } from "@/ui/stage";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Standards" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function hrefFor(query: StandardsQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.coreArea) params.set("coreArea", query.coreArea);
  if (query.keyApplication) params.set("keyApplication", query.keyApplication);
  if (query.sdo) params.set("sdo", query.sdo);
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `/standards?${qs}` : "/standards";
}

export default async function StandardsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const query = standardsQuery.parse({
    q: first(raw.q),
    page: first(raw.page) ?? 1,
    coreArea: first(raw.coreArea),
    keyApplication: first(raw.keyApplication),
    sdo: first(raw.sdo),
  });
  await requirePage("reference.read", hrefFor(query, query.page));
  const result = await searchStandards(query);
  const { filters } = result;
  const activeFilters = [
    filters.coreArea ? `core area “${filters.coreArea.name}”` : null,
    filters.keyApplication ? `key application “${filters.keyApplication.name}”` : null,
    filters.sdo ? `SDO ${filters.sdo.acronym}` : null,
  ].filter(Boolean);
  return (
    <>
      <PageHeading title="Standards" lead={<p>Search standards and work items by designation or title.</p>} />
      <form role="search" action="/standards" method="get" className="flex flex-wrap items-end gap-3">
        <div className="grow sm:max-w-md">
          <label htmlFor="standards-q" className="block font-semibold">
            Search standards
          </label>
          <input
            id="standards-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            aria-describedby="standards-q-hint"
            className="mt-1 block w-full border border-[#565c65] px-3 py-2"
          />
          <p id="standards-q-hint" className="m-0 mt-1 text-sm text-[#565c65]">
            For example “27001” or “cloud”.
          </p>
        </div>
        {query.coreArea ? <input type="hidden" name="coreArea" value={query.coreArea} /> : null}
        {query.keyApplication ? <input type="hidden" name="keyApplication" value={query.keyApplication} /> : null}
        {query.sdo ? <input type="hidden" name="sdo" value={query.sdo} /> : null}
        <button type="submit" className="mb-7 rounded bg-[#005ea2] px-5 py-2 font-semibold text-white hover:bg-[#1a4480]">
          Search
        </button>
      </form>
      {activeFilters.length > 0 ? (
        <p className="mt-2">
          Filtered to {activeFilters.join(" and ")}. <Link href={query.q ? `/standards?q=${encodeURIComponent(query.q)}` : "/standards"}>Clear filters</Link>
        </p>
      ) : null}

      <h2 aria-live="polite" className="text-xl">
        {result.total === 0
          ? "No standards found"
          : `${result.total.toLocaleString("en-US")} ${result.total === 1 ? "standard" : "standards"}${query.q ? ` matching “${query.q}”` : ""}`}
      </h2>
      {result.total > 0 ? (
        <>
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">
                Standards, page {result.page} of {result.pageCount}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Designation</th>
                  <th scope="col">Title</th>
                  <th scope="col">SDO</th>
                  <th scope="col">Committee</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Year</th>
                  <th scope="col">Provenance</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link href={`/standards/${encodeURIComponent(s.id)}`}>{s.designation}</Link>
                    </th>
                    <td>{s.title}</td>
                    <td>
                      <Link href={`/sdos/${encodeURIComponent(s.sdo.id)}`}>{s.sdo.acronym}</Link>
                    </td>
                    <td>
                      {s.committee ? (
                        <Link href={`/committees/${encodeURIComponent(s.committee.id)}`}>{s.committee.designation}</Link>
                      ) : (
                        <span className="text-[#565c65]">—</span>
                      )}
                    </td>
                    <td>{STAGE_LABEL[s.stage]}</td>
                    <td>{s.year ?? <span className="text-[#565c65]">—</span>}</td>
                    <td>
                      <ProvenanceBadge info={s.provenanceInfo} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label="Standards pages"
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
            pageSize={result.pageSize}
            hrefFor={(p) => hrefFor(query, p)}
          />
        </>
      ) : (
        <p>Try a shorter search term, or clear the filters.</p>
      )}
    </>
  );
}
