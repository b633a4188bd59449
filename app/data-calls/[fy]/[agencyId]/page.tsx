// One agency's FY submission: its status and history, the report (assembled live from the
// agency's records while a draft; the frozen snapshot once submitted), the narrative, and
// the actions its status allows: save the narrative, submit, accept or return, correct.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { boardStatus } from "@/domain/data-call/board";
import { changedFigures, compareFigures } from "@/domain/data-call/snapshot";
import { toIsoDate } from "@/domain/fiscal-year";
import { can } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { figuresToShow, loadSubmission } from "@/server/data-call/submissions";
import { submissionParams } from "@/server/data-call/page-params";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { CorrectionForm, NarrativeForm, ReviewForm, SubmitForm } from "@/ui/data-call/forms";
import { DataCallReport, NarrativeView, StatusTag } from "@/ui/data-call/report";
import { PageHeading } from "@/ui/page-heading";
import { first, secondaryLinkClass, SuccessNotice } from "@/ui/participation/list-bits";
import { redirectWhenBusy } from "@/server/coverage/busy";

export const metadata: Metadata = { title: "Data-call submission" };

type Props = { params: Promise<{ fy: string; agencyId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<string, string> = {
  narrative: "The narrative was saved.",
  submitted: "The report was submitted and frozen. An admin will review it.",
  corrected: "The corrected version was submitted and frozen. An admin will review it.",
  reviewed: "Your decision was recorded.",
};

const NUMBER = new Intl.NumberFormat("en-US");

export default async function SubmissionPage({ params, searchParams }: Props) {
  await connection();
  const raw = await params;
  const session = await requirePage("datacall.read", `/data-calls/${encodeURIComponent(raw.fy)}/${encodeURIComponent(raw.agencyId)}`);
  const parsed = submissionParams.safeParse(raw);
  if (!parsed.success) notFound();
  const { fy, agencyId } = parsed.data;
  const now = new Date();
  // Assembling a draft reads the coverage report: when its queue is full, "being prepared".
  const here = `/data-calls/${fy}/${encodeURIComponent(agencyId)}`;
  // Today's figures are counted (no record ids) unless a frozen version is compared with them.
  const data = await loadSubmission(session, fy, agencyId, now, { records: "changes" }).catch(redirectWhenBusy(here));
  if (!data) notFound();
  const shown = figuresToShow(data);
  if (!shown) notFound();
  const status = data.submission.status;
  const editable = data.fullAccess && can(session.user.role, "datacall.prepare") && status !== "SUBMITTED";
  const canSubmit = editable && (status === "NOT_STARTED" || status === "DRAFT" || status === "RETURNED");
  const canCorrect = editable && status === "ACCEPTED";
  const canReview = can(session.user.role, "datacall.manage") && status === "SUBMITTED" && data.submission.id !== null;
  const done = DONE[first((await searchParams).done) ?? ""];
  const yoy = data.previous ? compareFigures(data.previous.figures, shown.figures) : null;
  // Records edited after the latest submission: the frozen figures against today's.
  const changes = data.latest && data.liveRecords ? changedFigures(data.latest.figures, data.liveRecords) : null;
  const base = `/data-calls/${fy}/${encodeURIComponent(agencyId)}`;
  const source = shown.frozen ? shown.frozen.version : ("live" as const);
  const versionQuery = shown.frozen ? `&version=${shown.frozen.version}` : "";
  return (
    <>
      <Breadcrumbs items={[{ href: "/data-calls", label: "Data calls" }, { href: `/data-calls/${fy}`, label: `FY${fy}` }, { label: data.agency.acronym }]} />
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <PageHeading title={`${data.agency.acronym} FY${fy} standards report`} eyebrow={data.agency.name} />
      <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Status</dt>
        <dd className="m-0">
          <StatusTag status={data.fullAccess ? boardStatus(status, data.call.dueDate, toIsoDate(now)) : "ACCEPTED"} />
        </dd>
        <dt className="font-semibold">Due date</dt>
        <dd className="m-0">{data.call.dueDate}</dd>
        <dt className="font-semibold">Showing</dt>
        <dd className="m-0">
          {shown.frozen
            ? `Version ${shown.frozen.version}, frozen ${shown.frozen.createdAt.slice(0, 10)} by ${shown.frozen.createdByEmail}`
            : `Assembled live from the agency's records (${toIsoDate(now)})`}
        </dd>
        {shown.frozen ? (
          <>
            <dt className="font-semibold">Content hash</dt>
            <dd className="m-0 font-mono text-sm break-all">{shown.frozen.contentHash}</dd>
          </>
        ) : null}
      </dl>
      {data.submission.returnReason && (status === "RETURNED" || status === "DRAFT") ? (
        <div role="note" className="mt-4 max-w-3xl border-l-8 border-[#ffbe2e] bg-[#faf3d1] px-4 py-3">
          <h2 className="mt-0 text-xl">Returned for changes</h2>
          <p className="mb-0 whitespace-pre-line">{data.submission.returnReason}</p>
        </div>
      ) : null}
      <p className="mt-4 flex flex-wrap gap-3">
        <Link className={secondaryLinkClass} href={`${base}/print${shown.frozen ? `?version=${shown.frozen.version}` : ""}`}>
          Printable report
        </Link>
        <a className={secondaryLinkClass} href={`${base}/export?format=csv${versionQuery}`}>
          Download CSV
        </a>
        <a className={secondaryLinkClass} href={`${base}/export?format=json${versionQuery}`}>
          Download JSON
        </a>
      </p>

      {canReview ? (
        <section aria-labelledby="review" className="mt-8 max-w-3xl border-2 border-[#005ea2] p-4">
          <h2 id="review" className="mt-0">
            Review version {data.submission.snapshotVersion}
          </h2>
          <ReviewForm submissionId={data.submission.id!} snapshotVersion={data.submission.snapshotVersion} />
        </section>
      ) : null}

      {changes ? (
        <section aria-labelledby="changes" className="mt-8">
          <h2 id="changes">Records changed since submission</h2>
          {changes.length === 0 ? (
            <p>No record behind version {data.latest!.version} has changed since it was submitted.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="text-left">
                  Figures of version {data.latest!.version} that today&apos;s records would change
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Figure</th>
                    <th scope="col" style={{ textAlign: "right" }}>
                      Submitted
                    </th>
                    <th scope="col" style={{ textAlign: "right" }}>
                      Today
                    </th>
                    <th scope="col" style={{ textAlign: "right" }}>
                      Records added
                    </th>
                    <th scope="col" style={{ textAlign: "right" }}>
                      Records removed
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.key}>
                      <th scope="row">{c.label}</th>
                      <td className="tabular-nums" style={{ textAlign: "right" }}>{c.before === null ? "—" : NUMBER.format(c.before)}</td>
                      <td className="tabular-nums" style={{ textAlign: "right" }}>{c.after === null ? "—" : NUMBER.format(c.after)}</td>
                      <td className="tabular-nums" style={{ textAlign: "right" }}>{c.added.length}</td>
                      <td className="tabular-nums" style={{ textAlign: "right" }}>{c.removed.length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="report" className="mt-8">
        <h2 id="report" className="sr-only">
          Report
        </h2>
        {yoy ? (
          <p className="max-w-3xl">Each figure is compared with the agency&apos;s accepted FY{data.previous!.fiscalYear} submission (version {data.previous!.version}).</p>
        ) : (
          <p className="max-w-3xl">There is no accepted FY{fy - 1} submission to compare with.</p>
        )}
        <DataCallReport figures={shown.figures} links={{ fiscalYear: fy, agencyId, source, links: true }} yearOverYear={yoy} />
      </section>

      <section aria-labelledby="narrative" className="mt-8">
        <h2 id="narrative">Narrative</h2>
        {editable ? (
          <NarrativeForm dataCallId={data.call.id} agencyId={agencyId} revision={data.submission.revision} narrative={data.narrative} />
        ) : (
          <NarrativeView narrative={shown.frozen?.narrative ?? data.narrative} />
        )}
      </section>

      {canSubmit ? (
        <section aria-labelledby="submit" className="mt-8 max-w-3xl border-2 border-[#005ea2] p-4">
          <h2 id="submit" className="mt-0">
            Submit
          </h2>
          <p>Submitting freezes today&apos;s figures, the narrative saved above and the records behind every figure. Later edits to the records do not change it.</p>
          <SubmitForm dataCallId={data.call.id} agencyId={agencyId} />
        </section>
      ) : null}
      {canCorrect ? (
        <section aria-labelledby="correct" className="mt-8 max-w-3xl border-2 border-[#005ea2] p-4">
          <h2 id="correct" className="mt-0">
            Submit a correction
          </h2>
          <p>The accepted version stays as it is. A correction is a new version, assembled from today&apos;s records and the narrative above, with your reason; an admin reviews it again.</p>
          <CorrectionForm dataCallId={data.call.id} agencyId={agencyId} />
        </section>
      ) : null}

      {data.history && data.history.snapshots.length > 0 ? (
        <section aria-labelledby="history" className="mt-8">
          <h2 id="history">History</h2>
          <ol className="max-w-3xl">
            {[...data.history.snapshots].reverse().map((s) => (
              <li key={s.version} className="mb-2">
                Version {s.version} submitted {s.createdAt.slice(0, 16).replace("T", " ")} UTC by {s.createdByEmail}
                {s.reason ? `, correction: ${s.reason}` : ""}. <span className="font-mono text-sm break-all">sha256 {s.contentHash}</span>
                <ul>
                  {data.history!.reviews
                    .filter((r) => r.version === s.version)
                    .map((r) => (
                      <li key={r.createdAt}>
                        {r.decision === "ACCEPTED" ? "Accepted" : "Returned"} {r.createdAt.slice(0, 16).replace("T", " ")} UTC by {r.reviewedByEmail}
                        {r.reason ? `: ${r.reason}` : ""}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
