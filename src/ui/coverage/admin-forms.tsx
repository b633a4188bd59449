"use client";
// Admin forms of the coverage engine: scoring settings (depth weights, stale months, the
// met / partial thresholds) and
// one indicator's target and parameters. The shared zod schema checks the values in the
// browser first; the action checks them again, with optimistic locking.
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { z } from "zod";
import { coverageSettingsInput, indicatorUpdateInput } from "@/domain/coverage-inputs";
import { ACTIVITY_KINDS, DEPTHS, STAGES, STAGE_PHRASE, type ActivityKindName } from "@/domain/coverage-metrics";
import { ACTIVITY_LABEL, SHARE_KINDS, type IndicatorKind } from "@/domain/coverage-indicators";
import { DEPTH_LABELS } from "@/domain/participation/inputs";
import type { ActionResult } from "@/server/actions/action";
import { updateCoverageSettingsAction, updateIndicatorAction } from "@/server/actions/coverage";
import { buttonClass, controlProps, Field, FormProblem, type FieldLabel } from "@/ui/participation/form-bits";

interface State {
  result: ActionResult<unknown> | null;
  values: Record<string, string | string[]>;
  submission: number;
}

/** FormData as a plain object; repeated keys (checkboxes) become arrays. */
function formObject(formData: FormData, arrays: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrays.includes(key) ? values : (values[0] ?? "");
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

function useCheckedAction(schema: z.ZodType, run: (values: Record<string, string | string[]>) => Promise<ActionResult<unknown>>, arrays: readonly string[] = []) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(
    async (previous: State, formData: FormData): Promise<State> => {
      const values = formObject(formData, arrays);
      const parsed = schema.safeParse(values);
      const result: ActionResult<unknown> = parsed.success
        ? await run(values)
        : { ok: false, error: { code: "VALIDATION", message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> } };
      return { result, values, submission: previous.submission + 1 };
    },
    { result: null, values: {}, submission: 0 },
  );
  const summaryRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.submission === 0 || !state.result) return;
    if (state.result.ok) {
      router.refresh();
      successRef.current?.focus();
    } else summaryRef.current?.focus();
  }, [state, router]);
  const error = state.result && !state.result.ok ? state.result.error : null;
  const errorFor = (name: string) => error?.fieldErrors?.[name]?.[0];
  return { state, formAction, pending, error, errorFor, summaryRef, successRef, saved: Boolean(state.result?.ok) };
}

function Saved({ show, innerRef, children }: { show: boolean; innerRef: React.RefObject<HTMLParagraphElement | null>; children: React.ReactNode }) {
  return (
    <p ref={innerRef} tabIndex={-1} role="status" className={show ? "mb-4 border-l-8 border-[#00a91c] bg-[#ecf3ec] px-4 py-2" : "sr-only"}>
      {show ? children : ""}
    </p>
  );
}

const SETTINGS_FIELDS: FieldLabel[] = [
  { name: "weightObserve", label: "Observe weight" },
  { name: "weightAttend", label: "Attend weight" },
  { name: "weightContribute", label: "Contribute weight" },
  { name: "weightLead", label: "Lead weight" },
  { name: "staleMonths", label: "Not confirmed after (months)" },
  { name: "metPercent", label: "Met from (%)" },
  { name: "partialPercent", label: "Partial from (%)" },
];

const SETTINGS_CURRENT = {
  weightObserve: "Observe",
  weightAttend: "Attend",
  weightContribute: "Contribute",
  weightLead: "Lead",
  staleMonths: "Not confirmed after (months)",
  metPercent: "Met from (%)",
  partialPercent: "Partial from (%)",
};

export function CoverageSettingsForm({
  initial,
}: {
  initial: { weights: Record<string, number>; staleMonths: number; thresholds: { met: number; partial: number }; version: number };
}) {
  const f = useCheckedAction(coverageSettingsInput, (values) => updateCoverageSettingsAction(values));
  const p = "settings";
  const value = (name: string, fallback: number) => (f.state.values[name] as string | undefined) ?? String(fallback);
  const weight = (name: string, label: string, depth: string) => (
    <Field id={`${p}-${name}`} label={label} error={f.errorFor(name)}>
      <input
        {...controlProps(`${p}-${name}`, f.errorFor(name))}
        name={name}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={1}
        defaultValue={value(name, initial.weights[depth] ?? 0)}
      />
    </Field>
  );
  return (
    <div>
      <Saved show={f.saved} innerRef={f.successRef}>
        Scoring settings saved. The dashboard uses them from now on.
      </Saved>
      <FormProblem error={f.error} fields={SETTINGS_FIELDS} prefix={p} summaryRef={f.summaryRef} currentLabels={SETTINGS_CURRENT} />
      <form key={`${initial.version}-${f.state.submission}`} action={f.formAction} noValidate className="space-y-5">
        <input type="hidden" name="version" value={initial.version} />
        <fieldset className="mx-0 mt-0 grid max-w-3xl gap-4 border-0 p-0 sm:grid-cols-4">
          <legend className="mb-2 font-semibold">Depth weights (0–100)</legend>
          {weight("weightObserve", "Observe", "OBSERVE")}
          {weight("weightAttend", "Attend", "ATTEND")}
          {weight("weightContribute", "Contribute", "CONTRIBUTE")}
          {weight("weightLead", "Lead", "LEAD")}
        </fieldset>
        <fieldset className="mx-0 mt-0 grid max-w-2xl gap-4 border-0 p-0 sm:grid-cols-2">
          <legend className="mb-2 font-semibold">Status thresholds (attainment: value ÷ target)</legend>
          <Field id={`${p}-metPercent`} label="Met from (%)" hint="Default 100." error={f.errorFor("metPercent")}>
            <input
              {...controlProps(`${p}-metPercent`, f.errorFor("metPercent"), true)}
              name="metPercent"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              defaultValue={value("metPercent", Math.round(initial.thresholds.met * 100))}
            />
          </Field>
          <Field id={`${p}-partialPercent`} label="Partial from (%)" hint="Default 50; below it, a gap." error={f.errorFor("partialPercent")}>
            <input
              {...controlProps(`${p}-partialPercent`, f.errorFor("partialPercent"), true)}
              name="partialPercent"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              defaultValue={value("partialPercent", Math.round(initial.thresholds.partial * 100))}
            />
          </Field>
        </fieldset>
        <div className="max-w-xs">
          <Field
            id={`${p}-staleMonths`}
            label="Not confirmed after (months)"
            hint="A subject is flagged when none of its seats started, ended or was confirmed still active for this long."
            error={f.errorFor("staleMonths")}
          >
            <input
              {...controlProps(`${p}-staleMonths`, f.errorFor("staleMonths"), true)}
              name="staleMonths"
              type="number"
              inputMode="numeric"
              min={1}
              max={120}
              defaultValue={value("staleMonths", initial.staleMonths)}
            />
          </Field>
        </div>
        <button type="submit" className={buttonClass} disabled={f.pending}>
          {f.pending ? "Saving…" : "Save scoring settings"}
        </button>
      </form>
    </div>
  );
}

export interface IndicatorFormValues {
  id: string;
  version: number;
  kind: IndicatorKind;
  name: string;
  description: string;
  unit: string;
  target: number;
  params: { minDepth?: string; activityKind?: string; stages?: string[]; coreAreaIds?: string[]; committeeIds?: string[] };
}

const INDICATOR_FIELDS: FieldLabel[] = [
  { name: "name", label: "Name" },
  { name: "description", label: "Description" },
  { name: "unit", label: "Unit" },
  { name: "target", label: "Target" },
  { name: "minDepth", label: "Minimum depth" },
  { name: "activityKind", label: "Kind of activity" },
  { name: "stages", label: "Stages" },
  { name: "coreAreaIds", label: "Core areas or committees" },
];

const INDICATOR_CURRENT = { name: "Name", target: "Target", unit: "Unit", version: "Version" };

function Checkboxes({ name, legend, choices, checked, error, id }: { name: string; legend: string; choices: { id: string; label: string }[]; checked: string[]; error?: string; id: string }) {
  return (
    <fieldset id={id} className={`m-0 border-0 p-0 ${error ? "border-l-4 border-[#b50909] pl-4" : ""}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-semibold">{legend}</legend>
      {error ? (
        <p id={`${id}-error`} className="m-0 font-semibold text-[#b50909]">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="mt-1 grid max-h-64 gap-x-4 gap-y-1 overflow-y-auto sm:grid-cols-2">
        {choices.map((c) => (
          <label key={c.id} className="flex items-start gap-2">
            <input type="checkbox" name={name} value={c.id} defaultChecked={checked.includes(c.id)} className="mt-1.5" />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function IndicatorForm({
  initial,
  coreAreas,
  committees,
}: {
  initial: IndicatorFormValues;
  coreAreas: { id: string; name: string }[];
  committees: { id: string; designation: string }[];
}) {
  const f = useCheckedAction(indicatorUpdateInput, (values) => updateIndicatorAction(values), ["stages", "coreAreaIds", "committeeIds"]);
  const p = `indicator-${initial.id}`;
  const share = SHARE_KINDS.has(initial.kind);
  const text = (name: string, fallback: string) => (f.state.values[name] as string | undefined) ?? fallback;
  const list = (name: string, fallback: string[] = []) => (f.state.values[name] as string[] | undefined) ?? fallback;
  const kind = initial.kind;
  return (
    <div>
      <Saved show={f.saved} innerRef={f.successRef}>
        Indicator saved.
      </Saved>
      <FormProblem error={f.error} fields={INDICATOR_FIELDS} prefix={p} summaryRef={f.summaryRef} currentLabels={INDICATOR_CURRENT} />
      <form key={`${initial.version}-${f.state.submission}`} action={f.formAction} noValidate className="space-y-5">
        <input type="hidden" name="id" value={initial.id} />
        <input type="hidden" name="version" value={initial.version} />
        <Field id={`${p}-name`} label="Name" error={f.errorFor("name")}>
          <input {...controlProps(`${p}-name`, f.errorFor("name"))} name="name" type="text" defaultValue={text("name", initial.name)} />
        </Field>
        <Field id={`${p}-description`} label="Description" error={f.errorFor("description")} optional>
          <textarea {...controlProps(`${p}-description`, f.errorFor("description"))} name="description" rows={3} defaultValue={text("description", initial.description)} />
        </Field>
        <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
          <Field id={`${p}-target`} label={share ? "Target (%)" : "Target per fiscal year"} error={f.errorFor("target")}>
            <input
              {...controlProps(`${p}-target`, f.errorFor("target"))}
              name="target"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              defaultValue={text("target", String(share ? Math.round(initial.target * 1000) / 10 : initial.target))}
            />
          </Field>
          <Field id={`${p}-unit`} label="Unit" error={f.errorFor("unit")}>
            <input {...controlProps(`${p}-unit`, f.errorFor("unit"))} name="unit" type="text" defaultValue={text("unit", initial.unit)} />
          </Field>
        </div>
        {kind === "CORE_AREA_COVERAGE" ? (
          <Field id={`${p}-minDepth`} label="Minimum depth" error={f.errorFor("minDepth")}>
            <select {...controlProps(`${p}-minDepth`, f.errorFor("minDepth"))} name="minDepth" defaultValue={text("minDepth", initial.params.minDepth ?? "")}>
              <option value="">Choose a depth</option>
              {DEPTHS.map((d) => (
                <option key={d} value={d}>
                  {d === "LEAD" ? "Lead: a leadership role (chair, convenor, editor…)" : `${DEPTH_LABELS[d]} or deeper`}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {kind === "ACTIVITY_COUNT" || kind === "ACTIVITY_PER_AGENCY" || kind === "AGENCIES_WITH_ACTIVITY" ? (
          <Field id={`${p}-activityKind`} label="Kind of activity" error={f.errorFor("activityKind")}>
            <select {...controlProps(`${p}-activityKind`, f.errorFor("activityKind"))} name="activityKind" defaultValue={text("activityKind", initial.params.activityKind ?? "")}>
              <option value="">Choose a kind</option>
              {ACTIVITY_KINDS.map((k: ActivityKindName) => (
                <option key={k} value={k}>
                  {ACTIVITY_LABEL[k].many}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {kind === "STAGE_ENGAGEMENT" ? (
          <Checkboxes
            id={`${p}-stages`}
            name="stages"
            legend="Stages counted"
            choices={STAGES.map((s) => ({ id: s, label: STAGE_PHRASE[s] }))}
            checked={list("stages", initial.params.stages)}
            error={f.errorFor("stages")}
          />
        ) : null}
        {kind === "AREA_ENGAGEMENT" ? (
          <>
            <Checkboxes
              id={`${p}-coreAreaIds`}
              name="coreAreaIds"
              legend="Core areas counted"
              choices={coreAreas.map((c) => ({ id: c.id, label: c.name }))}
              checked={list("coreAreaIds", initial.params.coreAreaIds)}
              error={f.errorFor("coreAreaIds")}
            />
            <Checkboxes
              id={`${p}-committeeIds`}
              name="committeeIds"
              legend="Committees counted (with their standards)"
              choices={committees.map((c) => ({ id: c.id, label: c.designation }))}
              checked={list("committeeIds", initial.params.committeeIds)}
            />
          </>
        ) : null}
        <button type="submit" className={buttonClass} disabled={f.pending}>
          {f.pending ? "Saving…" : "Save indicator"}
          <span className="sr-only"> {initial.name}</span>
        </button>
      </form>
    </div>
  );
}
