"use client";
// The data-call forms: open a call (admins), the narrative, submit, submit a correction,
// accept or return (admins). Each validates with the shared zod schema, then calls its
// server action; the page reloads its server data after a success.
import { useRouter } from "next/navigation";
import { correctionInput, NARRATIVE_FIELDS, NARRATIVE_LABELS, narrativeInput, openDataCallInput, reviewInput, submitInput, type Narrative } from "@/domain/data-call/inputs";
import {
  correctSubmissionAction, openDataCallAction, reviewSubmissionAction, saveNarrativeAction, submitSubmissionAction,
} from "@/server/actions/data-call";
import { buttonClass, controlProps, Field, FieldGroup, FormProblem, secondaryButtonClass, useValidatedAction, type FieldLabel } from "@/ui/participation/form-bits";

function useDone(notice: string) {
  const router = useRouter();
  return () => {
    const url = new URL(window.location.href);
    url.searchParams.set("done", notice);
    router.replace(`${url.pathname}${url.search}`, { scroll: false });
    router.refresh();
  };
}

export function OpenDataCallForm({ suggestedYear }: { suggestedYear: number }) {
  const router = useRouter();
  const { state, formAction, pending, error, errorFor, summaryRef } = useValidatedAction(
    openDataCallInput,
    (values) => openDataCallAction(values),
    (data: { fiscalYear: number }) => router.push(`/data-calls/${data.fiscalYear}?done=opened`),
  );
  const p = "open-call";
  const v = (name: string, fallback: string) => state.values[name] ?? fallback;
  const fields: FieldLabel[] = [
    { name: "fiscalYear", label: "Fiscal year" },
    { name: "dueDate", label: "Due date" },
    { name: "instructions", label: "Instructions" },
  ];
  return (
    <div>
      <FormProblem error={error} fields={fields} prefix={p} summaryRef={summaryRef} />
      <form key={state.submission} action={formAction} noValidate className="space-y-6">
        <div className="grid gap-6 sm:max-w-xl sm:grid-cols-2">
          <Field id={`${p}-fiscalYear`} label="Fiscal year" hint="FY2026 runs from 1 Oct 2025 to 30 Sep 2026." error={errorFor("fiscalYear")}>
            <input {...controlProps(`${p}-fiscalYear`, errorFor("fiscalYear"), true)} name="fiscalYear" type="text" inputMode="numeric" defaultValue={v("fiscalYear", String(suggestedYear))} />
          </Field>
          <Field id={`${p}-dueDate`} label="Due date" hint="Agencies submit by this day." error={errorFor("dueDate")}>
            <input {...controlProps(`${p}-dueDate`, errorFor("dueDate"), true)} name="dueDate" type="date" defaultValue={v("dueDate", "")} />
          </Field>
        </div>
        <Field id={`${p}-instructions`} label="Instructions" hint="What agencies should report and how. At least 10 characters." error={errorFor("instructions")}>
          <textarea {...controlProps(`${p}-instructions`, errorFor("instructions"), true)} name="instructions" rows={4} defaultValue={v("instructions", "")} />
        </Field>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Opening…" : "Open the data call"}
        </button>
      </form>
    </div>
  );
}

export function NarrativeForm({ dataCallId, agencyId, revision, narrative }: { dataCallId: string; agencyId: string; revision: number; narrative: Narrative }) {
  const done = useDone("narrative");
  const { state, formAction, pending, error, errorFor, summaryRef } = useValidatedAction(narrativeInput, (values) => saveNarrativeAction(values), done);
  const p = "narrative";
  const fields: FieldLabel[] = NARRATIVE_FIELDS.map((f) => ({ name: f, label: NARRATIVE_LABELS[f].label }));
  return (
    <div>
      <FormProblem error={error} fields={fields} prefix={p} summaryRef={summaryRef} />
      <form key={`${state.submission}-${revision}`} action={formAction} noValidate className="space-y-6">
        <input type="hidden" name="dataCallId" value={dataCallId} />
        <input type="hidden" name="agencyId" value={agencyId} />
        <input type="hidden" name="revision" value={revision} />
        {NARRATIVE_FIELDS.map((f) => (
          <Field key={f} id={`${p}-${f}`} label={NARRATIVE_LABELS[f].label} hint={`${NARRATIVE_LABELS[f].hint} Required before submitting.`} error={errorFor(f)}>
            <textarea {...controlProps(`${p}-${f}`, errorFor(f), true)} name={f} rows={4} defaultValue={state.values[f] ?? narrative[f]} />
          </Field>
        ))}
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {pending ? "Saving…" : "Save the narrative"}
        </button>
      </form>
    </div>
  );
}

const NARRATIVE_FIELD_LABELS: FieldLabel[] = NARRATIVE_FIELDS.map((f) => ({ name: f, label: NARRATIVE_LABELS[f].label, target: `narrative-${f}` }));

export function SubmitForm({ dataCallId, agencyId }: { dataCallId: string; agencyId: string }) {
  const done = useDone("submitted");
  const { state, formAction, pending, error, summaryRef } = useValidatedAction(submitInput, (values) => submitSubmissionAction(values), done);
  return (
    <div>
      <FormProblem error={error} fields={NARRATIVE_FIELD_LABELS} prefix="submit" summaryRef={summaryRef} />
      <form key={state.submission} action={formAction} noValidate>
        <input type="hidden" name="dataCallId" value={dataCallId} />
        <input type="hidden" name="agencyId" value={agencyId} />
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Submitting…" : "Submit to NIST"}
        </button>
      </form>
    </div>
  );
}

export function CorrectionForm({ dataCallId, agencyId }: { dataCallId: string; agencyId: string }) {
  const done = useDone("corrected");
  const { state, formAction, pending, error, errorFor, summaryRef } = useValidatedAction(correctionInput, (values) => correctSubmissionAction(values), done);
  const p = "correction";
  return (
    <div>
      <FormProblem error={error} fields={[{ name: "reason", label: "Reason for the correction" }, ...NARRATIVE_FIELD_LABELS]} prefix={p} summaryRef={summaryRef} />
      <form key={state.submission} action={formAction} noValidate className="space-y-4">
        <input type="hidden" name="dataCallId" value={dataCallId} />
        <input type="hidden" name="agencyId" value={agencyId} />
        <Field id={`${p}-reason`} label="Reason for the correction" hint="Kept with the new version. At least 10 characters." error={errorFor("reason")}>
          <textarea {...controlProps(`${p}-reason`, errorFor("reason"), true)} name="reason" rows={3} defaultValue={state.values.reason ?? ""} />
        </Field>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Submitting…" : "Submit a corrected version"}
        </button>
      </form>
    </div>
  );
}

export function ReviewForm({ submissionId, snapshotVersion }: { submissionId: string; snapshotVersion: number }) {
  const done = useDone("reviewed");
  const { state, formAction, pending, error, errorFor, summaryRef } = useValidatedAction(reviewInput, (values) => reviewSubmissionAction(values), done);
  const p = "review";
  const decision = state.values.decision ?? "";
  return (
    <div>
      <FormProblem error={error} fields={[{ name: "decision", label: "Decision", target: `${p}-decision-ACCEPTED` }, { name: "reason", label: "Reason" }]} prefix={p} summaryRef={summaryRef} />
      <form key={state.submission} action={formAction} noValidate className="space-y-4">
        <input type="hidden" name="submissionId" value={submissionId} />
        <input type="hidden" name="snapshotVersion" value={snapshotVersion} />
        <FieldGroup id={`${p}-decision`} legend="Decision" error={errorFor("decision")}>
          <div className="mt-1 space-y-1">
            {(
              [
                ["ACCEPTED", "Accept", "the submission is final for the roll-up"],
                ["RETURNED", "Return to the agency", "they fix it and submit again; say why below"],
              ] as const
            ).map(([value, label, hint]) => (
              <div key={value} className="flex items-start gap-2">
                <input type="radio" id={`${p}-decision-${value}`} name="decision" value={value} defaultChecked={decision === value} className="mt-1.5 size-4" />
                <label htmlFor={`${p}-decision-${value}`}>
                  <span className="font-semibold">{label}</span> <span className="text-[#565c65]">— {hint}</span>
                </label>
              </div>
            ))}
          </div>
        </FieldGroup>
        <Field id={`${p}-reason`} label="Reason" hint="Required when returning (at least 10 characters); shown to the agency." error={errorFor("reason")} optional>
          <textarea {...controlProps(`${p}-reason`, errorFor("reason"), true)} name="reason" rows={3} defaultValue={state.values.reason ?? ""} />
        </Field>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Saving…" : "Record the decision"}
        </button>
      </form>
    </div>
  );
}
