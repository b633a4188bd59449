// The page's single h1 with an optional lead paragraph and provenance badge.
import type { ProvenanceInfo } from "@/server/reference/types";
import { ProvenanceBadge } from "./provenance-badge";

export function PageHeading({ title, lead, provenance, eyebrow }: { title: string; lead?: React.ReactNode; provenance?: ProvenanceInfo; eyebrow?: string }) {
  return (
    <div className="mb-6">
      {eyebrow ? <p className="m-0 text-sm font-semibold tracking-wide text-[#565c65] uppercase">{eyebrow}</p> : null}
      <h1>{title}</h1>
      {provenance ? (
        <div className="mb-3">
          <ProvenanceBadge info={provenance} />
        </div>
      ) : null}
      {lead ? <div className="max-w-3xl text-lg">{lead}</div> : null}
    </div>
  );
}
