"use client";
// The participant of an engagement or activity: a select of the active people in scope,
// or, when the scope holds too many to list (PARTICIPANT_LIST_LIMIT), a search among them.
import { controlProps, Field } from "./form-bits";
import { SearchSelect, type Choice } from "./search-select";

export function ParticipantField({
  prefix,
  participants,
  chosen,
  value,
  error,
  required,
  hint,
  emptyLabel,
}: {
  prefix: string;
  /** Null: too many people to list, search them instead. */
  participants: Choice[] | null;
  /** The chosen person (search mode shows it before any search). */
  chosen: Choice | null;
  /** The chosen id (list mode). */
  value: string;
  error?: string;
  required: boolean;
  hint: string;
  emptyLabel: string;
}) {
  const id = `${prefix}-participantId`;
  if (!participants) {
    return (
      <SearchSelect
        id={id}
        name="participantId"
        labelName="participantLabel"
        legend="Participant"
        optional={!required}
        hint={`${hint} Search by name or email, then pick from the matches.`}
        error={error}
        searchLabel="Search people"
        resultsLabel="Matching people"
        emptyLabel={emptyLabel}
        noun={{ one: "person", many: "people" }}
        endpoint="/api/options/participants"
        searchWhenEmpty
        initial={chosen}
        required={required}
      />
    );
  }
  return (
    <Field id={id} label="Participant" hint={hint} error={error} optional={!required}>
      <select {...controlProps(id, error, true)} name="participantId" defaultValue={value} required={required}>
        <option value="">{emptyLabel}</option>
        {participants.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
