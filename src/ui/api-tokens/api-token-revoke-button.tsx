"use client";
// Revoke one token: it stops working on its next request.
import { useActionState } from "react";
import type { ActionResult } from "@/server/actions/action";
import { revokeApiTokenAction } from "@/server/actions/api-tokens";

type State = ActionResult<{ id: string; name: string }> | null;

export function ApiTokenRevokeButton({ id, name }: { id: string; name: string }) {
  const [state, formAction, pending] = useActionState(
    async (_previous: State, formData: FormData): Promise<State> => revokeApiTokenAction(formData),
    null,
  );
  const error = state && !state.ok ? state.error.message : null;
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-[#b50909] px-3 py-1 text-sm font-semibold text-[#b50909] hover:bg-[#f4e3db] disabled:opacity-70"
      >
        {pending ? "Revoking…" : "Revoke"}
        <span className="sr-only"> {name}</span>
      </button>
      <div aria-live="polite">{error ? <p className="m-0 mt-1 text-sm font-semibold text-[#b50909]" role="alert">{error}</p> : null}</div>
    </form>
  );
}
