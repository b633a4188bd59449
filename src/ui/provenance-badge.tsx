// The provenance label every reference item carries. The label text says the status (not
// colour alone); the sources open in a <details>. Inferred items invite verification.
import type { ProvenanceInfo, Provenance } from "@/server/reference/types";

const LABEL: Record<Provenance, string> = {
  CONFIRMED: "Confirmed",
  CONFIRMED_SECONDARY: "Confirmed (secondary)",
  INFERRED: "Inferred",
  GENERAL_KNOWLEDGE: "General knowledge",
};

const MEANING: Record<Provenance, string> = {
  CONFIRMED: "Seen in a copy of the primary source, or an official NIST, OMB, ISO or SDO page.",
  CONFIRMED_SECONDARY: "Seen in a third-party summary (news or blog) that describes the source.",
  INFERRED:
    "Reconstructed from knowledge of NISTIR 8074 Vol. 2 and later NIST reports. It has not been checked against the primary source.",
  GENERAL_KNOWLEDGE: "A well-known public identifier, title or committee designation; not checked against NISTIR 8074.",
};

// Colours chosen for >= 4.5:1 text contrast on their own background.
const TONE: Record<Provenance, string> = {
  CONFIRMED: "border-[#216e1f] bg-[#ecf3ec] text-[#154c21]",
  CONFIRMED_SECONDARY: "border-[#00687d] bg-[#e7f6f8] text-[#0b4778]",
  INFERRED: "border-[#936f38] bg-[#faf3d1] text-[#5c410a]",
  GENERAL_KNOWLEDGE: "border-[#71767a] bg-[#f0f0f0] text-[#3d4551]",
};

const ICON: Record<Provenance, string> = {
  CONFIRMED: "✓",
  CONFIRMED_SECONDARY: "✓",
  INFERRED: "!",
  GENERAL_KNOWLEDGE: "i",
};

export function provenanceLabel(provenance: Provenance): string {
  return LABEL[provenance];
}

export function ProvenanceBadge({ info, className = "" }: { info: ProvenanceInfo; className?: string }) {
  const { provenance, sources } = info;
  const inferred = provenance === "INFERRED";
  const count = sources.length;
  return (
    <details className={`provenance block w-fit max-w-full text-sm ${className}`}>
      <summary
        className={`inline-flex cursor-pointer items-center gap-x-1.5 flex-wrap rounded border sm:flex-nowrap sm:whitespace-nowrap px-2 py-0.5 font-semibold leading-6 ${TONE[provenance]}`}
      >
        <span aria-hidden="true" className="font-bold">
          {ICON[provenance]}
        </span>
        <span className="sr-only">Provenance: </span>
        <span>{LABEL[provenance]}</span>
        {inferred ? <span className="font-normal underline decoration-dotted">– please verify</span> : null}
        <span className="font-normal">
          ({count} {count === 1 ? "source" : "sources"})
        </span>
      </summary>
      <div className="mt-1 max-w-prose rounded border border-[#a9aeb1] bg-white p-3 text-[#1b1b1b] shadow-sm">
        <p className="m-0">
          <strong>{LABEL[provenance]}:</strong> {MEANING[provenance]}
        </p>
        {inferred ? (
          <p className="mt-2 mb-0 rounded border-l-4 border-[#936f38] bg-[#faf3d1] px-2 py-1 text-[#3b2a06]">
            Verify this against NISTIR 8074 (DOI{" "}
            <a className="underline" href="https://doi.org/10.6028/NIST.IR.8074v2">
              10.6028/NIST.IR.8074v2
            </a>
            ) before relying on it.
          </p>
        ) : null}
        {count > 0 ? (
          <>
            <p className="mt-2 mb-1 font-semibold">Sources</p>
            <ul className="m-0 list-disc space-y-1 pl-5">
              {sources.map((source) => (
                <li key={source.id}>
                  {source.url ? (
                    <a href={source.url} className="underline" rel="noopener noreferrer">
                      {source.title}
                    </a>
                  ) : (
                    <span>{source.title}</span>
                  )}{" "}
                  <span className="text-[#565c65]">
                    ({source.id}
                    {source.known ? "" : ", not in the source list"})
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2 mb-0 text-[#565c65]">No sources are recorded for this item.</p>
        )}
      </div>
    </details>
  );
}
