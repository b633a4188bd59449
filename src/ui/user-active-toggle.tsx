"use client";
// Activate / deactivate one user. The server refuses to let admins deactivate themselves;
// the button is also withheld for the signed-in user's own row.
import { useActionState } from "react";
import type { ActionResult } from "@/server/actions/action";
import { setUserActiveAction } from "@/server/actions/users";

type State = ActionResult<{ id: string; name: string; active: boolean }> | null;

export function UserActiveToggle({ userId, name, active, isSelf }: { userId: string; name: string; active: boolean; isSelf: boolean }) {
  const [state, formAction, pending] = useActionState(
    async (_previous: State, formData: FormData): Promise<State> => setUserActiveAction(formData),
    null,
  );
  if (isSelf) return <span className="text-sm text-[#565c65]">This is you</span>;
  const error = state && !state.ok ? state.error.message : null;
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className={
          active
            ? "rounded border border-[#b50909] px-3 py-1 text-sm font-semibold text-[#b50909] hover:bg-[#f4e3db] disabled:opacity-70"
            : "rounded border border-[#005ea2] px-3 py-1 text-sm font-semibold text-[#005ea2] hover:bg-[#e7f2f8] disabled:opacity-70"
        }
      >
        {pending ? "Saving…" : active ? "Deactivate" : "Activate"}
        <span className="sr-only"> {name}</span>
      </button>
      <div aria-live="polite">{error ? <p className="m-0 mt-1 text-sm font-semibold text-[#b50909]" role="alert">{error}</p> : null}</div>
    </form>
  );
}
