// Imports (ADMIN only): upload an SDO inventory, the formats with templates, and the
// history of imports.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { requirePage } from "@/server/auth/session";
import { listImportRuns, RUNS_PAGE_SIZE } from "@/server/imports/runs";
import { FormatDocs } from "@/ui/imports/format-docs";
import { formatDuration } from "@/ui/imports/status";
import { StatusTag } from "@/ui/imports/status-tag";
import { UploadForm } from "@/ui/imports/upload-form";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Imports" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ImportsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePage("import.run", "/admin/imports");
  const raw = Number((await searchParams).page ?? 1);
  const page = Number.isInteger(raw) && raw > 0 && raw < 100_000 ? raw : 1;
  const runs = await listImportRuns(page);
  return (
    <>
      <PageHeading
        title="Imports"
        lead={<p>Load inventories of SDOs, committees and standards from CSV or JSON. You see a preview of every change before anything is written.</p>}
      />
      <div className="max-w-3xl rounded border border-[#dfe1e2] p-5">
        <h2 className="mt-0">Upload an inventory</h2>
        <UploadForm />
      </div>

      <section aria-labelledby="history-heading" className="mt-10">
        <h2 id="history-heading">Import history</h2>
        {runs.total === 0 ? (
          <p>No imports yet.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption>
                {runs.total} {runs.total === 1 ? "import" : "imports"}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Status</th>
                  <th scope="col">Rows</th>
                  <th scope="col">New</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Unchanged</th>
                  <th scope="col">Invalid</th>
                  <th scope="col">Removed</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Content hash</th>
                </tr>
              </thead>
              <tbody>
                {runs.items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="break-all">
                      <Link href={`/admin/imports/${r.id}`}>{r.fileName}</Link>
                    </th>
                    <td className="whitespace-nowrap">{dateFormat.format(new Date(r.createdAt))}</td>
                    <td className="break-all">{r.user.email}</td>
                    <td>{r.mode === "SYNC" ? "Sync" : "Merge"}</td>
                    <td>
                      <StatusTag status={r.status} />
                    </td>
                    <td className="text-right">{r.rowsTotal.toLocaleString("en-US")}</td>
                    <td className="text-right">{r.createdCount.toLocaleString("en-US")}</td>
                    <td className="text-right">{r.updatedCount.toLocaleString("en-US")}</td>
                    <td className="text-right">{r.unchangedCount.toLocaleString("en-US")}</td>
                    <td className="text-right">{r.invalidCount.toLocaleString("en-US")}</td>
                    <td className="text-right">{r.removedCount.toLocaleString("en-US")}</td>
                    <td className="whitespace-nowrap">{formatDuration(r.durationMs)}</td>
                    <td>
                      <code title={r.contentHash}>{r.contentHash.slice(0, 12)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination
          page={runs.page}
          pageCount={runs.pageCount}
          total={runs.total}
          pageSize={RUNS_PAGE_SIZE}
          hrefFor={(p) => `/admin/imports?page=${p}`}
          label="Import history pages"
        />
      </section>

      <FormatDocs />
    </>
  );
}
