// The four strategic objectives of NISTIR 8074, each with the recommendations serving it.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { requirePage } from "@/server/auth/session";
import { listObjectives } from "@/server/reference/objectives";
import { PageHeading } from "@/ui/page-heading";
import { ProvenanceBadge } from "@/ui/provenance-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Strategic objectives" };

export default async function ObjectivesPage() {
  await requirePage("reference.read", "/objectives");
  const objectives = await listObjectives();
  return (
    <>
      <PageHeading
        title="Strategic objectives"
        lead={<p>NISTIR 8074 Vol. 1 sets four strategic objectives for U.S. Government engagement in international cybersecurity standardization.</p>}
      />
      <ol className="m-0 list-none space-y-6 p-0">
        {objectives.map((o) => (
          <li key={o.id} id={`objective-${o.number}`} className="scroll-mt-4 rounded border border-[#dfe1e2] p-5">
            <h2 className="mt-0">
              Objective {o.number}: {o.title}
            </h2>
            <ProvenanceBadge info={o.provenanceInfo} />
            <p className="mt-3 max-w-3xl">{o.gist}</p>
            <h3>Recommendations serving this objective</h3>
            {o.recommendations.length === 0 ? (
              <p>No recommendations are linked to this objective.</p>
            ) : (
              <ul className="m-0 list-disc space-y-1 pl-6">
                {o.recommendations.map((r) => (
                  <li key={r.number}>
                    <Link href={`/recommendations/${r.number}`}>
                      Recommendation {r.number}: {r.title}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
