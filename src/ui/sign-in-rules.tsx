"use client";
// The admin's sign-in rules: per-role authenticator requirement, email-domain rules.
import { useActionState, useEffect, useRef } from "react";
import type { Role } from "@/generated/prisma/enums";
import type { ActionResult } from "@/server/actions/action";
import { createDomainRuleAction, deleteDomainRuleAction, setRoleRequirementAction } from "@/server/actions/sign-in-admin";

type Result = ActionResult<unknown> | null;

function ErrorLine({ result }: { result: Result }) {
  return <div aria-live="polite">{result && !result.ok ? <p className="m-0 mt-1 text-sm font-semibold text-[#b50909]" role="alert">{result.error.message}</p> : null}</div>;
}

export function RoleRequirementToggle({ role, label, required }: { role: Role; label: string; required: boolean }) {
  const [result, formAction, pending] = useActionState(async (_: Result, formData: FormData) => setRoleRequirementAction(formData), null);
  return (
    <form action={formAction}>
      <input type="hidden" name="role" value={role} />
      <input type="hidden" name="requirePhishingResistant" value={required ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-[#005ea2] px-3 py-1 text-sm font-semibold text-[#005ea2] hover:bg-[#e7f2f8] disabled:opacity-70"
      >
        {pending ? "Saving…" : required ? "Stop requiring" : "Require"}
        <span className="sr-only"> a phishing-resistant authenticator for {label}</span>
      </button>
      <ErrorLine result={result} />
    </form>
  );
}

export function DomainRuleDelete({ ruleId, domain }: { ruleId: string; domain: string }) {
  const [result, formAction, pending] = useActionState(async (_: Result, formData: FormData) => deleteDomainRuleAction(formData), null);
  return (
    <form action={formAction}>
      <input type="hidden" name="ruleId" value={ruleId} />
      <button type="submit" disabled={pending} className="rounded border border-[#b50909] px-3 py-1 text-sm font-semibold text-[#b50909] hover:bg-[#f4e3db] disabled:opacity-70">
        {pending ? "Removing…" : "Remove"}
        <span className="sr-only"> the rule for {domain}</span>
      </button>
      <ErrorLine result={result} />
    </form>
  );
}

const inputClass = "mt-1 block w-full max-w-md border border-[#565c65] px-3 py-2";

export function DomainRuleForm({ agencies }: { agencies: { id: string; acronym: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(
    async (previous: { result: Result; n: number }, formData: FormData): Promise<{ result: Result; n: number }> => ({
      result: await createDomainRuleAction(formData),
      n: previous.n + 1,
    }),
    { result: null, n: 0 },
  );
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.result?.ok) formRef.current?.reset();
  }, [state]);
  const fieldErrors = state.result && !state.result.ok ? (state.result.error.fieldErrors ?? {}) : {};
  const err = (name: string) => fieldErrors[name]?.[0];
  const field = (name: string) => ({
    "aria-invalid": err(name) ? true : undefined,
    "aria-describedby": err(name) ? `rule-${name}-error` : undefined,
  });
  const errorText = (name: string) =>
    err(name) ? (
      <p id={`rule-${name}-error`} className="m-0 mt-1 text-sm font-semibold text-[#b50909]">
        {err(name)}
      </p>
    ) : null;
  return (
    <form ref={formRef} action={formAction} className="space-y-4" noValidate>
      <div>
        <label htmlFor="rule-domain" className="block font-semibold">
          Email domain
        </label>
        <p id="rule-domain-hint" className="m-0 text-sm text-[#565c65]">
          Such as agency.gov; it also covers subdomains (lab.agency.gov) unless they have their own rule.
        </p>
        <input id="rule-domain" name="domain" className={inputClass} {...field("domain")} aria-describedby={["rule-domain-hint", err("domain") ? "rule-domain-error" : null].filter(Boolean).join(" ")} />
        {errorText("domain")}
      </div>
      <div>
        <label htmlFor="rule-agency" className="block font-semibold">
          Agency
        </label>
        <select id="rule-agency" name="agencyId" className={inputClass} defaultValue="" {...field("agencyId")}>
          <option value="">Choose an agency</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.acronym} — {a.name}
            </option>
          ))}
        </select>
        {errorText("agencyId")}
      </div>
      <div>
        <label htmlFor="rule-role" className="block font-semibold">
          Suggested role
        </label>
        <select id="rule-role" name="role" className={inputClass} defaultValue="VIEWER" {...field("role")}>
          <option value="VIEWER">Viewer</option>
          <option value="COORDINATOR">Coordinator</option>
          <option value="LEAD">Lead</option>
        </select>
        {errorText("role")}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-[#005ea2] px-5 py-2.5 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70">
        {pending ? "Adding…" : "Add rule"}
      </button>
      <div aria-live="polite">
        {state.result?.ok ? <p className="m-0 font-semibold text-[#216e1f]" role="status">Rule added.</p> : null}
        {state.result && !state.result.ok && !Object.keys(fieldErrors).length ? <p className="m-0 font-semibold text-[#b50909]" role="alert">{state.result.error.message}</p> : null}
      </div>
    </form>
  );
}
