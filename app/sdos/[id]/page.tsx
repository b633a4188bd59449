// One SDO with its committee tree.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/server/auth/session";
import { sessionCan } from "@/server/reference/access";
import { getSdo } from "@/server/reference/sdos";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { CommitteeTree } from "@/ui/committee-tree";
import { PageHeading } from "@/ui/page-heading";
import { StandardTable } from "@/ui/reference-lists";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await sessionCan("reference.read"))) return { title: "SDO" };
  const sdo = await getSdo(id);
  return { title: sdo ? `${sdo.acronym} (SDO)` : "SDO not found" };
}

export default async function SdoPage({ params }: Props) {
  const { id } = await params;
  await requirePage("reference.read", `/sdos/${id}`);
  const sdo = await getSdo(id);
  if (!sdo) notFound();
  return (
    <>
      <Breadcrumbs items={[{ href: "/sdos", label: "SDOs" }, { label: sdo.acronym }]} />
      <PageHeading
        eyebrow="Standards development organisation"
        title={`${sdo.acronym} — ${sdo.name}`}
        provenance={sdo.provenanceInfo}
        lead={<p>Type: {sdo.type}</p>}
      />
      <p>
        <Link href={`/standards?sdo=${encodeURIComponent(sdo.id)}`}>All standards from {sdo.acronym}</Link>
      </p>
      <h2>Committees ({sdo.committeeCount})</h2>
      {sdo.tree.length === 0 ? <p>No committees are recorded for this SDO.</p> : <CommitteeTree nodes={sdo.tree} />}
      {sdo.unassignedCount > 0 ? (
        <>
          <h2>Standards not assigned to a committee ({sdo.unassignedCount.toLocaleString("en-US")})</h2>
          <StandardTable standards={sdo.unassigned} caption={`${sdo.acronym} standards not assigned to a committee`} />
          {sdo.unassignedCount > sdo.unassigned.length ? (
            <p className="mt-2">
              <Link href={`/standards?sdo=${encodeURIComponent(sdo.id)}`}>See all {sdo.acronym} standards</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
