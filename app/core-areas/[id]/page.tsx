// One core area: description, committees, standards and its row of the maturity table.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/server/auth/session";
import { sessionCan } from "@/server/reference/access";
import { getCoreArea } from "@/server/reference/core-areas";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { CommitteeList, MaturityTable, StandardTable } from "@/ui/reference-lists";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await sessionCan("reference.read"))) return { title: "Core area" };
  const area = await getCoreArea(id);
  return { title: area ? `${area.name} (core area)` : "Core area not found" };
}

export default async function CoreAreaPage({ params }: Props) {
  const { id } = await params;
  await requirePage("reference.read", `/core-areas/${id}`);
  const area = await getCoreArea(id);
  if (!area) notFound();
  const allHref = `/standards?coreArea=${encodeURIComponent(area.id)}`;
  return (
    <>
      <Breadcrumbs items={[{ href: "/core-areas", label: "Core areas" }, { label: area.name }]} />
      <PageHeading eyebrow="Core area" title={area.name} provenance={area.provenanceInfo} lead={<p>{area.description}</p>} />
      {area.maturity ? (
        <p>
          <strong>Overall maturity (as recorded):</strong> {area.maturity}
        </p>
      ) : null}

      <h2>Standards maturity across key applications</h2>
      <MaturityTable cells={area.maturityRow} axis="keyApplication" caption={`Maturity of ${area.name} standards in each key application`} />

      <h2>Committees</h2>
      <CommitteeList committees={area.committees} empty="No committees are linked to this core area." />

      <h2>Standards</h2>
      {area.standards.length === 0 ? (
        <p>No standards are linked to this core area.</p>
      ) : (
        <>
          <StandardTable standards={area.standards} caption={`Standards in ${area.name}`} />
          {area.standardCount > area.standards.length ? (
            <p className="mt-3">
              Showing {area.standards.length} of {area.standardCount.toLocaleString("en-US")}.{" "}
              <Link href={allHref}>View all standards in {area.name}</Link>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
