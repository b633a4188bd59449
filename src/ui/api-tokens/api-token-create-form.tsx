"use client";
// Create a personal access token. The secret is shown once, in a read-only field with a
// copy button; it is never stored or shown again.
import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/server/actions/action";
import { createApiTokenAction } from "@/server/actions/api-tokens";
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from "@/server/api-tokens/token-input";

type Created = { id: string; name: string; secret: string; expiresAt: string };
interface FormState {
  result: ActionResult<Created> | null;
  values: Record<string, string>;
  submission: number;
}

const inputClass = "mt-1 block w-full max-w-md border px-3 py-2";

export function ApiTokenCreateForm() {
  const [state, formAction, pending] = useActionState(
    async (previous: FormState, formData: FormData): Promise<FormState> => {
      const result = await createApiTokenAction(formData);
      const values = Object.fromEntries(["name", "expiresInDays"].map((k) => [k, String(formData.get(k) ?? "")]));
      return { result, values: result.ok ? {} : values, submission: previous.submission + 1 };
    },
    { result: null, values: {}, submission: 0 },
  );
  const focusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.submission > 0) focusRef.current?.focus();
  }, [state]);

  const error = state.result && !state.result.ok ? state.result.error : null;
  const errorFor = (name: string) => error?.fieldErrors?.[name]?.[0];
  const borderFor = (name: string) => (errorFor(name) ? "border-[#b50909] border-2" : "border-[#565c65]");
  const created = state.result?.ok ? state.result.data : null;

  return (
    <div>
      {created ? (
        <div ref={focusRef} tabIndex={-1} role="status" className="mb-4 border-l-8 border-[#00a91c] bg-[#ecf3ec] px-4 py-3">
          <p className="mt-0">
            Created <strong>{created.name}</strong>. Copy the token now: it will not be shown again.
          </p>
          <label htmlFor="api-token-secret" className="block font-semibold">
            Your new token
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="api-token-secret"
              readOnly
              value={created.secret}
              onFocus={(e) => e.currentTarget.select()}
              className="mt-1 block w-full max-w-xl border border-[#565c65] bg-white px-3 py-2 font-mono text-sm"
            />
            <button
              type="button"
              onClick={() => void navigator.clipboard?.writeText(created.secret)}
              className="rounded border border-[#005ea2] px-3 py-2 text-sm font-semibold text-[#005ea2] hover:bg-[#e7f2f8]"
            >
              Copy token
            </button>
          </div>
          <p className="mb-0 mt-2 text-sm">
            Send it as <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/v1/…</code>.
          </p>
        </div>
      ) : null}
      {error ? (
        <div ref={focusRef} tabIndex={-1} role="alert" className="mb-4 border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3">
          <p className="m-0 font-semibold">{error.message}</p>
        </div>
      ) : null}
      <form key={state.submission} action={formAction} noValidate className="space-y-5">
        <div>
          <label htmlFor="api-token-name" className="block font-semibold">
            Name
          </label>
          <p id="api-token-name-hint" className="m-0 text-sm text-[#565c65]">
            What will use it, such as &ldquo;HR roster sync&rdquo;.
          </p>
          {errorFor("name") ? (
            <p id="api-token-name-error" className="m-0 font-semibold text-[#b50909]">
              {errorFor("name")}
            </p>
          ) : null}
          <input
            id="api-token-name"
            name="name"
            type="text"
            autoComplete="off"
            required
            maxLength={200}
            defaultValue={state.values.name ?? ""}
            aria-invalid={errorFor("name") ? true : undefined}
            aria-describedby={["api-token-name-hint", errorFor("name") ? "api-token-name-error" : null].filter(Boolean).join(" ")}
            className={`${inputClass} ${borderFor("name")}`}
          />
        </div>
        <div>
          <label htmlFor="api-token-expiresInDays" className="block font-semibold">
            Expires after (days)
          </label>
          <p id="api-token-expiresInDays-hint" className="m-0 text-sm text-[#565c65]">
            From 1 to {TOKEN_MAX_DAYS} days; {TOKEN_DEFAULT_DAYS} if you do not change it.
          </p>
          {errorFor("expiresInDays") ? (
            <p id="api-token-expiresInDays-error" className="m-0 font-semibold text-[#b50909]">
              {errorFor("expiresInDays")}
            </p>
          ) : null}
          <input
            id="api-token-expiresInDays"
            name="expiresInDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={TOKEN_MAX_DAYS}
            required
            defaultValue={state.values.expiresInDays ?? String(TOKEN_DEFAULT_DAYS)}
            aria-invalid={errorFor("expiresInDays") ? true : undefined}
            aria-describedby={["api-token-expiresInDays-hint", errorFor("expiresInDays") ? "api-token-expiresInDays-error" : null].filter(Boolean).join(" ")}
            className={`${inputClass} max-w-[10rem] ${borderFor("expiresInDays")}`}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-[#005ea2] px-5 py-2 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70"
        >
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
    </div>
  );
}
