"use client";
// The admins' list of pending accounts (first OpenID Connect sign-ins): approve each with
// a role and an agency (pre-filled from an email-domain rule, if one matched), or reject.
import { useActionState, useId } from "react";
import type { Role } from "@/generated/prisma/enums";
import type { ActionResult } from "@/server/actions/action";
import { approveAccessRequestAction, rejectAccessRequestAction } from "@/server/actions/sign-in-admin";
import type { PendingAccountView } from "@/server/users/pending-account-views";


type Agency = { id: string; acronym: string; name: string };

const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: "VIEWER", label: "Viewer" },
  { value: "COORDINATOR", label: "Coordinator" },
  { value: "LEAD", label: "Lead" },
  { value: "ADMIN", label: "Administrator" },
];

const selectClass = "mt-1 block w-full border border-[#565c65] px-2 py-1.5";

function PendingAccount({ request, agencies }: { request: PendingAccountView; agencies: Agency[] }) {
  const id = useId();
  const [approved, approve, approving] = useActionState(
    async (_: ActionResult<unknown> | null, formData: FormData) => approveAccessRequestAction(formData),
    null,
  );
  const [rejected, reject, rejecting] = useActionState(async (_: ActionResult<unknown> | null, formData: FormData) => rejectAccessRequestAction(formData), null);
  const result = approved ?? rejected;
  const error = result && !result.ok ? result.error : null;
  if (approved?.ok || rejected?.ok) {
    return (
      <li className="rounded border border-[#dfe1e2] p-4" role="status">
        {approved?.ok ? `${request.name} was approved and can now sign in.` : `${request.name}'s request was rejected.`}
      </li>
    );
  }
  const agencyError = error?.fieldErrors?.agencyId?.[0];
  return (
    <li className="rounded border border-[#dfe1e2] p-4">
      <h3 className="m-0 text-lg" id={`${id}-name`}>
        {request.name}
      </h3>
      <p className="m-0 mt-1 break-words">
        {request.email || "No email address"}{" "}
        {request.email ? (request.emailVerified ? <span className="text-[#216e1f]">(verified)</span> : <strong className="text-[#8b0a03]">(not verified)</strong>) : null}
        <span className="text-[#565c65]"> · via {request.providerName} · asked {request.requestedOn}</span>
      </p>
      {request.suggestedAgencyId ? <p className="m-0 mt-1 text-sm text-[#565c65]">Role and agency pre-filled from the rule for this email domain.</p> : null}
      <form action={approve} className="mt-3 flex flex-wrap items-end gap-3" aria-labelledby={`${id}-name`}>
        <input type="hidden" name="requestId" value={request.id} />
        <div className="min-w-40">
          <label htmlFor={`${id}-role`} className="block text-sm font-semibold">
            Role
          </label>
          <select id={`${id}-role`} name="role" defaultValue={request.suggestedRole ?? "VIEWER"} className={selectClass}>
            {ROLE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-56">
          <label htmlFor={`${id}-agency`} className="block text-sm font-semibold">
            Agency <span className="font-normal">(required for coordinators)</span>
          </label>
          <select
            id={`${id}-agency`}
            name="agencyId"
            defaultValue={request.suggestedAgencyId ?? ""}
            className={selectClass}
            aria-invalid={agencyError ? true : undefined}
            aria-describedby={agencyError ? `${id}-agency-error` : undefined}
          >
            <option value="">No agency</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.acronym} — {a.name}
              </option>
            ))}
          </select>
          {agencyError ? (
            <p id={`${id}-agency-error`} className="m-0 mt-1 text-sm font-semibold text-[#b50909]">
              {agencyError}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={approving || rejecting} className="rounded bg-[#005ea2] px-4 py-2 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70">
          {approving ? "Approving…" : "Approve"}
          <span className="sr-only"> {request.name}</span>
        </button>
      </form>
      <form action={reject} className="mt-2">
        <input type="hidden" name="requestId" value={request.id} />
        <button
          type="submit"
          disabled={approving || rejecting}
          className="rounded border border-[#b50909] px-3 py-1 text-sm font-semibold text-[#b50909] hover:bg-[#f4e3db] disabled:opacity-70"
        >
          {rejecting ? "Rejecting…" : "Reject"}
          <span className="sr-only"> {request.name}</span>
        </button>
      </form>
      <div aria-live="polite">{error ? <p className="m-0 mt-2 font-semibold text-[#b50909]" role="alert">{error.message}</p> : null}</div>
    </li>
  );
}

export function PendingAccounts({ requests, agencies }: { requests: PendingAccountView[]; agencies: Agency[] }) {
  return (
    <section aria-labelledby="pending-accounts" className="mb-8">
      <h2 id="pending-accounts">Waiting for approval ({requests.length})</h2>
      {requests.length === 0 ? (
        <p>No one is waiting. People who sign in with an identity provider for the first time appear here.</p>
      ) : (
        <>
          <p>These people signed in with an identity provider for the first time. They see nothing until you approve them with a role and an agency.</p>
          <ul className="m-0 flex list-none flex-col gap-3 p-0">
            {requests.map((r) => (
              <PendingAccount key={r.id} request={r} agencies={agencies} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
