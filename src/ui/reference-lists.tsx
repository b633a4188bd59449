// Lists and tables shared by the reference pages.
import Link from "@/ui/link";
import type { CommitteeLinkView, StandardLinkView } from "@/server/reference/core-areas";
import type { MaturityCellView } from "@/server/reference/maturity";
import { MaturityBadge, MaturityLegend } from "./maturity";
import { ProvenanceBadge } from "./provenance-badge";
import { STAGE_LABEL } from "./stage";

export function CommitteeList({ committees, empty }: { committees: CommitteeLinkView[]; empty: string }) {
  if (committees.length === 0) return <p>{empty}</p>;
  return (
    <ul className="m-0 list-none space-y-3 p-0">
      {committees.map((c) => (
        <li key={c.id} className="border-l-4 border-[#dfe1e2] pl-3">
          <Link href={`/committees/${encodeURIComponent(c.id)}`} className="font-semibold">
            {c.designation}
          </Link>{" "}
          <span className="text-[#565c65]">({c.sdoAcronym})</span> — {c.title}
          <div className="mt-1">
            <ProvenanceBadge info={c.provenanceInfo} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function StandardTable({ standards, caption }: { standards: StandardLinkView[]; caption: string }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Designation</th>
            <th scope="col">Title</th>
            <th scope="col">Stage</th>
            <th scope="col">Year</th>
            <th scope="col">Provenance</th>
          </tr>
        </thead>
        <tbody>
          {standards.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="font-normal">
                <Link href={`/standards/${encodeURIComponent(s.id)}`} className="font-semibold">
                  {s.designation}
                </Link>
              </th>
              <td>{s.title}</td>
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
  );
}

export function MaturityTable({ cells, axis, caption }: { cells: MaturityCellView[]; axis: "keyApplication" | "coreArea"; caption: string }) {
  return (
    <>
      <div className="relative overflow-x-auto">
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{axis === "keyApplication" ? "Key application" : "Core area"}</th>
              <th scope="col">Maturity</th>
              <th scope="col">Provenance</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => {
              const id = axis === "keyApplication" ? cell.keyApplicationId : cell.coreAreaId;
              const name = axis === "keyApplication" ? cell.keyApplicationName : cell.coreAreaName;
              const href = axis === "keyApplication" ? `/key-applications/${encodeURIComponent(id)}` : `/core-areas/${encodeURIComponent(id)}`;
              return (
                <tr key={id}>
                  <th scope="row" className="font-normal">
                    <Link href={href}>{name}</Link>
                  </th>
                  <td>
                    <MaturityBadge level={cell.level} />
                  </td>
                  <td>{cell.provenanceInfo ? <ProvenanceBadge info={cell.provenanceInfo} /> : <span className="text-[#565c65]">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <MaturityLegend />
    </>
  );
}
