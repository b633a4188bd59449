// One recommendation.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePage } from "@/server/auth/session";
import { sessionCan } from "@/server/reference/access";
import { getRecommendationByNumber } from "@/server/reference/objectives";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { RecommendationBody } from "@/ui/recommendation-body";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ number: string }> };

function parseNumber(raw: string): number | null {
  return /^[1-9][0-9]{0,2}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const n = parseNumber((await params).number);
  if (n === null || !(await sessionCan("reference.read"))) return { title: "Recommendation" };
  const rec = await getRecommendationByNumber(n);
  return { title: rec ? `Recommendation ${rec.number}: ${rec.title}` : "Recommendation not found" };
}

export default async function RecommendationPage({ params }: Props) {
  const { number } = await params;
  await requirePage("reference.read", `/recommendations/${encodeURIComponent(number)}`);
  const n = parseNumber(number);
  const rec = n === null ? null : await getRecommendationByNumber(n);
  if (!rec) notFound();
  return (
    <>
      <Breadcrumbs items={[{ href: "/recommendations", label: "Recommendations" }, { label: `Recommendation ${rec.number}` }]} />
      <PageHeading eyebrow={`Recommendation ${rec.number}`} title={rec.title} provenance={rec.provenanceInfo} />
      <RecommendationBody rec={rec} headingLevel={2} />
    </>
  );
}
