// One key application: committees, standards and its column of the maturity table.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/server/auth/session";
import { sessionCan } from "@/server/reference/access";
import { getKeyApplication } from "@/server/reference/key-applications";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { CommitteeList, MaturityTable, StandardTable } from "@/ui/reference-lists";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await sessionCan("reference.read"))) return { title: "Key application" };
  const app = await getKeyApplication(id);
  return { title: app ? `${app.name} (key application)` : "Key application not found" };
}

export default async function KeyApplicationPage({ params }: Props) {
  const { id } = await params;
  await requirePage("reference.read", `/key-applications/${id}`);
  const app = await getKeyApplication(id);
  if (!app) notFound();
  const allHref = `/standards?keyApplication=${encodeURIComponent(app.id)}`;
  return (
    <>
      <Breadcrumbs items={[{ href: "/key-applications", label: "Key applications" }, { label: app.name }]} />
      <PageHeading
        eyebrow="Key application"
        title={app.name}
        provenance={app.provenanceInfo}
        lead={app.description ? <p>{app.description}</p> : undefined}
      />
      {app.maturity ? (
        <p>
          <strong>Overall maturity (as recorded):</strong> {app.maturity}
        </p>
      ) : null}

      <h2>Standards maturity across core areas</h2>
      <MaturityTable cells={app.maturityRow} axis="coreArea" caption={`Maturity of standards for ${app.name} in each core area`} />

      <h2>Committees</h2>
      <CommitteeList committees={app.committees} empty="No committees are linked to this key application." />

      <h2>Standards</h2>
      {app.standards.length === 0 ? (
        <p>No standards are linked to this key application.</p>
      ) : (
        <>
          <StandardTable standards={app.standards} caption={`Standards for ${app.name}`} />
          {app.standardCount > app.standards.length ? (
            <p className="mt-3">
              Showing {app.standards.length} of {app.standardCount.toLocaleString("en-US")}.{" "}
              <Link href={allHref}>View all standards for {app.name}</Link>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
