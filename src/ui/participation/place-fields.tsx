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
  /** Engagements need an SDO; activities may leave it empty. */
  required: boolean;
  /**
   * Engagements: the committee may be left empty for work at the SDO level on one of its
   * standards (SDOs such as NIST have no committees); the standard is then required.
   */
  sdoLevel?: boolean;
  standardHint?: string;
}

export function PlaceFields({ prefix, sdos, initial, initialCommittees, errors, required, sdoLevel = false, standardHint }: PlaceFieldsProps) {
  const [sdoId, setSdoId] = useState(initial.sdoId);
  const [committeeId, setCommitteeId] = useState(initial.committeeId);
  const [committees, setCommittees] = useState<Choice[]>(initialCommittees);
  // Remounted after a failed submit with an SDO the server did not load committees for: they load below.
  const [loadingCommittees, setLoadingCommittees] = useState(Boolean(initial.sdoId) && initialCommittees.length === 0);

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
      .catch(() => undefined)
      .finally(() => {
        if (live) setLoadingCommittees(false);
      });
    return () => {
      live = false;
    };
  }, [initial.sdoId, initialCommittees.length]);

  const sdoCtl = controlProps(`${prefix}-sdoId`, errors.sdoId, true);
  const committeeCtl = controlProps(`${prefix}-committeeId`, errors.committeeId, true);
  const committeeHint = !sdoId
    ? "Choose an SDO first."
    : loadingCommittees
      ? "Loading the SDO's committees…"
      : sdoLevel && committees.length === 0
        ? "This SDO has no committees: the engagement is at the SDO level; choose the standard below."
        : sdoLevel
          ? `${committees.length} committees of the chosen SDO, or none for work at the SDO level on one of its standards.`
          : `${committees.length} committees of the chosen SDO.`;
  const emptyCommittee = !sdoId ? "Choose an SDO first" : sdoLevel ? "None: at the SDO level" : required ? "Choose a committee" : "No committee";

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
        hint={committeeHint}
        error={errors.committeeId}
        optional={!required || sdoLevel}
      >
        <select
          {...committeeCtl}
          name="committeeId"
          value={committeeId}
          onChange={(e) => setCommitteeId(e.target.value)}
          required={required && !sdoLevel}
          aria-busy={loadingCommittees || undefined}
        >
          <option value="">{emptyCommittee}</option>
          {/* While the committees load, the one already chosen stays chosen (a select shows,
              and submits, only a value it has an option for). */}
          {loadingCommittees && committeeId && !committees.some((c) => c.id === committeeId) && <option value={committeeId}>The chosen committee (loading…)</option>}
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
        optional={required && !(sdoLevel && !committeeId)}
        hint={
          standardHint ??
          (sdoLevel && sdoId && !committeeId
            ? "Required at the SDO level: search the SDO's standards by designation or title, then pick from the matches."
            : "Search by designation or title, then pick from the matches.")
        }
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
