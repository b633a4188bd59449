// The status board of one data call: every agency's status (overdue after the due date),
// who still owes an answer, and a summary of the roll-up of accepted submissions.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { BOARD_STATUS_LABELS, type BoardStatus } from "@/domain/data-call/board";
import { requirePage } from "@/server/auth/session";
import { fiscalYearParams } from "@/server/data-call/page-params";
import { loadBoard } from "@/server/data-call/submissions";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { StatusTag } from "@/ui/data-call/report";
import { PageHeading } from "@/ui/page-heading";
import { first, SuccessNotice } from "@/ui/participation/list-bits";

export const metadata: Metadata = { title: "Data call status" };

type Props = { params: Promise<{ fy: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ORDER: BoardStatus[] = ["OVERDUE", "NOT_STARTED", "DRAFT", "RETURNED", "SUBMITTED", "ACCEPTED"];

export default async function DataCallBoardPage({ params, searchParams }: Props) {
  await connection();
  const { fy } = await params;
  const session = await requirePage("datacall.read", `/data-calls/${encodeURIComponent(fy)}`);
  const parsed = fiscalYearParams.safeParse({ fy });
  if (!parsed.success) notFound();
  const fiscalYear = parsed.data.fy;
  // The clock comes from the server here and is passed down: the board is a function of it.
  const board = await loadBoard(fiscalYear, new Date());
  if (!board) notFound();
  const opened = first((await searchParams).done) === "opened";
  const role = session.user.role;
  // Admins open every submission, coordinators their own, everyone an accepted one.
  const canOpen = (agencyId: string, status: string) => role === "ADMIN" || (role === "COORDINATOR" && session.user.agencyId === agencyId) || status === "ACCEPTED";
  return (
    <>
      <Breadcrumbs items={[{ href: "/data-calls", label: "Data calls" }, { label: `FY${fiscalYear}` }]} />
      {opened ? <SuccessNotice>The FY{fiscalYear} data call is open.</SuccessNotice> : null}
      <PageHeading
        title={`FY${fiscalYear} data call`}
        lead={
          <p>
            Due {board.call.dueDate}. Status as of {board.today}.{" "}
            <Link href={`/data-calls/${fiscalYear}/rollup`}>Government-wide roll-up of accepted submissions</Link>
          </p>
        }
      />
      <h2>Instructions</h2>
      <p className="max-w-3xl whitespace-pre-line">{board.call.instructions}</p>
      <h2>Status</h2>
      <ul className="flex list-none flex-wrap gap-4 p-0" aria-label="Agencies by status">
        {ORDER.map((s) => (
          <li key={s}>
            <StatusTag status={s} /> {board.counts[s]}
          </li>
        ))}
      </ul>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">Status of every agency&apos;s FY{fiscalYear} submission</caption>
          <thead>
            <tr>
              <th scope="col">Agency</th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col" style={{ textAlign: "right" }}>
                Version
              </th>
            </tr>
          </thead>
          <tbody>
            {board.rows.map((r) => (
              <tr key={r.agencyId}>
                <th scope="row">
                  {canOpen(r.agencyId, r.status) ? <Link href={`/data-calls/${fiscalYear}/${encodeURIComponent(r.agencyId)}`}>{r.acronym}</Link> : r.acronym}
                </th>
                <td>{r.name}</td>
                <td>
                  <StatusTag status={r.board} />
                  {r.board === "OVERDUE" ? <span className="sr-only"> ({BOARD_STATUS_LABELS[r.status]})</span> : null}
                </td>
                <td className="tabular-nums" style={{ textAlign: "right" }}>{r.snapshotVersion || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mt-8">Reminders</h2>
      {board.reminders.length === 0 ? (
        <p>Every agency has submitted.</p>
      ) : (
        <>
          <p>Agencies that have not submitted yet{board.reminders.some((r) => r.board === "OVERDUE") ? ", overdue first" : ""}:</p>
          <ul>
            {board.reminders.map((r) => (
              <li key={r.agencyId}>
                {r.acronym} — {BOARD_STATUS_LABELS[r.board]}
                {r.board === "OVERDUE" ? ` (${BOARD_STATUS_LABELS[r.status].toLowerCase()}, due ${board.call.dueDate})` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
