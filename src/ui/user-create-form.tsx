"use client";
// Create-user form. Field errors from the action's result appear beside each field and in
// an error summary at the top (focused after a failed submit). Entered values (except the
// password) survive a failed submit.
import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/server/actions/action";
import { createUserAction } from "@/server/actions/users";
import { ADMIN_PASSWORD_MIN_LENGTH, PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "@/server/users/user-input";

type Created = { id: string; email: string; name: string };

interface FormState {
  result: ActionResult<Created> | null;
  values: Record<string, string>;
  submission: number;
}

const FIELDS = [
  { name: "email", label: "Email address" },
  { name: "name", label: "Full name" },
  { name: "role", label: "Role" },
  { name: "agencyId", label: "Agency" },
  { name: "password", label: "Initial password" },
] as const;

const ROLE_OPTIONS = [
  { value: "VIEWER", label: "Viewer — reads everything" },
  { value: "COORDINATOR", label: "Coordinator — records their agency's participation" },
  { value: "LEAD", label: "Lead — reads all agencies' data" },
  { value: "ADMIN", label: "Administrator — manages users and reference data" },
];

const inputClass = "mt-1 block w-full max-w-md border px-3 py-2";

export function UserCreateForm({ agencies }: { agencies: { id: string; acronym: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(
    async (previous: FormState, formData: FormData): Promise<FormState> => {
      const result = await createUserAction(formData);
      const values: Record<string, string> = {};
      for (const field of ["email", "name", "role", "agencyId"]) {
        const value = formData.get(field);
        if (typeof value === "string") values[field] = value;
      }
      return { result, values: result.ok ? {} : values, submission: previous.submission + 1 };
    },
    { result: null, values: {}, submission: 0 },
  );
  const summaryRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.submission === 0) return;
    (state.result?.ok ? successRef : summaryRef).current?.focus();
  }, [state]);

  const error = state.result && !state.result.ok ? state.result.error : null;
  const fieldErrors = error?.fieldErrors ?? {};
  const errorFor = (name: string) => fieldErrors[name]?.[0];
  const describedBy = (name: string, hint?: string) =>
    [hint, errorFor(name) ? `user-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const borderFor = (name: string) => (errorFor(name) ? "border-[#b50909] border-2" : "border-[#565c65]");

  return (
    <div>
      {state.result?.ok ? (
        <div
          ref={successRef}
          tabIndex={-1}
          role="status"
          className="mb-4 border-l-8 border-[#00a91c] bg-[#ecf3ec] px-4 py-3"
        >
          Created <strong>{state.result.data.name}</strong> ({state.result.data.email}).
        </div>
      ) : null}
      {error ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby="user-form-error-title"
          className="mb-4 border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3"
        >
          <h3 id="user-form-error-title" className="mt-0">
            There is a problem
          </h3>
          <p className="mb-1">{error.message}</p>
          {Object.keys(fieldErrors).length > 0 ? (
            <ul className="m-0 list-disc pl-6">
              {FIELDS.filter((f) => errorFor(f.name)).map((f) => (
                <li key={f.name}>
                  <a href={`#user-${f.name}`} className="text-[#8b0a03]">
                    {f.label}: {errorFor(f.name)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <form key={state.submission} action={formAction} noValidate className="space-y-5">
        <div>
          <label htmlFor="user-email" className="block font-semibold">
            Email address
          </label>
          {errorFor("email") ? (
            <p id="user-email-error" className="m-0 font-semibold text-[#b50909]">
              {errorFor("email")}
            </p>
          ) : null}
          <input
            id="user-email"
            name="email"
            type="email"
            autoComplete="off"
            required
            defaultValue={state.values.email ?? ""}
            aria-invalid={errorFor("email") ? true : undefined}
            aria-describedby={describedBy("email")}
            className={`${inputClass} ${borderFor("email")}`}
          />
        </div>
        <div>
          <label htmlFor="user-name" className="block font-semibold">
            Full name
          </label>
          {errorFor("name") ? (
            <p id="user-name-error" className="m-0 font-semibold text-[#b50909]">
              {errorFor("name")}
            </p>
          ) : null}
          <input
            id="user-name"
            name="name"
            type="text"
            autoComplete="off"
            required
            defaultValue={state.values.name ?? ""}
            aria-invalid={errorFor("name") ? true : undefined}
            aria-describedby={describedBy("name")}
            className={`${inputClass} ${borderFor("name")}`}
          />
        </div>
        <div>
          <label htmlFor="user-role" className="block font-semibold">
            Role
          </label>
          {errorFor("role") ? (
            <p id="user-role-error" className="m-0 font-semibold text-[#b50909]">
              {errorFor("role")}
            </p>
          ) : null}
          <select
            id="user-role"
            name="role"
            required
            defaultValue={state.values.role ?? "VIEWER"}
            aria-invalid={errorFor("role") ? true : undefined}
            aria-describedby={describedBy("role")}
            className={`${inputClass} bg-white ${borderFor("role")}`}
          >
            {ROLE_OPTIONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="user-agencyId" className="block font-semibold">
            Agency
          </label>
          <p id="user-agencyId-hint" className="m-0 text-sm text-[#565c65]">
            Required for coordinators, who can only record their own agency&apos;s participation.
          </p>
          {errorFor("agencyId") ? (
            <p id="user-agencyId-error" className="m-0 font-semibold text-[#b50909]">
              {errorFor("agencyId")}
            </p>
          ) : null}
          <select
            id="user-agencyId"
            name="agencyId"
            defaultValue={state.values.agencyId ?? ""}
            aria-invalid={errorFor("agencyId") ? true : undefined}
            aria-describedby={describedBy("agencyId", "user-agencyId-hint")}
            className={`${inputClass} bg-white ${borderFor("agencyId")}`}
          >
            <option value="">No agency</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.acronym} — {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="user-password" className="block font-semibold">
            Initial password
          </label>
          <p id="user-password-hint" className="m-0 text-sm text-[#565c65]">
            {PASSWORD_MIN_LENGTH} to {PASSWORD_MAX_BYTES} characters ({ADMIN_PASSWORD_MIN_LENGTH} or more for administrators; letters outside A–Z count as 2 to 4); common passwords are refused. Share it with the person through a separate channel: they choose their own at first sign-in.
          </p>
          {errorFor("password") ? (
            <p id="user-password-error" className="m-0 font-semibold text-[#b50909]">
              {errorFor("password")}
            </p>
          ) : null}
          <input
            id="user-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={PASSWORD_MAX_BYTES}
            aria-invalid={errorFor("password") ? true : undefined}
            aria-describedby={describedBy("password", "user-password-hint")}
            className={`${inputClass} ${borderFor("password")}`}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-[#005ea2] px-5 py-2.5 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70"
        >
          {pending ? "Creating user…" : "Create user"}
        </button>
      </form>
    </div>
  );
}
