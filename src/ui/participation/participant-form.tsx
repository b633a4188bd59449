"use client";
// Create / edit a participant (a person of an agency). Admins choose the agency; for
// coordinators the server uses their own agency whatever the browser sends.
import Link from "@/ui/link";
import { useRouter } from "next/navigation";
import { participantInput, participantUpdateInput } from "@/domain/participation/inputs";
import { createParticipantAction, updateParticipantAction } from "@/server/actions/participation";
import { buttonClass, controlProps, Field, FormProblem, useValidatedAction, type FieldLabel, LockFields } from "./form-bits";
import type { Choice } from "./place-fields";

export interface ParticipantFormValues {
  id?: string;
  version?: number;
  name: string;
  email: string;
  agencyId: string;
}

const FIELDS: FieldLabel[] = [
  { name: "name", label: "Name" },
  { name: "email", label: "Email address" },
  { name: "agencyId", label: "Agency" },
];

const CURRENT_LABELS = { name: "Name", email: "Email address", agency: "Agency", active: "Active" };

export function ParticipantForm({
  initial,
  agencies,
  pinnedAgency,
}: {
  initial: ParticipantFormValues;
  /** Null for coordinators: their agency is fixed. */
  agencies: Choice[] | null;
  pinnedAgency: string | null;
}) {
  const router = useRouter();
  const editing = Boolean(initial.id);
  const { state, formAction, pending, error, errorFor, summaryRef } = useValidatedAction(
    editing ? participantUpdateInput : participantInput,
    (values) => (editing ? updateParticipantAction(values) : createParticipantAction(values)),
    (data: { id: string }) => router.push(`/participants/${encodeURIComponent(data.id)}?saved=${editing ? "updated" : "created"}`),
  );
  const v = (name: "name" | "email" | "agencyId") => state.values[name] ?? initial[name];
  const p = "participant";
  return (
    <div>
      <FormProblem error={error} fields={FIELDS} prefix={p} summaryRef={summaryRef} currentLabels={CURRENT_LABELS} />
      <form key={state.submission} action={formAction} noValidate className="space-y-6">
        <LockFields id={initial.id} version={initial.version} />
        <Field id={`${p}-name`} label="Name" hint="The person's full name." error={errorFor("name")}>
          <input {...controlProps(`${p}-name`, errorFor("name"), true)} name="name" type="text" autoComplete="off" defaultValue={v("name")} required />
        </Field>
        <Field id={`${p}-email`} label="Email address" hint="Unique within the agency." error={errorFor("email")} optional>
          <input {...controlProps(`${p}-email`, errorFor("email"), true)} name="email" type="email" autoComplete="off" defaultValue={v("email")} />
        </Field>
        {agencies ? (
          <Field id={`${p}-agencyId`} label="Agency" hint="The agency the person takes part for." error={errorFor("agencyId")}>
            <select {...controlProps(`${p}-agencyId`, errorFor("agencyId"), true)} name="agencyId" defaultValue={v("agencyId")} required>
              <option value="">Choose an agency</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <p className="m-0">
            <span className="font-semibold">Agency:</span> {pinnedAgency ?? "your agency"}{" "}
            <span className="text-sm text-[#565c65]">(coordinators record people of their own agency)</span>
          </p>
        )}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Saving…" : editing ? "Save changes" : "Add participant"}
          </button>
          <Link href={editing ? `/participants/${encodeURIComponent(initial.id!)}` : "/participants"}>Cancel</Link>
        </div>
      </form>
    </div>
  );
}
