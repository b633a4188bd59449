// Previous / next links with the current position, for lists paginated in the database.
import Link from "@/ui/link";

interface PaginationProps {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  /** Builds the link for a page number (keeps the other search parameters). */
  hrefFor: (page: number) => string;
  label: string;
}

export function Pagination({ page, pageCount, total, pageSize, hrefFor, label }: PaginationProps) {
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const linkClass =
    "inline-block rounded border border-[#005ea2] px-3 py-1.5 font-semibold text-[#005ea2] no-underline hover:bg-[#e7f2f8]";
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center justify-between gap-3">
      <p className="m-0 text-sm">
        Showing {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of {total.toLocaleString("en-US")} (page {page} of{" "}
        {pageCount})
      </p>
      <ul className="m-0 flex list-none gap-2 p-0">
        {page > 1 ? (
          <>
            <li>
              <Link className={linkClass} href={hrefFor(1)}>
                First<span className="sr-only"> page</span>
              </Link>
            </li>
            <li>
              <Link className={linkClass} href={hrefFor(page - 1)} rel="prev">
                Previous<span className="sr-only"> page</span>
              </Link>
            </li>
          </>
        ) : null}
        {page < pageCount ? (
          <>
            <li>
              <Link className={linkClass} href={hrefFor(page + 1)} rel="next">
                Next<span className="sr-only"> page</span>
              </Link>
            </li>
            <li>
              <Link className={linkClass} href={hrefFor(pageCount)}>
                Last<span className="sr-only"> page</span>
              </Link>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}
