// Standards-maturity levels of the core area x key application table, shown with a
// symbol and words as well as colour.
import type { Maturity } from "@/server/reference/types";

export const MATURITY_LEVELS: { level: Maturity; label: string; meaning: string }[] = [
  { level: "AVAILABLE", label: "Available", meaning: "Standards mostly available (may need revision)" },
  { level: "PARTIAL", label: "Partial", meaning: "Some standards available; new ones being developed" },
  { level: "NEEDED", label: "Needed", meaning: "New standards needed" },
  { level: "UNKNOWN", label: "Unknown", meaning: "Not assessed / not verified" },
];

const TONE: Record<Maturity, string> = {
  AVAILABLE: "bg-[#ecf3ec] text-[#154c21] border-[#216e1f]",
  PARTIAL: "bg-[#e7f6f8] text-[#0b4778] border-[#00687d]",
  NEEDED: "bg-[#f8dfe2] text-[#8b0a03] border-[#b50909]",
  UNKNOWN: "bg-[#f0f0f0] text-[#3d4551] border-[#71767a]",
};

const SYMBOL: Record<Maturity, string> = { AVAILABLE: "●", PARTIAL: "◐", NEEDED: "○", UNKNOWN: "?" };

export function MaturityBadge({ level }: { level: Maturity | null }) {
  if (!level) return <span className="text-[#565c65]">Not recorded</span>;
  const info = MATURITY_LEVELS.find((m) => m.level === level)!;
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-semibold ${TONE[level]}`}>
      <span aria-hidden="true">{SYMBOL[level]}</span>
      {info.label}
    </span>
  );
}

export function MaturityLegend() {
  return (
    <div className="mt-4">
      <h3 className="text-base font-semibold">Maturity legend</h3>
      <dl className="mt-2 grid gap-2 sm:grid-cols-2">
        {MATURITY_LEVELS.map((m) => (
          <div key={m.level} className="flex items-start gap-2">
            <dt>
              <MaturityBadge level={m.level} />
            </dt>
            <dd className="m-0 text-sm">{m.meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-sm text-[#565c65]">
        The legend wording is a reconstruction of the NISTIR 8074 Vol. 2 table; check each cell&apos;s provenance.
      </p>
    </div>
  );
}
