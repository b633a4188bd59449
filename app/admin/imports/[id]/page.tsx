// One import: its facts (who, when, file, hash, counts, status, duration), its progress
// while running, the preview (changes with fields, every problem with line and column,
// removals in sync mode) with commit / cancel, and undo once committed.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/server/auth/session";
import { getImportRun } from "@/server/imports/runs";
import { PreviewActions, UndoAction } from "@/ui/imports/import-actions";
import { ImportProgress } from "@/ui/imports/import-progress";
import { formatBytes, formatDuration, formatValue } from "@/ui/imports/status";
import { StatusTag } from "@/ui/imports/status-tag";
import { PageHeading } from "@/ui/page-heading";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const ENTITY_LABEL: Record<string, string> = { Sdo: "SDOs", Committee: "Committees", Standard: "Standards" };
const ENTITY_ONE: Record<string, string> = { Sdo: "SDO", Committee: "Committee", Standard: "Standard" };

export default async function ImportRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePage("import.run", `/admin/imports/${id}`);
  const run = await getImportRun(id);
  if (!run) notFound();
  const s = run.summary;
  const running = run.status === "PROCESSING" || run.status === "COMMITTING" || run.phase === "undo";
  const rows = s?.rows;
  return (
    <>
      <p className="m-0 mb-2">
        <Link href="/admin/imports">← All imports</Link>
      </p>
      <PageHeading eyebrow="Import" title={run.fileName} />

      <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Status</dt>
        <dd className="m-0">
          <StatusTag status={run.status} />
        </dd>
        <dt className="font-semibold">Uploaded by</dt>
        <dd className="m-0 break-all">
          {run.user.name} ({run.user.email})
        </dd>
        <dt className="font-semibold">Uploaded (UTC)</dt>
        <dd className="m-0">{dateFormat.format(new Date(run.createdAt))}</dd>
        {run.committedAt ? (
          <>
            <dt className="font-semibold">Committed (UTC)</dt>
            <dd className="m-0">{dateFormat.format(new Date(run.committedAt))}</dd>
          </>
        ) : null}
        {run.undoneAt ? (
          <>
            <dt className="font-semibold">Undone (UTC)</dt>
            <dd className="m-0">{dateFormat.format(new Date(run.undoneAt))}</dd>
          </>
        ) : null}
        <dt className="font-semibold">File</dt>
        <dd className="m-0">
          {run.format}, {formatBytes(run.sizeBytes)}, mode {run.mode === "SYNC" ? "sync" : "merge"}
        </dd>
        <dt className="font-semibold">Content hash (SHA-256)</dt>
        <dd className="m-0 break-all">
          <code>{run.contentHash}</code>
        </dd>
        <dt className="font-semibold">Duration</dt>
        <dd className="m-0">
          {formatDuration(run.durationMs)}
          {s?.timings?.writeMs !== undefined ? ` (preview ${formatDuration(s.timings.previewMs ?? null)}, write ${formatDuration(s.timings.writeMs)})` : ""}
        </dd>
      </dl>

      {running ? (
        <div className="mt-6">
          <ImportProgress runId={run.id} initial={{ status: run.status, phase: run.phase, progress: run.progress }} />
        </div>
      ) : null}

      {run.error ? (
        <div role="alert" className="mt-6 max-w-3xl border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3">
          <p className="m-0 font-semibold">{run.status === "INVALID" ? "This file cannot be imported" : "Problem"}</p>
          <p className="m-0 mt-1">{run.error}</p>
          {s?.fileError && s.fileError.message !== run.error ? <p className="m-0 mt-1">{s.fileError.message}</p> : null}
        </div>
      ) : null}

      {s?.warnings.length ? (
        <div className="mt-6 max-w-3xl border-l-8 border-[#ffbe2e] bg-[#faf3d1] px-4 py-3">
          <p className="m-0 font-semibold">Warnings</p>
          <ul className="m-0 mt-1 pl-6">
            {s.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {rows ? (
        <section aria-labelledby="counts-heading" className="mt-8">
          <h2 id="counts-heading">{run.status === "PREVIEW" ? "Preview" : "Rows"}</h2>
          {run.status === "PREVIEW" && !s.hasChanges ? (
            <p role="status" className="max-w-3xl border-l-8 border-[#00a91c] bg-[#ecf3ec] px-4 py-3 font-semibold">
              All {rows.total.toLocaleString("en-US")} rows are unchanged: everything in this file is already in the database. Nothing to commit.
            </p>
          ) : null}
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption>Rows in the file ({rows.total.toLocaleString("en-US")})</caption>
              <thead>
                <tr>
                  <th scope="col">New</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Unchanged</th>
                  <th scope="col">Invalid</th>
                  {run.mode === "SYNC" && run.status !== "INVALID" ? <th scope="col">To remove</th> : null}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td data-testid="count-new">{rows.new.toLocaleString("en-US")}</td>
                  <td data-testid="count-updated">{rows.updated.toLocaleString("en-US")}</td>
                  <td data-testid="count-unchanged">{rows.unchanged.toLocaleString("en-US")}</td>
                  <td data-testid="count-invalid">{rows.invalid.toLocaleString("en-US")}</td>
                  {run.mode === "SYNC" && run.status !== "INVALID" ? <td>{s.removalsTotal.toLocaleString("en-US")}</td> : null}
                </tr>
              </tbody>
            </table>
          </div>
          {s.entities ? (
            <div className="relative mt-4 overflow-x-auto">
              <table className="data-table">
                <caption>Records</caption>
                <thead>
                  <tr>
                    <th scope="col">Record</th>
                    <th scope="col">New</th>
                    <th scope="col">Updated</th>
                    <th scope="col">Unchanged</th>
                    <th scope="col">Removed</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(s.entities).map(([entity, c]) => (
                    <tr key={entity}>
                      <th scope="row">{ENTITY_LABEL[entity]}</th>
                      <td>{c.created.toLocaleString("en-US")}</td>
                      <td>{c.updated.toLocaleString("en-US")}</td>
                      <td>{c.unchanged.toLocaleString("en-US")}</td>
                      <td>{c.removed.toLocaleString("en-US")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}

      {s && s.errorsTotal > 0 ? (
        <section aria-labelledby="errors-heading" className="mt-8">
          <h2 id="errors-heading">Problems ({s.errorsTotal.toLocaleString("en-US")})</h2>
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption>
                Every problem, by line{s.errorsTotal > s.errors.length ? ` (first ${s.errors.length.toLocaleString("en-US")} shown)` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {s.errors.map((e, i) => (
                  <tr key={i}>
                    <th scope="row">{e.line}</th>
                    <td>{e.column ? <code>{e.column}</code> : "—"}</td>
                    <td className="break-words">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {s && s.changesTotal > 0 ? (
        <section aria-labelledby="changes-heading" className="mt-8">
          <h2 id="changes-heading">Changes ({s.changesTotal.toLocaleString("en-US")})</h2>
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption>
                New and updated records{s.changesTotal > s.changes.length ? ` (first ${s.changes.length.toLocaleString("en-US")} shown)` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Record</th>
                  <th scope="col">Change</th>
                  <th scope="col">Fields</th>
                </tr>
              </thead>
              <tbody>
                {s.changes.map((c, i) => (
                  <tr key={i}>
                    <td>{c.line}</td>
                    <th scope="row" className="break-words">
                      {ENTITY_ONE[c.entity]} {c.key}
                    </th>
                    <td>{c.op === "create" ? "New" : "Updated"}</td>
                    <td className="break-words">
                      {c.op === "create" ? (
                        "—"
                      ) : (
                        <ul className="m-0 pl-4">
                          {c.changes.map((f) => (
                            <li key={f.field}>
                              <code>{f.field}</code>: {formatValue(f.from)} → {formatValue(f.to)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {run.mode === "SYNC" && run.status === "INVALID" && rows ? (
        <p className="mt-8 max-w-3xl">Sync would remove nothing: a file with problems is not imported. Fix the problems to see what sync would remove.</p>
      ) : null}

      {run.mode === "SYNC" && run.status !== "INVALID" && s && (s.removalsTotal > 0 || s.keptInUse.length > 0) ? (
        <section aria-labelledby="removals-heading" className="mt-8">
          <h2 id="removals-heading">{run.status === "COMMITTED" || run.status === "UNDONE" ? "Removed by sync" : "Would be removed by sync"} ({s.removalsTotal.toLocaleString("en-US")})</h2>
          {s.removals.length ? (
            <ul className="max-w-3xl" data-testid="removals">
              {s.removals.map((r) => (
                <li key={`${r.entity}:${r.key}`}>
                  {ENTITY_ONE[r.entity]} {r.key}
                </li>
              ))}
            </ul>
          ) : (
            <p>Nothing.</p>
          )}
          {s.keptInUse.length ? (
            <>
              <h3>Kept because they are in use ({s.keptInUse.length.toLocaleString("en-US")})</h3>
              <ul className="max-w-3xl">
                {s.keptInUse.map((r) => (
                  <li key={`${r.entity}:${r.key}`}>
                    {ENTITY_ONE[r.entity]} {r.key} — {r.why}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <div className="mt-8">
        {run.status === "PREVIEW" ? (
          <PreviewActions runId={run.id} canCommit={Boolean(s?.hasChanges)} removals={s?.removalsTotal ?? 0} closeLabel={s?.hasChanges ? "Cancel import" : "Close without changes"} />
        ) : null}
        {run.status === "COMMITTED" && run.phase !== "undo" ? (
          <>
            <h2>Undo</h2>
            <p className="max-w-3xl">This import changed {run.changeCount.toLocaleString("en-US")} records.</p>
            <UndoAction runId={run.id} />
          </>
        ) : null}
      </div>
    </>
  );
}
