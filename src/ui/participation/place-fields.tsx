"use client";
// SDO -> committee (dependent select, loaded from /api/options/committees) -> standard
// (searchable: at most 20 matches from /api/options/standards, never the whole list).
import { useEffect, useId, useState } from "react";
import { controlProps, Field, inputClass } from "./form-bits";

export interface Choice {
  id: string;
  label: string;
}

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

async function fetchChoices(url: string, signal?: AbortSignal): Promise<Choice[]> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { choices: Choice[] };
  return body.choices;
}

export function PlaceFields({ prefix, sdos, initial, initialCommittees, errors, required, standardHint }: PlaceFieldsProps) {
  const [sdoId, setSdoId] = useState(initial.sdoId);
  const [committeeId, setCommitteeId] = useState(initial.committeeId);
  const [committees, setCommittees] = useState<Choice[]>(initialCommittees);
  const [loadingCommittees, setLoadingCommittees] = useState(false);
  const [standardId, setStandardId] = useState(initial.standard?.id ?? "");
  const [selectedStandard, setSelectedStandard] = useState<Choice | null>(initial.standard);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Choice[] | null>(null);
  const [searchStatus, setSearchStatus] = useState("");
  const statusId = useId();

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

  // Standards matching the search, within the chosen SDO/committee (debounced).
  useEffect(() => {
    if (!sdoId && !committeeId && !query.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams();
      if (sdoId) params.set("sdo", sdoId);
      if (committeeId) params.set("committee", committeeId);
      if (query.trim()) params.set("q", query.trim());
      try {
        const found = await fetchChoices(`/api/options/standards?${params}`, controller.signal);
        setResults(found);
        setSearchStatus(found.length === 0 ? "No standards match." : `${found.length} ${found.length === 1 ? "standard" : "standards"} found${found.length >= 20 ? " (first 20; type more to narrow)" : ""}.`);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setSearchStatus("Could not load standards. Try again.");
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [sdoId, committeeId, query]);

  const standardOptions = [
    ...(selectedStandard && !(results ?? []).some((r) => r.id === selectedStandard.id) ? [selectedStandard] : []),
    ...(results ?? []),
  ];
  const sdoCtl = controlProps(`${prefix}-sdoId`, errors.sdoId, true);
  const committeeCtl = controlProps(`${prefix}-committeeId`, errors.committeeId, true);
  const standardCtl = controlProps(`${prefix}-standardId`, errors.standardId, true);

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
      <fieldset className={`mx-0 min-w-0 border-0 p-0 ${errors.standardId ? "border-l-4 border-[#b50909] pl-4" : ""}`}>
        <legend className="font-semibold">
          Standard{required ? <span className="font-normal text-[#565c65]"> (optional)</span> : null}
        </legend>
        <p id={`${prefix}-standardId-hint`} className="m-0 text-sm text-[#565c65]">
          {standardHint ?? "Search by designation or title, then pick from the matches."}
        </p>
        {errors.standardId ? (
          <p id={`${prefix}-standardId-error`} className="m-0 font-semibold text-[#b50909]">
            <span className="sr-only">Error: </span>
            {errors.standardId}
          </p>
        ) : null}
        <label htmlFor={`${prefix}-standard-search`} className="mt-2 block">
          Search standards
        </label>
        <input
          id={`${prefix}-standard-search`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={statusId}
          autoComplete="off"
          className={`${inputClass} border-[#565c65]`}
        />
        <p id={statusId} aria-live="polite" className="m-0 text-sm text-[#565c65]">
          {searchStatus}
        </p>
        <label htmlFor={`${prefix}-standardId`} className="mt-2 block">
          Matching standards
        </label>
        <select
          {...standardCtl}
          name="standardId"
          value={standardId}
          onChange={(e) => {
            setStandardId(e.target.value);
            setSelectedStandard(standardOptions.find((o) => o.id === e.target.value) ?? null);
          }}
        >
          <option value="">No standard</option>
          {standardOptions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <input type="hidden" name="standardLabel" value={selectedStandard?.label ?? ""} />
      </fieldset>
    </>
  );
}
