"use client";
// An administrator resets a person's password: a generated temporary one (shown once) or one
// they type. Either way the person's sessions end and they must choose their own at next sign-in.
import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/server/actions/action";
import { resetUserPasswordAction } from "@/server/actions/user-security";
import { ErrorSummary, PasswordField } from "./password-field";

type Reset = { id: string; name: string; temporaryPassword: string | null };
interface FormState {
  result: ActionResult<Reset> | null;
  submission: number;
}

export function PasswordResetForm({ userId, minLength }: { userId: string; minLength: number }) {
  const [method, setMethod] = useState<"generate" | "typed">("generate");
  const [state, formAction, pending] = useActionState(
    async (previous: FormState, formData: FormData): Promise<FormState> => ({ result: await resetUserPasswordAction(formData), submission: previous.submission + 1 }),
    { result: null, submission: 0 },
  );
  const focusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.submission > 0) focusRef.current?.focus();
  }, [state]);
  const error = state.result && !state.result.ok ? state.result.error : null;
  const errorFor = (name: string) => error?.fieldErrors?.[name]?.[0];
  const done = state.result?.ok ? state.result.data : null;
  return (
    <div>
      {done ? (
        <div ref={focusRef} tabIndex={-1} role="status" className="mb-4 border-l-8 border-[#00a91c] bg-[#ecf3ec] px-4 py-3">
          <p className="mt-0">
            The password of <strong>{done.name}</strong> was reset. Their sessions have ended; they must choose a new password at next sign-in.
          </p>
          {done.temporaryPassword ? (
            <>
              <label htmlFor="reset-temporary" className="block font-semibold">
                Temporary password (shown once: give it to them through a separate channel)
              </label>
              <input id="reset-temporary" readOnly value={done.temporaryPassword} onFocus={(e) => e.currentTarget.select()} className="mt-1 block w-full max-w-md border border-[#565c65] bg-white px-3 py-2 font-mono" />
            </>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <ErrorSummary summaryRef={focusRef} message={error.message} items={errorFor("password") ? [{ href: "#reset-password", text: `Temporary password: ${errorFor("password")}` }] : []} />
      ) : null}
      <form key={state.submission} action={formAction} noValidate className="space-y-5">
        <input type="hidden" name="userId" value={userId} />
        <fieldset className="space-y-2">
          <legend className="font-semibold">New password</legend>
          <div className="flex items-center gap-2">
            <input id="reset-method-generate" type="radio" name="method" value="generate" checked={method === "generate"} onChange={() => setMethod("generate")} className="h-5 w-5" />
            <label htmlFor="reset-method-generate">Generate a temporary password</label>
          </div>
          <div className="flex items-center gap-2">
            <input id="reset-method-typed" type="radio" name="method" value="typed" checked={method === "typed"} onChange={() => setMethod("typed")} className="h-5 w-5" />
            <label htmlFor="reset-method-typed">Type a temporary password</label>
          </div>
        </fieldset>
        {method === "typed" ? (
          <PasswordField id="reset-password" name="password" label="Temporary password" hint={`At least ${minLength} characters for this person's role; common passwords are refused.`} error={errorFor("password")} autoComplete="off" />
        ) : null}
        <button type="submit" disabled={pending} className="rounded bg-[#005ea2] px-5 py-2.5 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70">
          {pending ? "Resetting…" : "Reset password"}
        </button>
      </form>
    </div>
  );
}
