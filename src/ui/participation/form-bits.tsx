"use client";
// Building blocks of the participation forms (USWDS patterns): a labelled field with its
// hint and error, the error summary that takes focus and links to the fields, the
// conflict notice with the stored values, and the hook that validates with the shared zod
// schema in the browser before calling the server action (which validates again).
import { useActionState, useEffect, useRef } from "react";
import { z } from "zod";
import { dateHorizonErrors } from "@/domain/participation/inputs";
import type { ActionResult } from "@/server/actions/action";
import { formatAuditValue } from "./audit-diff";
import type { Choice } from "./search-select";

export const inputClass = "mt-1 block w-full max-w-xl border px-3 py-2 bg-white";
export const buttonClass =
  "rounded bg-[#005ea2] px-5 py-2.5 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70";
export const secondaryButtonClass =
  "rounded border-2 border-[#005ea2] bg-white px-4 py-2 font-semibold text-[#005ea2] hover:bg-[#e7f2f8] disabled:opacity-70";
export const dangerButtonClass =
  "rounded bg-[#b50909] px-4 py-2 font-semibold text-white hover:bg-[#8b0a03] disabled:opacity-70";

export type Values = Record<string, string>;

export interface FormState<T> {
  result: ActionResult<T> | null;
  values: Values;
  submission: number;
}

/** Entered values as strings (what the action receives), the `$ACTION` keys left out. */
export function formValues(formData: FormData): Values {
  const values: Values = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * useActionState around a server action: the shared schema checks the values first (same
 * messages as the server), then the action is called with a plain object. Values are kept
 * after a failure; `onSuccess` runs after a success.
 */
export function useValidatedAction<T>(
  schema: z.ZodType,
  run: (values: Values) => Promise<ActionResult<T>>,
  onSuccess: (data: T) => void,
  options: { horizon?: boolean } = {},
) {
  const [state, formAction, pending] = useActionState(
    async (previous: FormState<T>, formData: FormData): Promise<FormState<T>> => {
      const values = formValues(formData);
      const parsed = schema.safeParse(values);
      const fieldErrors: Record<string, string[]> = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
      if (options.horizon) {
        for (const [key, messages] of Object.entries(dateHorizonErrors(values, localToday()))) {
          fieldErrors[key] ??= messages;
        }
      }
      if (Object.keys(fieldErrors).length > 0) {
        return {
          result: { ok: false, error: { code: "VALIDATION", message: "Some fields need attention.", fieldErrors } },
          values,
          submission: previous.submission + 1,
        };
      }
      const result = await run(values);
      return { result, values, submission: previous.submission + 1 };
    },
    { result: null, values: {}, submission: 0 },
  );
  const summaryRef = useRef<HTMLDivElement>(null);
  const onSuccessRef = useRef(onSuccess);
  useEffect(() => {
    onSuccessRef.current = onSuccess;
  });
  useEffect(() => {
    if (state.submission === 0 || !state.result) return;
    if (state.result.ok) onSuccessRef.current(state.result.data);
    else summaryRef.current?.focus();
  }, [state]);
  const error = state.result && !state.result.ok ? state.result.error : null;
  const errorFor = (name: string): string | undefined => error?.fieldErrors?.[name]?.[0];
  return { state, formAction, pending, error, errorFor, summaryRef };
}

export interface FieldLabel {
  name: string;
  label: string;
  /** The element the summary links to (defaults to `${prefix}-${name}`). */
  target?: string;
}

type ErrorInfo = { code: string; message: string; fieldErrors?: Record<string, string[]>; current?: unknown };

/** Error summary (or conflict notice) at the top of a form; focused after a failed submit. */
export function FormProblem({
  error,
  fields,
  prefix,
  summaryRef,
  currentLabels,
}: {
  error: ErrorInfo | null;
  fields: FieldLabel[];
  prefix: string;
  summaryRef: React.RefObject<HTMLDivElement | null>;
  /** Labels for the stored values shown on a conflict, in display order. */
  currentLabels?: Record<string, string>;
}) {
  if (!error) return null;
  const fieldErrors = error.fieldErrors ?? {};
  const listed = fields.filter((f) => fieldErrors[f.name]?.[0]);
  const unlisted = Object.keys(fieldErrors).filter((k) => !fields.some((f) => f.name === k));
  const isConflict = error.code === "CONFLICT" && error.current && typeof error.current === "object";
  const titleId = `${prefix}-problem-title`;
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className={`mb-6 border-l-8 px-4 py-3 ${isConflict ? "border-[#ffbe2e] bg-[#faf3d1]" : "border-[#b50909] bg-[#f4e3db]"}`}
    >
      <h2 id={titleId} className="mt-0 text-xl">
        {isConflict ? "Someone else changed this record" : "There is a problem"}
      </h2>
      <p className="mb-1">{error.message}</p>
      {listed.length + unlisted.length > 0 ? (
        <ul className="m-0 list-disc pl-6">
          {listed.map((f) => (
            <li key={f.name}>
              <a href={`#${f.target ?? `${prefix}-${f.name}`}`} className="text-[#8b0a03]">
                {f.label}: {fieldErrors[f.name]?.[0]}
              </a>
            </li>
          ))}
          {unlisted.map((k) => (
            <li key={k}>{fieldErrors[k]?.[0]}</li>
          ))}
        </ul>
      ) : null}
      {isConflict ? <CurrentValues current={error.current as Record<string, unknown>} labels={currentLabels ?? {}} /> : null}
    </div>
  );
}

function CurrentValues({ current, labels }: { current: Record<string, unknown>; labels: Record<string, string> }) {
  const keys = Object.keys(labels).filter((k) => k in current);
  return (
    <>
      <h3 className="mb-1 text-base">Current values</h3>
      <dl className="m-0 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {keys.map((k) => (
          <div key={k} className="contents">
            <dt className="font-semibold">{labels[k]}</dt>
            <dd className="m-0">{formatAuditValue(k, current[k]) ?? "—"}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 mb-0">
        Your changes were not saved. Load the latest version, then make your change again.{" "}
        <button type="button" className={secondaryButtonClass} onClick={() => window.location.reload()}>
          Load the latest version
        </button>
      </p>
    </>
  );
}

/** A labelled input/select/textarea wrapper with hint and error, for one field. */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  optional?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={error ? "border-l-4 border-[#b50909] pl-4" : undefined}>
      <label htmlFor={id} className="block font-semibold">
        {label}
        {optional ? <span className="font-normal text-[#565c65]"> (optional)</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="m-0 text-sm text-[#565c65]">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="m-0 font-semibold text-[#b50909]">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/**
 * Field for a group of controls (radio buttons, a search with its matches) under one
 * legend: the same hint and error, with ids `${id}-hint` and `${id}-error`.
 */
export function FieldGroup({
  id,
  legend,
  hint,
  error,
  optional,
  children,
}: {
  id: string;
  legend: string;
  hint?: React.ReactNode;
  error?: string;
  optional?: boolean;
  children: React.ReactNode;
}) {
  return (
    <fieldset className={`mx-0 min-w-0 border-0 p-0 ${error ? "border-l-4 border-[#b50909] pl-4" : ""}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-semibold">
        {legend}
        {optional ? <span className="font-normal text-[#565c65]"> (optional)</span> : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="m-0 text-sm text-[#565c65]">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="m-0 font-semibold text-[#b50909]">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** Radio buttons of a FieldGroup, each with a label and a hint after a dash; ids `${id}-${value}`. */
export function RadioChoices<V extends string>({
  id,
  name,
  choices,
  checked,
}: {
  id: string;
  name: string;
  choices: readonly { value: V; label: string; hint: string }[];
  checked: string;
}) {
  return (
    <div className="mt-1 space-y-1">
      {choices.map((c) => (
        <div key={c.value} className="flex items-start gap-2">
          <input type="radio" id={`${id}-${c.value}`} name={name} value={c.value} defaultChecked={checked === c.value} className="mt-1.5 size-4" />
          <label htmlFor={`${id}-${c.value}`}>
            <span className="font-semibold">{c.label}</span> <span className="text-[#565c65]">— {c.hint}</span>
          </label>
        </div>
      ))}
    </div>
  );
}

/** aria attributes and border for a control of a Field. */
export function controlProps(id: string, error: string | undefined, hint?: boolean) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: `${inputClass} ${error ? "border-2 border-[#b50909]" : "border-[#565c65]"}`,
  } as const;
}

/** Hidden id + version of the record being edited (the version is the optimistic lock). */
export function LockFields({ id, version }: { id?: string; version?: number | string }) {
  if (!id) return null;
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/**
 * The record chosen in a SearchSelect (`standard` or `participant`): after a failed submit,
 * the submitted id with the label its hidden field carried; before, the initial one.
 */
export function chosenChoice(values: Values, name: "standard" | "participant", initial: Choice | null): Choice | null {
  const id = values[`${name}Id`];
  if (id === undefined) return initial;
  return id ? { id, label: values[`${name}Label`] || id } : null;
}
