// Audit events shown readably: who, when, what, and a before -> after table of the fields
// that changed. Used on the audit page and for each record's own history.
import { auditChanges } from "./audit-diff";

export interface AuditEventView {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorEmail: string;
  createdAt: Date;
  before: unknown;
  after: unknown;
}

const VERBS: Record<string, string> = {
  create: "Created",
  update: "Edited",
  delete: "Deleted",
  end: "Ended",
  "set-active": "Activation changed",
  "sign-in-failed": "Failed sign-in",
  "sign-out": "Signed out",
};

export function actionLabel(action: string): string {
  const verb = action.split(".").pop() ?? action;
  return VERBS[verb] ?? action;
}

export function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function AuditChanges({ before, after, caption }: { before: unknown; after: unknown; caption: string }) {
  const changes = auditChanges(before, after);
  if (changes.length === 0) return <p className="m-0 text-sm text-[#565c65]">No field changed.</p>;
  return (
    <table className="data-table table-fixed text-sm [&_td]:break-words">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="w-[32%]">
            Field
          </th>
          <th scope="col" className="w-[34%]">
            Before
          </th>
          <th scope="col" className="w-[34%]">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row" className="font-semibold">
              {c.label}
            </th>
            <td>{c.before === null ? <span className="text-[#565c65]">(empty)</span> : <del className="decoration-[#b50909]">{c.before}</del>}</td>
            <td>{c.after === null ? <span className="text-[#565c65]">(empty)</span> : <ins className="no-underline font-semibold">{c.after}</ins>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A record's own history, newest first. */
export function RecordHistory({ events, headingId = "history-heading" }: { events: AuditEventView[]; headingId?: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>History</h2>
      {events.length === 0 ? (
        <p>No changes have been recorded for this record yet.</p>
      ) : (
        <ol className="m-0 list-none space-y-4 p-0">
          {events.map((e) => (
            <li key={e.id} className="rounded border border-[#dfe1e2] p-4">
              <p className="m-0 mb-2">
                <strong>{actionLabel(e.action)}</strong> by {e.actorEmail} on <time dateTime={e.createdAt.toISOString()}>{formatTimestamp(e.createdAt)}</time>
              </p>
              <div className="relative overflow-x-auto">
                <AuditChanges before={e.before} after={e.after} caption={`Changes: ${actionLabel(e.action)} on ${formatTimestamp(e.createdAt)}`} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
