// Printable report of one submission: a cover block (agency, fiscal year, status, content
// hash), the narrative and every figure as tables, laid out for paper by the print CSS.
import "@/ui/coverage/coverage.css";
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { BOARD_STATUS_LABELS, type BoardStatus } from "@/domain/data-call/board";
import { compareFigures } from "@/domain/data-call/snapshot";
import { toIsoDate } from "@/domain/fiscal-year";
import { requirePage } from "@/server/auth/session";
import { figuresOf, figuresToShow, loadSubmission, versionStatus } from "@/server/data-call/submissions";
import { submissionParams } from "@/server/data-call/page-params";
import { PrintButton } from "@/ui/coverage/print-button";
import { DataCallReport, NarrativeView } from "@/ui/data-call/report";
import { redirectWhenBusy } from "@/server/coverage/busy";

export const metadata: Metadata = { title: "Data-call report" };

type Props = { params: Promise<{ fy: string; agencyId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const versionParam = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined);

export default async function PrintableSubmissionPage({ params, searchParams }: Props) {
  await connection();
  const raw = await params;
  const base = `/data-calls/${encodeURIComponent(raw.fy)}/${encodeURIComponent(raw.agencyId)}`;
  const session = await requirePage("datacall.read", `${base}/print`);
  const parsed = submissionParams.safeParse(raw);
  if (!parsed.success) notFound();
  const { fy, agencyId } = parsed.data;
  const now = new Date();
  const data = await loadSubmission(session, fy, agencyId, now).catch(redirectWhenBusy(`${base}/print`));
  if (!data) notFound();
  const version = versionParam.parse((await searchParams).version);
  const shown = version ? figuresOf(data, version) : figuresToShow(data);
  if (!shown) notFound();
  const status = (shown.frozen ? versionStatus(data, shown.frozen.version) : data.submission.status) as BoardStatus | "SUPERSEDED";
  const yoy = data.previous ? compareFigures(data.previous.figures, shown.figures) : null;
  return (
    <article className="data-call-print">
      <p className="print:hidden mb-4 flex flex-wrap items-center gap-4">
        <Link href={base}>Back to the submission</Link>
        <PrintButton />
      </p>
      <section className="print-keep mb-8 border-4 border-[#1b1b1b] p-6" aria-label="Cover">
        <p className="m-0 text-sm font-semibold tracking-wide uppercase">Annual standards report (OMB Circular A-119 / NTTAA)</p>
        <h1 className="mt-2">
          {data.agency.name} ({data.agency.acronym})
        </h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          <dt className="font-semibold">Fiscal year</dt>
          <dd className="m-0">
            FY{fy} ({shown.figures.start} to {shown.figures.end})
          </dd>
          <dt className="font-semibold">Status</dt>
          <dd className="m-0">{status === "SUPERSEDED" ? "Superseded" : BOARD_STATUS_LABELS[status]}</dd>
          <dt className="font-semibold">Version</dt>
          <dd className="m-0">{shown.frozen ? `${shown.frozen.version}, submitted ${shown.frozen.createdAt.slice(0, 10)} by ${shown.frozen.createdByEmail}` : `Draft assembled ${toIsoDate(now)}`}</dd>
          <dt className="font-semibold">Content hash</dt>
          <dd className="m-0 font-mono text-sm break-all">{shown.frozen ? `sha256 ${shown.frozen.contentHash}` : "None: a draft is not frozen"}</dd>
          {shown.frozen?.reason ? (
            <>
              <dt className="font-semibold">Correction</dt>
              <dd className="m-0">{shown.frozen.reason}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="print-narrative">
        <h2 id="print-narrative">Narrative</h2>
        <NarrativeView narrative={shown.frozen?.narrative ?? data.narrative} />
      </section>
      <div className="print-break-before">
        <DataCallReport figures={shown.figures} links={{ fiscalYear: fy, agencyId, source: shown.frozen?.version ?? "live", links: false }} yearOverYear={yoy} />
      </div>
    </article>
  );
}
