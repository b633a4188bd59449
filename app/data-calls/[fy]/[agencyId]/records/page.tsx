// The records behind one figure of a submission: today's (source=live, full access only)
// or those a frozen version counted (source=<version>).
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { findFigure } from "@/domain/data-call/assembly";
import { requirePage } from "@/server/auth/session";
import { figureRecords } from "@/server/data-call/figure-records";
import { recordsParams, submissionParams } from "@/server/data-call/page-params";
import { figuresOf, loadSubmission } from "@/server/data-call/submissions";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { first } from "@/ui/participation/list-bits";
import { redirectWhenBusy } from "@/server/coverage/busy";

export const metadata: Metadata = { title: "Records behind a figure" };

type Props = { params: Promise<{ fy: string; agencyId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FigureRecordsPage({ params, searchParams }: Props) {
  await connection();
  const raw = await params;
  const base = `/data-calls/${encodeURIComponent(raw.fy)}/${encodeURIComponent(raw.agencyId)}`;
  const session = await requirePage("datacall.read", `${base}/records`);
  const route = submissionParams.safeParse(raw);
  const sp = await searchParams;
  const query = recordsParams.safeParse({ figure: first(sp.figure), source: first(sp.source) });
  if (!route.success || !query.success) notFound();
  const { fy, agencyId } = route.data;
  const data = await loadSubmission(session, fy, agencyId, new Date(), { records: query.data.source === "live" ? "all" : "none" }).catch(
    redirectWhenBusy(`/data-calls/${fy}/${encodeURIComponent(agencyId)}/records?${new URLSearchParams({ figure: query.data.figure, source: String(query.data.source) })}`),
  );
  if (!data) notFound();
  const shown = figuresOf(data, query.data.source);
  const figure = shown ? findFigure(shown.figures, query.data.figure) : null;
  if (!figure) notFound();
  const records = await figureRecords(figure);
  const where = query.data.source === "live" ? "today's records" : `version ${query.data.source} as submitted`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/data-calls", label: "Data calls" },
          { href: `/data-calls/${fy}`, label: `FY${fy}` },
          { href: base, label: data.agency.acronym },
          { label: figure.label },
        ]}
      />
      <PageHeading title={`${figure.label}: ${figure.value.toLocaleString("en-US")}`} lead={<p>The {figure.ids.length.toLocaleString("en-US")} {records.kind} behind this figure in {where}.</p>} />
      {records.truncated ? <p>The first 500 are listed; the CSV export of the submission carries every id.</p> : null}
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">Records behind {figure.label}</caption>
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Details</th>
              <th scope="col">Dates</th>
            </tr>
          </thead>
          <tbody>
            {records.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.href ? <Link href={r.href}>{r.title}</Link> : `${r.title} (${r.id})`}</th>
                <td>{r.detail}</td>
                <td>
                  {/* Each day kept whole on narrow screens: "2026-06-29" never breaks at its hyphens. */}
                  {r.dates.split(" – ").map((d, i) => (
                    <span key={i}>
                      {i > 0 ? " – " : ""}
                      <span className="whitespace-nowrap">{d}</span>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
