// The government-wide roll-up of one data call's accepted submissions: totals, by SDO, by
// core area, use of standards and activities, each line with every agency's contribution.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { RollUpLine } from "@/domain/data-call/board";
import { requirePage } from "@/server/auth/session";
import { fiscalYearParams } from "@/server/data-call/page-params";
import { loadRollUp } from "@/server/data-call/submissions";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { secondaryLinkClass } from "@/ui/participation/list-bits";

export const metadata: Metadata = { title: "Data-call roll-up" };

type Props = { params: Promise<{ fy: string }> };

const NUMBER = new Intl.NumberFormat("en-US");

function RollUpTable({ caption, lines, empty }: { caption: string; lines: RollUpLine[]; empty: string }) {
  if (lines.length === 0) return <p>{empty}</p>;
  return (
    <div className="mt-4 max-w-5xl overflow-x-auto">
      <table className="data-table">
        <caption className="text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" style={{ textAlign: "right" }}>
              Total
            </th>
            <th scope="col">Contribution by agency</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key}>
              <th scope="row">{l.label}</th>
              <td className="tabular-nums" style={{ textAlign: "right" }}>{NUMBER.format(l.total)}</td>
              <td>{l.byAgency.length ? l.byAgency.map((a) => `${a.acronym} ${NUMBER.format(a.value)}`).join(", ") : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function RollUpPage({ params }: Props) {
  await connection();
  const { fy } = await params;
  await requirePage("datacall.read", `/data-calls/${encodeURIComponent(fy)}/rollup`);
  const parsed = fiscalYearParams.safeParse({ fy });
  if (!parsed.success) notFound();
  const fiscalYear = parsed.data.fy;
  const data = await loadRollUp(fiscalYear);
  if (!data) notFound();
  const { rollUp } = data;
  return (
    <>
      <Breadcrumbs items={[{ href: "/data-calls", label: "Data calls" }, { href: `/data-calls/${fiscalYear}`, label: `FY${fiscalYear}` }, { label: "Roll-up" }]} />
      <PageHeading
        title={`FY${fiscalYear} government-wide roll-up`}
        lead={<p>Sums of the accepted submissions only ({rollUp.agencies.length} {rollUp.agencies.length === 1 ? "agency" : "agencies"}), each with every agency&apos;s contribution.</p>}
      />
      <p className="flex flex-wrap gap-3">
        <a className={secondaryLinkClass} href={`/data-calls/${fiscalYear}/rollup/export?format=csv`}>
          Download CSV
        </a>
        <a className={secondaryLinkClass} href={`/data-calls/${fiscalYear}/rollup/export?format=json`}>
          Download JSON
        </a>
      </p>
      <h2>Accepted submissions</h2>
      {rollUp.agencies.length === 0 ? (
        <p>No submission has been accepted yet.</p>
      ) : (
        <ul>
          {rollUp.agencies.map((a) => (
            <li key={a.agencyId}>
              <Link href={`/data-calls/${fiscalYear}/${encodeURIComponent(a.agencyId)}`}>{a.acronym}</Link>, version {a.snapshotVersion}{" "}
              <span className="font-mono text-sm break-all">sha256 {a.contentHash.slice(0, 16)}…</span>
            </li>
          ))}
        </ul>
      )}
      <h2>Totals</h2>
      <RollUpTable caption="Participation, summed over agencies" lines={rollUp.totals} empty="Nothing accepted yet." />
      <h2>By SDO</h2>
      <RollUpTable caption="Engagements by SDO" lines={rollUp.bySdo} empty="No engagements in an SDO in the accepted submissions." />
      <h2>By core area</h2>
      <RollUpTable caption="Engagements by core area" lines={rollUp.byCoreArea} empty="No engagements in a core area in the accepted submissions." />
      <h2>Use of standards</h2>
      <RollUpTable caption="Adoptions by A-119 category" lines={rollUp.standardsUse} empty="Nothing accepted yet." />
      <h2>Activities</h2>
      <RollUpTable caption="Activities by kind" lines={rollUp.activities} empty="Nothing accepted yet." />
    </>
  );
}
