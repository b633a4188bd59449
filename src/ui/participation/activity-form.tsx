"use client";
// Create / edit an activity (training, adoption of a standard, international exchange,
// public-private collaboration, interagency coordination). Same pattern as engagements.
import Link from "@/ui/link";
import { useRouter } from "next/navigation";
import { ACTIVITY_KINDS, ACTIVITY_LABELS, activityInput, activityUpdateInput, STANDARD_USES, STANDARD_USE_LABELS } from "@/domain/participation/inputs";
import { createActivityAction, updateActivityAction } from "@/server/actions/participation";
import { buttonClass, controlProps, Field, FieldGroup, FormProblem, RadioChoices, useValidatedAction, type FieldLabel, LockFields, chosenChoice } from "./form-bits";
import { ParticipantField } from "./participant-field";
import { PlaceFields, type Choice } from "./place-fields";

export interface ActivityFormValues {
  id?: string;
  version?: number;
  kind: string;
  title: string;
  description: string;
  counterpart: string;
  startDate: string;
  endDate: string;
  participantId: string;
  /** The chosen person with their label (shown when the field searches). */
  participant?: Choice | null;
  sdoId: string;
  committeeId: string;
  standard: Choice | null;
  attendees: string;
  standardUse: string;
  governmentUniqueReason: string;
  agencyId: string;
}

const FIELDS: FieldLabel[] = [
  { name: "kind", label: "Kind of activity", target: "activity-kind-TRAINING" },
  { name: "title", label: "Title" },
  { name: "agencyId", label: "Agency" },
  { name: "startDate", label: "Start date" },
  { name: "endDate", label: "End date" },
  { name: "counterpart", label: "Counterpart" },
  { name: "participantId", label: "Participant" },
  { name: "sdoId", label: "SDO" },
  { name: "committeeId", label: "Committee" },
  { name: "standardId", label: "Standard" },
  { name: "standardUse", label: "A-119 category", target: "activity-standardUse-VOLUNTARY_NEW" },
  { name: "governmentUniqueReason", label: "Why government-unique" },
  { name: "attendees", label: "Attendees" },
  { name: "description", label: "Description" },
];

const CURRENT_LABELS: Record<string, string> = {
  kind: "Kind", title: "Title", agency: "Agency", startDate: "Start date", endDate: "End date", counterpart: "Counterpart",
  participant: "Participant", sdo: "SDO", committee: "Committee", standard: "Standard", attendees: "Attendees", description: "Description",
  standardUse: "A-119 category", governmentUniqueReason: "Why government-unique",
};

const STANDARD_USE_HINTS: Record<(typeof STANDARD_USES)[number], string> = {
  VOLUNTARY_NEW: "the agency began using a voluntary consensus standard",
  VOLUNTARY_REPLACING_GOVERNMENT_UNIQUE: "it replaced a standard the government wrote for itself",
  GOVERNMENT_UNIQUE: "explain below why no voluntary consensus standard was used",
};

const KIND_HINTS: Record<(typeof ACTIVITY_KINDS)[number], string> = {
  TRAINING: "courses or workshops on standards work",
  ADOPTION: "the agency adopted a standard (choose the standard below)",
  INTERNATIONAL_EXCHANGE: "exchanges with foreign governments or bodies",
  PUBLIC_PRIVATE_COLLABORATION: "joint work with industry or academia",
  INTERAGENCY_COORDINATION: "meetings coordinating positions across agencies",
};

export function ActivityForm({
  initial,
  agencies,
  participants,
  sdos,
  initialCommittees,
}: {
  initial: ActivityFormValues;
  /** Null for coordinators: their agency is fixed. */
  agencies: Choice[] | null;
  /** Null: too many people in scope to list; the field searches them. */
  participants: Choice[] | null;
  sdos: Choice[];
  initialCommittees: Choice[];
}) {
  const router = useRouter();
  const editing = Boolean(initial.id);
  const { state, formAction, pending, error, errorFor, summaryRef } = useValidatedAction(
    editing ? activityUpdateInput : activityInput,
    (values) => (editing ? updateActivityAction(values) : createActivityAction(values)),
    (data: { id: string }) => router.push(`/activities/${encodeURIComponent(data.id)}?saved=${editing ? "updated" : "created"}`),
    { horizon: true },
  );
  const v = (name: Exclude<keyof ActivityFormValues, "standard" | "participant" | "version">): string => state.values[name] ?? String(initial[name] ?? "");
  const p = "activity";
  // Keeps the chosen standard's label after a failed submit.
  const standard = chosenChoice(state.values, "standard", initial.standard);
  return (
    <div>
      <FormProblem error={error} fields={FIELDS} prefix={p} summaryRef={summaryRef} currentLabels={CURRENT_LABELS} />
      <form key={state.submission} action={formAction} noValidate className="space-y-6">
        <LockFields id={initial.id} version={initial.version} />
        <FieldGroup id={`${p}-kind`} legend="Kind of activity" error={errorFor("kind")}>
          <RadioChoices id={`${p}-kind`} name="kind" choices={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_LABELS[k], hint: KIND_HINTS[k] }))} checked={v("kind")} />
        </FieldGroup>
        <Field id={`${p}-title`} label="Title" hint="3 to 200 characters." error={errorFor("title")}>
          <input {...controlProps(`${p}-title`, errorFor("title"), true)} name="title" type="text" defaultValue={v("title")} required />
        </Field>
        {agencies ? (
          <Field id={`${p}-agencyId`} label="Agency" hint="The agency the activity counts for." error={errorFor("agencyId")}>
            <select {...controlProps(`${p}-agencyId`, errorFor("agencyId"), true)} name="agencyId" defaultValue={v("agencyId")} required>
              <option value="">Choose an agency</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <div className="grid gap-6 sm:grid-cols-2 sm:max-w-xl">
          <Field id={`${p}-startDate`} label="Start date" hint="The day it took place or began." error={errorFor("startDate")}>
            <input {...controlProps(`${p}-startDate`, errorFor("startDate"), true)} type="date" name="startDate" defaultValue={v("startDate")} required />
          </Field>
          <Field id={`${p}-endDate`} label="End date" hint="For activities over several days." error={errorFor("endDate")} optional>
            <input {...controlProps(`${p}-endDate`, errorFor("endDate"), true)} type="date" name="endDate" defaultValue={v("endDate")} />
          </Field>
        </div>
        <Field id={`${p}-counterpart`} label="Counterpart" hint="The other party, e.g. a foreign agency or a company." error={errorFor("counterpart")} optional>
          <input {...controlProps(`${p}-counterpart`, errorFor("counterpart"), true)} name="counterpart" type="text" defaultValue={v("counterpart")} />
        </Field>
        <ParticipantField
          prefix={p}
          participants={participants}
          chosen={chosenChoice(state.values, "participant", initial.participant ?? null)}
          value={v("participantId")}
          error={errorFor("participantId")}
          required={false}
          hint="A person of the same agency who took part."
          emptyLabel="No participant"
        />
        <PlaceFields
          prefix={p}
          sdos={sdos}
          initial={{ sdoId: v("sdoId"), committeeId: v("committeeId"), standard }}
          initialCommittees={v("sdoId") === initial.sdoId ? initialCommittees : []}
          errors={{ sdoId: errorFor("sdoId"), committeeId: errorFor("committeeId"), standardId: errorFor("standardId") }}
          required={false}
          standardHint="Required for an adoption. Search by designation or title, then pick from the matches."
        />
        <FieldGroup id={`${p}-standardUse`} legend="A-119 category" hint="Required for an adoption: how the agency uses the standard." error={errorFor("standardUse")}>
          <RadioChoices
            id={`${p}-standardUse`}
            name="standardUse"
            choices={STANDARD_USES.map((u) => ({ value: u, label: STANDARD_USE_LABELS[u], hint: STANDARD_USE_HINTS[u] }))}
            checked={v("standardUse")}
          />
        </FieldGroup>
        <Field
          id={`${p}-governmentUniqueReason`}
          label="Why government-unique"
          hint="Required for a government-unique use (OMB Circular A-119): why no voluntary consensus standard was used. At least 20 characters."
          error={errorFor("governmentUniqueReason")}
          optional
        >
          <textarea {...controlProps(`${p}-governmentUniqueReason`, errorFor("governmentUniqueReason"), true)} name="governmentUniqueReason" rows={3} defaultValue={v("governmentUniqueReason")} />
        </Field>
        <Field id={`${p}-attendees`} label="Attendees" hint="Number of people, for training and meetings." error={errorFor("attendees")} optional>
          <input {...controlProps(`${p}-attendees`, errorFor("attendees"), true)} name="attendees" type="text" inputMode="numeric" defaultValue={v("attendees")} />
        </Field>
        <Field id={`${p}-description`} label="Description" hint="At most 4,000 characters." error={errorFor("description")} optional>
          <textarea {...controlProps(`${p}-description`, errorFor("description"), true)} name="description" rows={4} defaultValue={v("description")} />
        </Field>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Saving…" : editing ? "Save changes" : "Add activity"}
          </button>
          <Link href={editing ? `/activities/${encodeURIComponent(initial.id!)}` : "/activities"}>Cancel</Link>
        </div>
      </form>
    </div>
  );
}
