"use client";
// SDO -> committee (dependent select, loaded from /api/options/committees) -> standard
// (searchable: at most 20 matches from /api/options/standards, never the whole list).
import { useEffect, useState } from "react";
import { controlProps, Field } from "./form-bits";
import { fetchChoices, SearchSelect, type Choice } from "./search-select";

export type { Choice };

interface PlaceFieldsProps {
  prefix: string;
  sdos: Choice[];
  initial: { sdoId: string; committeeId: string; standard: Choice | null };
  /** Committees of the initial SDO, loaded on the server. */
  initialCommittees: Choice[];
  errors: { sdoId?: string; committeeId?: string; standardId?: string };
  /** Engagements need an SDO and a committee; activities may leave them empty. */
  required: boolean;
  standardHint?: string;
}

export function PlaceFields({ prefix, sdos, initial, initialCommittees, errors, required, standardHint }: PlaceFieldsProps) {
  const [sdoId, setSdoId] = useState(initial.sdoId);
  const [committeeId, setCommitteeId] = useState(initial.committeeId);
  const [committees, setCommittees] = useState<Choice[]>(initialCommittees);
  const [loadingCommittees, setLoadingCommittees] = useState(false);

  async function chooseSdo(next: string) {
    setSdoId(next);
    setCommitteeId("");
    setCommittees([]);
    if (!next) return;
    setLoadingCommittees(true);
    try {
      setCommittees(await fetchChoices(`/api/options/committees?sdo=${encodeURIComponent(next)}`));
    } catch {
      setCommittees([]);
    } finally {
      setLoadingCommittees(false);
    }
  }

  // After a failed submit the form remounts with another SDO than the server loaded.
  useEffect(() => {
    if (!initial.sdoId || initialCommittees.length > 0) return;
    let live = true;
    fetchChoices(`/api/options/committees?sdo=${encodeURIComponent(initial.sdoId)}`)
      .then((found) => {
        if (live) setCommittees(found);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [initial.sdoId, initialCommittees.length]);

  const sdoCtl = controlProps(`${prefix}-sdoId`, errors.sdoId, true);
  const committeeCtl = controlProps(`${prefix}-committeeId`, errors.committeeId, true);

  return (
    <>
      <Field id={`${prefix}-sdoId`} label="Standards development organization (SDO)" hint="Choosing an SDO loads its committees." error={errors.sdoId} optional={!required}>
        <select {...sdoCtl} name="sdoId" value={sdoId} onChange={(e) => void chooseSdo(e.target.value)} required={required}>
          <option value="">{required ? "Choose an SDO" : "No SDO"}</option>
          {sdos.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={`${prefix}-committeeId`}
        label="Committee"
        hint={sdoId ? (loadingCommittees ? "Loading the SDO's committees…" : `${committees.length} committees of the chosen SDO.`) : "Choose an SDO first."}
        error={errors.committeeId}
        optional={!required}
      >
        <select
          {...committeeCtl}
          name="committeeId"
          value={committeeId}
          onChange={(e) => setCommitteeId(e.target.value)}
          required={required}
          aria-busy={loadingCommittees || undefined}
        >
          <option value="">{sdoId ? (required ? "Choose a committee" : "No committee") : "Choose an SDO first"}</option>
          {committees.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <SearchSelect
        id={`${prefix}-standardId`}
        name="standardId"
        labelName="standardLabel"
        legend="Standard"
        optional={required}
        hint={standardHint ?? "Search by designation or title, then pick from the matches."}
        error={errors.standardId}
        searchLabel="Search standards"
        resultsLabel="Matching standards"
        emptyLabel="No standard"
        noun={{ one: "standard", many: "standards" }}
        endpoint="/api/options/standards"
        params={{ sdo: sdoId, committee: committeeId }}
        searchWhenEmpty={Boolean(sdoId || committeeId)}
        initial={initial.standard}
      />
    </>
  );
}
