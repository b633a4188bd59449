"use client";
// A choice among too many records to list (standards, or the people of a large scope):
// a search box whose matches (at most 20, from an /api/options endpoint) fill a select.
// The chosen record's label rides along in a hidden field so that a failed submit shows it
// again (see chosenChoice in form-bits).
import { useEffect, useId, useState } from "react";
import { controlProps, FieldGroup, inputClass } from "./form-bits";

export interface Choice {
  id: string;
  label: string;
}

export async function fetchChoices(url: string, signal?: AbortSignal): Promise<Choice[]> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { choices: Choice[] };
  return body.choices;
}

interface SearchSelectProps {
  /** Id of the select; the search box is `${id}-search`. */
  id: string;
  /** Form field of the chosen id. */
  name: string;
  /** Hidden form field of the chosen label. */
  labelName: string;
  legend: string;
  optional?: boolean;
  hint: string;
  error?: string;
  searchLabel: string;
  resultsLabel: string;
  /** The select's empty option ("No standard", "Choose a participant"). */
  emptyLabel: string;
  noun: { one: string; many: string };
  endpoint: string;
  /** Extra query parameters (e.g. the chosen SDO); the search re-runs when they change. */
  params?: Record<string, string>;
  /** Whether to list matches before anything is typed. */
  searchWhenEmpty: boolean;
  initial: Choice | null;
  required?: boolean;
}

export function SearchSelect(props: SearchSelectProps) {
  const { id, name, labelName, legend, optional, hint, error, searchLabel, resultsLabel, emptyLabel, noun, endpoint, searchWhenEmpty, initial, required } = props;
  const [chosen, setChosen] = useState<Choice | null>(initial);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Choice[] | null>(null);
  const [status, setStatus] = useState("");
  const statusId = useId();
  const paramsKey = new URLSearchParams(Object.entries(props.params ?? {}).filter(([, v]) => v)).toString();

  // Matches for the search and parameters (debounced; a newer search cancels the older).
  useEffect(() => {
    if (!searchWhenEmpty && !query.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const search = new URLSearchParams(paramsKey);
      if (query.trim()) search.set("q", query.trim());
      try {
        const found = await fetchChoices(`${endpoint}?${search}`, controller.signal);
        setResults(found);
        setStatus(found.length === 0 ? `No ${noun.many} match.` : `${found.length} ${found.length === 1 ? noun.one : noun.many} found${found.length >= 20 ? " (first 20; type more to narrow)" : ""}.`);
      } catch (e) {
        if ((e as Error).name !== "AbortError") setStatus(`Could not load ${noun.many}. Try again.`);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [endpoint, paramsKey, query, searchWhenEmpty, noun.one, noun.many]);

  const options = [...(chosen && !(results ?? []).some((r) => r.id === chosen.id) ? [chosen] : []), ...(results ?? [])];
  const control = controlProps(id, error, true);

  return (
    <FieldGroup id={id} legend={legend} hint={hint} error={error} optional={optional}>
      <label htmlFor={`${id}-search`} className="mt-2 block">
        {searchLabel}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={statusId}
        autoComplete="off"
        className={`${inputClass} border-[#565c65]`}
      />
      <p id={statusId} aria-live="polite" className="m-0 text-sm text-[#565c65]">
        {status}
      </p>
      <label htmlFor={id} className="mt-2 block">
        {resultsLabel}
      </label>
      <select {...control} name={name} value={chosen?.id ?? ""} required={required} onChange={(e) => setChosen(options.find((o) => o.id === e.target.value) ?? null)}>
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <input type="hidden" name={labelName} value={chosen?.label ?? ""} />
    </FieldGroup>
  );
}
