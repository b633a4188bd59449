// The fiscal-year data calls: the list for every reader, the form that opens one for admins,
// and for coordinators a link straight to their agency's submission.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { connection } from "next/server";
import { fiscalYearOf, toIsoDate } from "@/domain/fiscal-year";
import { can } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { listDataCalls } from "@/server/data-call/submissions";
import { PageHeading } from "@/ui/page-heading";
import { OpenDataCallForm } from "@/ui/data-call/forms";

export const metadata: Metadata = { title: "Data calls" };

export default async function DataCallsPage() {
  await connection();
  const session = await requirePage("datacall.read", "/data-calls");
  const calls = await listDataCalls();
  const agencyId = session.user.role === "COORDINATOR" ? session.user.agencyId : null;
  // Suggest the fiscal year that ended most recently.
  const suggested = fiscalYearOf(toIsoDate(new Date())) - 1;
  return (
    <>
      <PageHeading
        title="Data calls"
        lead={
          <p>
            Each fiscal year every agency reports its standards activity (OMB Circular A-119 / NTTAA). The report is assembled from the
            records the agency already keeps, submitted, reviewed and frozen.
          </p>
        }
      />
      {calls.length === 0 ? (
        <p>No data call has been opened yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">Data calls by fiscal year</caption>
            <thead>
              <tr>
                <th scope="col">Fiscal year</th>
                <th scope="col">Due date</th>
                <th scope="col">Status board</th>
                {agencyId ? <th scope="col">Your agency</th> : null}
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.id}>
                  <th scope="row">FY{c.fiscalYear}</th>
                  <td>{toIsoDate(c.dueDate)}</td>
                  <td>
                    <Link href={`/data-calls/${c.fiscalYear}`}>Status and roll-up of FY{c.fiscalYear}</Link>
                  </td>
                  {agencyId ? (
                    <td>
                      <Link href={`/data-calls/${c.fiscalYear}/${encodeURIComponent(agencyId)}`}>Your FY{c.fiscalYear} submission</Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can(session.user.role, "datacall.manage") ? (
        <section aria-labelledby="open-call" className="mt-10">
          <h2 id="open-call">Open a data call</h2>
          <OpenDataCallForm suggestedYear={suggested} />
        </section>
      ) : null}
    </>
  );
}
