// The eight recommendations of NISTIR 8074 Vol. 1.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { requirePage } from "@/server/auth/session";
import { listRecommendations } from "@/server/reference/objectives";
import { PageHeading } from "@/ui/page-heading";
import { ProvenanceBadge } from "@/ui/provenance-badge";
import { RecommendationBody } from "@/ui/recommendation-body";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Recommendations" };

export default async function RecommendationsPage() {
  await requirePage("reference.read", "/recommendations");
  const recommendations = await listRecommendations();
  return (
    <>
      <PageHeading
        title="Recommendations"
        lead={<p>The eight recommendations of NISTIR 8074 Vol. 1, with indicators of progress and the objectives each one serves.</p>}
      />
      <nav aria-label="Recommendations on this page" className="mb-6">
        <ol className="m-0 list-decimal space-y-1 pl-6">
          {recommendations.map((r) => (
            <li key={r.id}>
              <a href={`#recommendation-${r.number}`}>{r.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="space-y-6">
        {recommendations.map((r) => (
          <section key={r.id} id={`recommendation-${r.number}`} aria-labelledby={`recommendation-${r.number}-title`} className="scroll-mt-4 rounded border border-[#dfe1e2] p-5">
            <h2 id={`recommendation-${r.number}-title`} className="mt-0">
              <Link href={`/recommendations/${r.number}`}>
                Recommendation {r.number}: {r.title}
              </Link>
            </h2>
            <ProvenanceBadge info={r.provenanceInfo} />
            <div className="mt-3">
              <RecommendationBody rec={r} headingLevel={3} />
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
