// Met / partial / gap shown with a symbol and words as well as colour; the same colours
// fill the scorecard bars (each at least 3:1 against white).
import { STATUS_LABEL, type RollUpStatus } from "@/domain/coverage-indicators";

export const STATUS_FILL: Record<RollUpStatus, string> = {
  met: "#008817",
  partial: "#b38c00",
  gap: "#b50909",
  unmeasured: "#71767a",
};

const TONE: Record<RollUpStatus, string> = {
  met: "border-[#216e1f] bg-[#ecf3ec] text-[#154c21]",
  partial: "border-[#936f38] bg-[#faf3d1] text-[#5c410a]",
  gap: "border-[#b50909] bg-[#f8dfe2] text-[#8b0a03]",
  unmeasured: "border-[#71767a] bg-[#f0f0f0] text-[#3d4551]",
};

const SYMBOL: Record<RollUpStatus, string> = { met: "✓", partial: "◐", gap: "✕", unmeasured: "?" };

/**
 * A status always with its attainment beside it ("Partial · 79%"), so 22% and 79% do not
 * read alike; `attainment` null only for what nothing measures.
 */
export function StatusBadge({ status, attainment }: { status: RollUpStatus; attainment: number | null }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${TONE[status]}`}>
      <span aria-hidden="true">{SYMBOL[status]}</span>
      {STATUS_LABEL[status]}
      {attainment === null ? null : <span className="font-normal">· {percent(attainment)}</span>}
    </span>
  );
}

export function percent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}
