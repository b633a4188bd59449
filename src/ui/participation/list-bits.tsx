// Pieces of the participation list pages (server-rendered): sortable column headers that
// are links (the URL carries the view), filter controls of a GET form, notices.
import Link from "@/ui/link";
import { toQueryString } from "@/domain/participation/list-filters";

export const filterInputClass = "mt-1 block w-full border border-[#565c65] bg-white px-2 py-1.5";
export const actionLinkClass =
  "inline-block rounded bg-[#005ea2] px-4 py-2 font-semibold text-white no-underline hover:bg-[#1a4480] visited:text-white hover:text-white";
export const secondaryLinkClass =
  "inline-block rounded border-2 border-[#005ea2] px-3 py-1.5 font-semibold text-[#005ea2] no-underline hover:bg-[#e7f2f8] visited:text-[#005ea2]";

/** A column header that sorts by `sortKey`; a second click reverses the order. */
export function SortHeader({
  label,
  sortKey,
  filters,
  basePath,
  firstDir = "asc",
  className = "",
}: {
  label: string;
  sortKey: string;
  filters: { sort: string; dir: "asc" | "desc" } & Record<string, unknown>;
  basePath: string;
  firstDir?: "asc" | "desc";
  className?: string;
}) {
  const active = filters.sort === sortKey;
  const nextDir = active ? (filters.dir === "asc" ? "desc" : "asc") : firstDir;
  const href = `${basePath}${toQueryString(filters, { sort: sortKey, dir: nextDir, page: undefined })}`;
  return (
    <th scope="col" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined} className={`whitespace-nowrap ${className}`}>
      <Link href={href} className="text-[#1b1b1b] no-underline hover:underline">
        {label}
        <span aria-hidden="true" className="ml-1 text-[#565c65]">
          {active ? (filters.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">
          {active ? `, sorted ${filters.dir === "asc" ? "ascending" : "descending"}. ` : ". "}
          Sort {nextDir === "asc" ? "ascending" : "descending"}
        </span>
      </Link>
    </th>
  );
}

export function FilterSelect({
  id,
  name,
  label,
  value,
  choices,
  emptyLabel = "Any",
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  choices: { id: string; label: string }[];
  /** null: no empty choice. */
  emptyLabel?: string | null;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={filterInputClass}>
        {emptyLabel === null ? null : <option value="">{emptyLabel}</option>}
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterInput({ id, name, label, value, type = "text" }: { id: string; name: string; label: string; value: string | undefined; type?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <input id={id} name={name} type={type} defaultValue={value ?? ""} className={filterInputClass} />
    </div>
  );
}

export function SuccessNotice({ children }: { children: React.ReactNode }) {
  return (
    <div role="status" className="mb-6 border-l-8 border-[#00a91c] bg-[#ecf3ec] px-4 py-3">
      {children}
    </div>
  );
}

/** Filters in the address that could not be read: the list is shown without them, and says why. */
export function IgnoredFilters({ problems }: { problems: Record<string, string> }) {
  const entries = Object.entries(problems);
  if (entries.length === 0) return null;
  return (
    <div role="status" className="mb-6 border-l-8 border-[#ffbe2e] bg-[#faf3d1] px-4 py-3">
      <p className="m-0 font-semibold">{entries.length === 1 ? "One filter in the address was ignored:" : "Some filters in the address were ignored:"}</p>
      <ul className="m-0 mt-1">
        {entries.map(([name, reason]) => (
          <li key={name}>
            <code>{name}</code>: {reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Empty({ children }: { children?: React.ReactNode }) {
  return <span className="text-[#565c65]">{children ?? <><span aria-hidden="true">—</span><span className="sr-only">none</span></>}</span>;
}

/** "Leadership" marker: text and a shape, not colour alone. */
export function LeadershipTag() {
  return (
    <span className="ml-1 inline-block rounded border border-[#936f38] bg-[#faf3d1] px-1.5 text-xs font-semibold text-[#1b1b1b] whitespace-nowrap">
      <span aria-hidden="true">★ </span>Leadership
    </span>
  );
}

export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
