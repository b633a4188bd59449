"use client";
// Change one's own password (also the change due after an administrator's reset). Every
// session ends with the change, this one included, so on success the form signs in again
// with the new password and goes on to where the person was heading.
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/server/actions/action";
import { changeOwnPasswordAction } from "@/server/actions/account";
import { safeCallbackUrl } from "../safe-callback-url";
import { ErrorSummary, PasswordField } from "./password-field";

interface FormState {
  result: ActionResult<{ email: string }> | null;
  submission: number;
}

const LABELS: Record<string, string> = { currentPassword: "Current password", newPassword: "New password", confirmPassword: "New password again" };

export function PasswordChangeForm({ minLength, callbackUrl }: { minLength: number; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(async (previous: FormState, formData: FormData): Promise<FormState> => {
    const result = await changeOwnPasswordAction(formData);
    if (result.ok) {
      const target = safeCallbackUrl(callbackUrl);
      const again = await signIn("credentials", { redirect: false, email: result.data.email, password: String(formData.get("newPassword") ?? ""), callbackUrl: target });
      window.location.assign(again?.ok && !again.error ? target : `/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    }
    return { result, submission: previous.submission + 1 };
  }, { result: null, submission: 0 });
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.submission > 0 && state.result && !state.result.ok) summaryRef.current?.focus();
  }, [state]);

  const error = state.result && !state.result.ok ? state.result.error : null;
  const errorFor = (name: string) => error?.fieldErrors?.[name]?.[0];
  return (
    <div>
      {state.result?.ok ? (
        <p role="status" className="mb-4 border-l-8 border-[#00a91c] bg-[#ecf3ec] px-4 py-3">
          Your password was changed. Signing you in again…
        </p>
      ) : null}
      {error ? (
        <ErrorSummary
          summaryRef={summaryRef}
          message={error.message}
          items={Object.keys(LABELS).filter((k) => errorFor(k)).map((k) => ({ href: `#account-${k}`, text: `${LABELS[k]}: ${errorFor(k)}` }))}
        />
      ) : null}
      <form key={state.submission} action={formAction} noValidate className="space-y-5">
        <PasswordField id="account-currentPassword" name="currentPassword" label={LABELS.currentPassword!} error={errorFor("currentPassword")} autoComplete="current-password" />
        <PasswordField
          id="account-newPassword"
          name="newPassword"
          label={LABELS.newPassword!}
          hint={`At least ${minLength} characters, at most 72 bytes (letters outside A–Z count as 2 to 4). No rules about digits or symbols: a few unrelated words work well. Common passwords, your email and the name of this service are refused.`}
          error={errorFor("newPassword")}
          autoComplete="new-password"
        />
        <PasswordField id="account-confirmPassword" name="confirmPassword" label={LABELS.confirmPassword!} error={errorFor("confirmPassword")} autoComplete="new-password" />
        <button type="submit" disabled={pending} className="rounded bg-[#005ea2] px-5 py-2.5 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70">
          {pending ? "Changing password…" : "Change password"}
        </button>
      </form>
    </div>
  );
}
