"use client";
// Commit / cancel a preview (sync mode asks to confirm the removals first) and undo a
// committed import. Errors from the actions are shown as given (they explain why).
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/server/actions/action";
import { cancelImportAction, commitImportAction, undoImportAction } from "@/server/actions/imports";

type Kind = "commit" | "cancel" | "undo";

const primary = "rounded bg-[#005ea2] px-5 py-2.5 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70";
const secondary = "rounded border-2 border-[#005ea2] bg-white px-5 py-2 font-semibold text-[#005ea2] hover:bg-[#eff6fb] disabled:opacity-70";

export function PreviewActions({ runId, canCommit, removals, closeLabel }: { runId: string; canCommit: boolean; removals: number; closeLabel: string }) {
  const [confirmed, setConfirmed] = useState(removals === 0);
  const { run, pending, error, errorRef } = useRunAction(runId);
  return (
    <div className="space-y-4">
      <ActionError error={error} errorRef={errorRef} />
      {canCommit && removals > 0 ? (
        <div className="flex items-start gap-2 border-l-8 border-[#ffbe2e] bg-[#faf3d1] px-4 py-3">
          <input id="confirm-removals" type="checkbox" className="mt-1.5" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          <label htmlFor="confirm-removals">
            I have checked the list above: remove these <strong>{removals}</strong> {removals === 1 ? "record" : "records"}.
          </label>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {canCommit ? (
          <button type="button" className={primary} disabled={pending !== null || !confirmed} onClick={() => run("commit")}>
            {pending === "commit" ? "Starting…" : removals > 0 ? "Commit and remove" : "Commit import"}
          </button>
        ) : null}
        <button type="button" className={secondary} disabled={pending !== null} onClick={() => run("cancel")}>
          {pending === "cancel" ? "Closing…" : closeLabel}
        </button>
      </div>
    </div>
  );
}

export function UndoAction({ runId }: { runId: string }) {
  const [asking, setAsking] = useState(false);
  const { run, pending, error, errorRef } = useRunAction(runId);
  return (
    <div className="space-y-3">
      <ActionError error={error} errorRef={errorRef} />
      {asking ? (
        <div className="border-l-8 border-[#ffbe2e] bg-[#faf3d1] px-4 py-3">
          <p className="m-0">Undo restores every record this import created, changed or removed, as it was before. It is refused if any of them changed since.</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <button type="button" className={primary} disabled={pending !== null} onClick={() => run("undo")}>
              {pending === "undo" ? "Checking…" : "Yes, undo this import"}
            </button>
            <button type="button" className={secondary} onClick={() => setAsking(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={secondary} onClick={() => setAsking(true)}>
          Undo this import…
        </button>
      )}
    </div>
  );
}

function ActionError({ error, errorRef }: { error: string | null; errorRef: React.RefObject<HTMLDivElement | null> }) {
  if (!error) return null;
  return (
    <div ref={errorRef} tabIndex={-1} role="alert" className="border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3">
      {error}
    </div>
  );
}

function useRunAction(runId: string) {
  const router = useRouter();
  const [pending, setPending] = useState<Kind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const run = async (kind: Kind) => {
    setPending(kind);
    setError(null);
    const fn = kind === "commit" ? commitImportAction : kind === "cancel" ? cancelImportAction : undoImportAction;
    const result: ActionResult<{ runId: string }> = await fn({ runId });
    setPending(null);
    if (result.ok) {
      router.refresh();
      return;
    }
    setError(result.error.message);
    requestAnimationFrame(() => errorRef.current?.focus());
  };
  return { run, pending, error, errorRef };
}
