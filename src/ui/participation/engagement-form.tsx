"use client";
// Create / edit an engagement. Validates with the shared zod schema in the browser (same
// messages as the server), then calls the server action with the values; errors show next
// to each field and in a focused summary; a conflict shows the stored values.
import Link from "@/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  DEPTH_LABELS, DEPTHS, ENGAGEMENT_ROLES, engagementInput, engagementUpdateInput, impliedDepth, isLeadership, ROLE_LABELS,
} from "@/domain/participation/inputs";
import { createEngagementAction, updateEngagementAction } from "@/server/actions/participation";
import { buttonClass, controlProps, Field, FieldGroup, FormProblem, RadioChoices, useValidatedAction, type FieldLabel, LockFields, chosenChoice } from "./form-bits";
import { ParticipantField } from "./participant-field";
import { PlaceFields, type Choice } from "./place-fields";

export interface EngagementFormValues {
  id?: string;
  version?: number;
  participantId: string;
  /** The chosen person with their label (shown when the field searches). */
  participant?: Choice | null;
  sdoId: string;
  committeeId: string;
  standard: Choice | null;
  role: string;
  depth: string;
  startDate: string;
  endDate: string;
  notes: string;
}

const FIELDS: FieldLabel[] = [
  { name: "participantId", label: "Participant" },
  { name: "sdoId", label: "SDO" },
  { name: "committeeId", label: "Committee" },
  { name: "standardId", label: "Standard" },
  { name: "role", label: "Role" },
  { name: "depth", label: "Depth", target: "engagement-depth-OBSERVE" },
  { name: "startDate", label: "Start date" },
  { name: "endDate", label: "End date" },
  { name: "notes", label: "Notes" },
];

export const ENGAGEMENT_CURRENT_LABELS: Record<string, string> = {
  participant: "Participant",
  agency: "Agency",
  committee: "Committee",
  standard: "Standard",
  role: "Role",
  depth: "Depth",
  startDate: "Start date",
  endDate: "End date",
  lastConfirmedOn: "Last confirmed on",
  notes: "Notes",
};

const DEPTH_HINTS: Record<(typeof DEPTHS)[number], string> = {
  OBSERVE: "follows the work, receives documents",
  ATTEND: "attends meetings regularly",
  CONTRIBUTE: "submits contributions and comments",
  LEAD: "chairs, convenes, edits or otherwise leads; drives a work item",
};

export function EngagementForm({
  participants,
  sdos,
  initialCommittees,
  initial,
}: {
  /** Null: too many people in scope to list; the field searches them. */
  participants: Choice[] | null;
  sdos: Choice[];
  initialCommittees: Choice[];
  initial: EngagementFormValues;
}) {
  const router = useRouter();
  const editing = Boolean(initial.id);
  const { state, formAction, pending, error, errorFor, summaryRef } = useValidatedAction(
    editing ? engagementUpdateInput : engagementInput,
    (values) => (editing ? updateEngagementAction(values) : createEngagementAction(values)),
    (data: { id: string }) => router.push(`/engagements/${encodeURIComponent(data.id)}?saved=${editing ? "updated" : "created"}`),
    { horizon: true },
  );
  const v = (name: keyof EngagementFormValues & string): string => state.values[name] ?? String(initial[name] ?? "");
  const p = "engagement";
  // Keeps the chosen standard's label after a failed submit.
  const standard = chosenChoice(state.values, "standard", initial.standard);
  // A leadership role is held at depth Lead: choosing one selects Lead (the server refuses
  // a leadership role at another depth). Said aloud in a polite live region.
  const [depthNote, setDepthNote] = useState("");
  function chooseRole(role: string, form: HTMLFormElement | null) {
    const implied = impliedDepth(role);
    if (!implied || !form) {
      setDepthNote("");
      return;
    }
    const radio = form.querySelector<HTMLInputElement>(`input[name="depth"][value="${implied}"]`);
    if (radio && !radio.checked) radio.checked = true;
    setDepthNote(`${ROLE_LABELS[role as keyof typeof ROLE_LABELS]} is a leadership role: depth “${DEPTH_LABELS[implied]}” is selected.`);
  }

  return (
    <div>
      <FormProblem error={error} fields={FIELDS} prefix={p} summaryRef={summaryRef} currentLabels={ENGAGEMENT_CURRENT_LABELS} />
      <form key={state.submission} action={formAction} noValidate className="space-y-6">
        <LockFields id={initial.id} version={initial.version} />
        <ParticipantField
          prefix={p}
          participants={participants}
          chosen={chosenChoice(state.values, "participant", initial.participant ?? null)}
          value={v("participantId")}
          error={errorFor("participantId")}
          required
          hint="Active people of your agency. Add a person first if they are missing."
          emptyLabel="Choose a participant"
        />
        <PlaceFields
          prefix={p}
          sdos={sdos}
          initial={{ sdoId: v("sdoId"), committeeId: v("committeeId"), standard }}
          initialCommittees={v("sdoId") === initial.sdoId ? initialCommittees : []}
          errors={{ sdoId: errorFor("sdoId"), committeeId: errorFor("committeeId"), standardId: errorFor("standardId") }}
          required
          sdoLevel
        />
        <Field
          id={`${p}-role`}
          label="Role"
          hint="A leadership role (editor, convenor, chair…) is a leadership position on the dashboard and is held at depth “Lead”."
          error={errorFor("role")}
        >
          <select
            {...controlProps(`${p}-role`, errorFor("role"), true)}
            name="role"
            defaultValue={v("role")}
            required
            onChange={(e) => chooseRole(e.target.value, e.target.form)}
          >
            <option value="">Choose a role</option>
            {ENGAGEMENT_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
                {isLeadership(r) ? " (leadership)" : ""}
              </option>
            ))}
          </select>
        </Field>
        <FieldGroup id={`${p}-depth`} legend="Depth of engagement" error={errorFor("depth")}>
          <RadioChoices id={`${p}-depth`} name="depth" choices={DEPTHS.map((d) => ({ value: d, label: DEPTH_LABELS[d], hint: DEPTH_HINTS[d] }))} checked={v("depth")} />
          <p id={`${p}-depth-note`} role="status" className={depthNote ? "m-0 mt-2 text-sm text-[#1b1b1b]" : "sr-only"}>
            {depthNote}
          </p>
        </FieldGroup>
        <div className="grid gap-6 sm:grid-cols-2 sm:max-w-xl">
          <Field id={`${p}-startDate`} label="Start date" hint="The first day in this role." error={errorFor("startDate")}>
            <input {...controlProps(`${p}-startDate`, errorFor("startDate"), true)} type="date" name="startDate" defaultValue={v("startDate")} required />
          </Field>
          <Field id={`${p}-endDate`} label="End date" hint="Leave empty while it continues." error={errorFor("endDate")} optional>
            <input {...controlProps(`${p}-endDate`, errorFor("endDate"), true)} type="date" name="endDate" defaultValue={v("endDate")} />
          </Field>
        </div>
        <Field id={`${p}-notes`} label="Notes" hint="At most 2,000 characters." error={errorFor("notes")} optional>
          <textarea {...controlProps(`${p}-notes`, errorFor("notes"), true)} name="notes" rows={4} defaultValue={v("notes")} />
        </Field>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Saving…" : editing ? "Save changes" : "Add engagement"}
          </button>
          <Link href={editing ? `/engagements/${encodeURIComponent(initial.id!)}` : "/engagements"}>Cancel</Link>
        </div>
      </form>
    </div>
  );
}
