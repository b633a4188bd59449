"use client";
// Email + password sign-in. One message for every failure (unknown user, wrong password,
// inactive account) so the form does not reveal which accounts exist.
import { signIn } from "next-auth/react";
import { useRef, useState } from "react";
import { safeCallbackUrl } from "./safe-callback-url";
import { signInMessage } from "./sign-in-messages";

const FAILED = "Email or password is incorrect.";
const BUSY = "Too many sign-ins are being checked right now. Wait a few seconds and try again.";
const OFF = "Sign-in with a password is switched off on this installation.";

/** "SignInThrottled:<seconds>" (src/server/auth/options.ts): the same for every email, known or not. */
function throttledMessage(error: string): string | null {
  const match = /^SignInThrottled:(\d+)$/.exec(error);
  if (!match) return null;
  const seconds = Number(match[1]);
  const wait = seconds <= 60 ? `${Math.max(1, seconds)} second${seconds === 1 ? "" : "s"}` : `about ${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-ins for this email address or from your network. Try again in ${wait}.`;
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    const target = safeCallbackUrl(callbackUrl);
    try {
      const result = await signIn("credentials", { redirect: false, email, password, callbackUrl: target });
      if (result?.ok && !result.error) {
        // Full navigation so the server renders the header with the new session.
        window.location.assign(target);
        return;
      }
      // SIGN_IN_BUSY of src/server/auth/options.ts: too many password checks queued.
      // Refusals that are not about the password (a role requiring PIV/CAC) say so.
      const code = result?.error ?? "";
      setError(code === "SignInBusy" ? BUSY : code === "PasswordsOff" ? OFF : (throttledMessage(code) ?? signInMessage(code || undefined) ?? FAILED));
    } catch {
      setError(FAILED);
    }
    setPending(false);
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-describedby={error ? "sign-in-error" : undefined}>
      <div aria-live="assertive" aria-atomic="true">
        {error ? (
          <div
            id="sign-in-error"
            ref={errorRef}
            tabIndex={-1}
            role="alert"
            className="border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3 font-semibold text-[#1b1b1b]"
          >
            {error}
          </div>
        ) : null}
      </div>
      <div>
        <label htmlFor="email" className="block font-semibold">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full max-w-md rounded-none border border-[#565c65] px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full max-w-md rounded-none border border-[#565c65] px-3 py-2"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-[#005ea2] px-5 py-2.5 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
