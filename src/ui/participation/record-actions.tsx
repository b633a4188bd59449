"use client";
// Small mutations on a record's page: deactivate/reactivate a participant, end an
// engagement (set its end date), confirm it is still active (one click), delete an
// engagement or activity after a confirmation.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { engagementEndInput } from "@/domain/participation/inputs";
import type { ActionResult } from "@/server/actions/action";
import {
  confirmEngagementAction, deleteActivityAction, deleteEngagementAction, endEngagementAction, setParticipantActiveAction,
} from "@/server/actions/participation";
import {
  buttonClass, controlProps, dangerButtonClass, Field, FormProblem, secondaryButtonClass, useValidatedAction,
} from "./form-bits";
import { ENGAGEMENT_CURRENT_LABELS } from "./engagement-form";

function ResultMessage({ result }: { result: ActionResult<unknown> | null }) {
  if (!result || result.ok) return null;
  return (
    <div role="alert" className="mt-3 border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3">
      <p className="m-0">{result.error.message}</p>
      {result.error.code === "CONFLICT" ? (
        <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => window.location.reload()}>
          Load the latest version
        </button>
      ) : null}
    </div>
  );
}

export function ParticipantActiveToggle({ id, version, active, name }: { id: string; version: number; active: boolean; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        className={(active ? secondaryButtonClass : buttonClass).replace(/py-2(\.5)?/, "py-1.5")}
        onClick={() =>
          startTransition(async () => {
            const r = await setParticipantActiveAction({ id, version, active: !active });
            setResult(r);
            if (r.ok) router.refresh();
          })
        }
      >
        {pending ? "Saving…" : active ? "Deactivate" : "Reactivate"}
        <span className="sr-only"> {name}</span>
      </button>
      <ResultMessage result={result} />
    </div>
  );
}

export function EngagementEndForm({ id, version, startDate, defaultEnd }: { id: string; version: number; startDate: string; defaultEnd: string }) {
  const router = useRouter();
  const { state, formAction, pending, error, errorFor, summaryRef } = useValidatedAction(
    engagementEndInput,
    (values) => endEngagementAction(values),
    () => {
      router.replace(`/engagements/${encodeURIComponent(id)}?saved=ended`);
      router.refresh();
    },
    { horizon: true },
  );
  return (
    <div>
      <FormProblem
        error={error}
        fields={[{ name: "endDate", label: "End date" }]}
        prefix="end"
        summaryRef={summaryRef}
        currentLabels={ENGAGEMENT_CURRENT_LABELS}
      />
      <form key={state.submission} action={formAction} noValidate className="flex flex-wrap items-end gap-4">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="startDate" value={startDate} />
        <Field id="end-endDate" label="End date" hint={`On or after the start date (${startDate}).`} error={errorFor("endDate")}>
          <input {...controlProps("end-endDate", errorFor("endDate"), true)} type="date" name="endDate" defaultValue={state.values.endDate ?? defaultEnd} required />
        </Field>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Saving…" : "End engagement"}
        </button>
      </form>
    </div>
  );
}

/** "Confirm still active": one click records today as the day the seat was last confirmed. */
export function ConfirmActiveButton({ id, version, label }: { id: string; version: number; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  return (
    <div>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const outcome = await confirmEngagementAction({ id, version });
            setResult(outcome);
            if (outcome.ok) {
              router.replace(`/engagements/${encodeURIComponent(id)}?saved=confirmed`);
              router.refresh();
            }
          })
        }
      >
        {pending ? "Confirming…" : "Confirm still active"}
        <span className="sr-only"> ({label})</span>
      </button>
      <ResultMessage result={result} />
    </div>
  );
}

/** Delete with a confirmation step; focus moves into the confirmation and back on cancel. */
export function DeleteRecord({ kind, id, version, label }: { kind: "engagement" | "activity"; id: string; version: number; label: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const titleId = `delete-${kind}-title`;
  if (!confirming) {
    return (
      <div>
        <button ref={openRef} type="button" className={dangerButtonClass} onClick={() => setConfirming(true)}>
          Delete this {kind}
        </button>
        <ResultMessage result={result} />
      </div>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby={titleId}
      className="border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3"
    >
      <h3 id={titleId} className="mt-0">
        Delete this {kind}?
      </h3>
      <p>
        {label} will be removed from lists, exports and dashboards. The audit log keeps a copy. This cannot be undone here.
      </p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          ref={confirmRef}
          disabled={pending}
          className={dangerButtonClass}
          onClick={() =>
            startTransition(async () => {
              const r = kind === "engagement" ? await deleteEngagementAction({ id, version }) : await deleteActivityAction({ id, version });
              setResult(r);
              setConfirming(false);
              if (r.ok) router.push(kind === "engagement" ? "/engagements?deleted=1" : "/activities?deleted=1");
            })
          }
        >
          {pending ? "Deleting…" : `Yes, delete this ${kind}`}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            setConfirming(false);
            requestAnimationFrame(() => openRef.current?.focus());
          }}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
