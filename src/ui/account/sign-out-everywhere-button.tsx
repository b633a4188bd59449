"use client";
// "Sign out everywhere": for oneself (then this browser goes to the sign-in page too) or,
// on an administrator's page, for a person (userId set).
import { useActionState } from "react";
import type { ActionResult } from "@/server/actions/action";
import { signOutEverywhereAction } from "@/server/actions/account";
import { signOutUserEverywhereAction } from "@/server/actions/user-security";

type State = ActionResult<unknown> | null;

export function SignOutEverywhereButton({ userId, name }: { userId?: string; name?: string }) {
  const [state, formAction, pending] = useActionState(async (_previous: State, formData: FormData): Promise<State> => {
    const result = userId ? await signOutUserEverywhereAction(formData) : await signOutEverywhereAction(formData);
    // A full navigation: this browser's session has ended too.
    if (result.ok && !userId) window.location.assign(new URL("/sign-in", window.location.href).href);
    return result;
  }, null);
  return (
    <form action={formAction}>
      {userId ? <input type="hidden" name="userId" value={userId} /> : null}
      <button type="submit" disabled={pending} className="rounded border border-[#b50909] px-4 py-2 font-semibold text-[#b50909] hover:bg-[#f4e3db] disabled:opacity-70">
        {pending ? "Signing out…" : "Sign out everywhere"}
        {name ? <span className="sr-only"> ({name})</span> : null}
      </button>
      <div aria-live="polite">
        {state?.ok && userId ? <p className="m-0 mt-2 font-semibold text-[#1b1b1b]" role="status">Every session of {name ?? "this person"} has ended.</p> : null}
        {state && !state.ok ? <p className="m-0 mt-2 font-semibold text-[#b50909]" role="alert">{state.error.message}</p> : null}
      </div>
    </form>
  );
}
