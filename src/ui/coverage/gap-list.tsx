// The ranked gaps: what is missing or fragile, worst first, each with its reason and a
// link to the records behind it.
import Link from "@/ui/link";
import { GAP_LABEL, SUBJECT_LABEL, type Gap, type GapCode } from "@/domain/coverage-gaps";
import type { ReportFilters } from "@/domain/records-query";
import { recordsHref } from "./links";

const CODE_TONE: Record<GapCode, string> = {
  NEEDED_CELL_UNCOVERED: "border-[#b50909] text-[#8b0a03]",
  NO_ENGAGEMENT: "border-[#b50909] text-[#8b0a03]",
  SINGLE_PARTICIPANT: "border-[#c05600] text-[#6f3331]",
  NO_LEADERSHIP: "border-[#936f38] text-[#5c410a]",
  SINGLE_AGENCY: "border-[#936f38] text-[#5c410a]",
  STALE: "border-[#565c65] text-[#3d4551]",
  DEVELOPMENT_STANDARD_UNCOVERED: "border-[#565c65] text-[#3d4551]",
};

export function GapCodeTag({ code }: { code: GapCode }) {
  return <span className={`inline-block rounded border bg-white px-1.5 text-xs font-semibold uppercase ${CODE_TONE[code]}`}>{GAP_LABEL[code]}</span>;
}

export function GapList({ gaps, filters, limit, id }: { gaps: Gap[]; filters: ReportFilters; limit?: number; id: string }) {
  const shown = limit ? gaps.slice(0, limit) : gaps;
  if (gaps.length === 0) return <p>No gaps are flagged for this view.</p>;
  return (
    <ol id={id} className="m-0 list-none space-y-3 p-0">
      {shown.map((g) => (
        <li key={`${g.code}-${g.subject.kind}-${g.subject.id}`} className="print-keep rounded border border-[#dfe1e2] border-l-4 border-l-[#b50909] bg-white p-3">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="text-lg font-bold text-[#1b1b1b]">
              <span className="sr-only">Rank </span>
              {g.rank}.
            </span>
            <GapCodeTag code={g.code} />
            <span className="font-semibold">
              {g.subject.label}
              <span className="font-normal text-[#565c65]"> · {SUBJECT_LABEL[g.subject.kind]}</span>
            </span>
          </div>
          <p className="m-0 mt-1">{g.reason}</p>
          <p className="m-0 mt-1 text-sm print:hidden">
            <Link href={recordsHref(filters, g.drill)}>
              {g.drill.kind === "standards" ? "See the standard" : "See the engagements"}
              <span className="sr-only"> for gap {g.rank}: {g.subject.label}</span>
            </Link>
          </p>
        </li>
      ))}
    </ol>
  );
}

/** How many gaps of each kind, as a compact definition list. */
export function GapCounts({ gaps }: { gaps: Gap[] }) {
  const counts = new Map<GapCode, number>();
  for (const g of gaps) counts.set(g.code, (counts.get(g.code) ?? 0) + 1);
  const codes = (Object.keys(GAP_LABEL) as GapCode[]).filter((c) => counts.has(c));
  return (
    <dl className="m-0 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
      {codes.map((c) => (
        <div key={c} className="contents">
          <dt>
            <GapCodeTag code={c} />
          </dt>
          <dd className="m-0">{counts.get(c)?.toLocaleString("en-US")}</dd>
        </div>
      ))}
    </dl>
  );
}
