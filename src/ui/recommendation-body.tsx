// A recommendation's gist, indicators, draft-vs-final note and the objectives it serves.
import Link from "@/ui/link";
import type { RecommendationView } from "@/server/reference/objectives";

export function RecommendationBody({ rec, headingLevel }: { rec: RecommendationView; headingLevel: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <p className="max-w-3xl">{rec.gist}</p>
      <H>Indicators</H>
      {rec.indicators.length === 0 ? (
        <p>No indicators are recorded.</p>
      ) : (
        <ul className="m-0 list-disc space-y-1 pl-6">
          {rec.indicators.map((indicator) => (
            <li key={indicator}>{indicator}</li>
          ))}
        </ul>
      )}
      <H>Draft and final report</H>
      {rec.draftHeading ? (
        <p>
          Draft heading: <q>{rec.draftHeading}</q>
        </p>
      ) : null}
      <p className="max-w-3xl">{rec.draftVsFinal ?? "No difference between the draft and the final report is recorded."}</p>
      <H>Objectives served</H>
      <ul className="m-0 list-disc space-y-1 pl-6">
        {rec.objectives.map((o) => (
          <li key={o.number}>
            <Link href={`/objectives#objective-${o.number}`}>
              Objective {o.number}: {o.title}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

