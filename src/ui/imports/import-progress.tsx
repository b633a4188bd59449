"use client";
// Progress bar of a running import (reading, checking, writing or undoing): polls the
// run's progress route and refreshes the page when the run reaches its next state.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";

const PHASE_LABEL: Record<string, string> = {
  upload: "Receiving the file",
  parse: "Reading the file",
  validate: "Checking every row",
  write: "Writing to the database",
  undo: "Undoing the import",
};

export interface ProgressState {
  status: string;
  phase: string | null;
  progress: number;
}

export function ImportProgress({ runId, initial }: { runId: string; initial: ProgressState }) {
  const router = useRouter();
  const [state, setState] = useState(initial);

  useEffect(() => {
    let stopped = false;
    const startStatus = initial.status;
    const startPhase = initial.phase;
    const tick = async () => {
      if (stopped) return;
      try {
        const response = await fetch(`/admin/imports/${runId}/progress`, { cache: "no-store" });
        if (response.ok) {
          const next = (await response.json()) as ProgressState;
          if (stopped) return;
          setState(next);
          const running = next.status === "PROCESSING" || next.status === "COMMITTING" || next.phase === "undo";
          if (!running || next.status !== startStatus || (startPhase === "undo" && next.phase !== "undo")) {
            router.refresh();
            return;
          }
        }
      } catch {
        // keep polling
      }
      setTimeout(tick, 500);
    };
    const timer = setTimeout(tick, 300);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runId, initial.status, initial.phase, router]);

  const percent = Math.round(state.progress * 100);
  const label = PHASE_LABEL[state.phase ?? ""] ?? "Working";
  return (
    <div className="max-w-xl rounded border border-[#dfe1e2] p-4" role="status" aria-live="polite">
      <p id="import-progress-label" className="m-0 font-semibold">
        {label}… {percent}%
      </p>
      <progress aria-labelledby="import-progress-label" max={100} value={percent} className="mt-2 h-4 w-full accent-[#005ea2]">
        {percent}%
      </progress>
      <p className="m-0 mt-2 text-sm text-[#565c65]">You can leave this page; the import continues.</p>
    </div>
  );
}
