// One standard: SDO, committee, stage, year, core areas, key applications, provenance.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/server/auth/session";
import { sessionCan } from "@/server/reference/access";
import { getStandard } from "@/server/reference/standards";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { ProvenanceBadge } from "@/ui/provenance-badge";
import { STAGE_LABEL } from "@/ui/stage";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await sessionCan("reference.read"))) return { title: "Standard" };
  const standard = await getStandard(id);
  return { title: standard ? standard.designation : "Standard not found" };
}

export default async function StandardPage({ params }: Props) {
  const { id } = await params;
  await requirePage("reference.read", `/standards/${id}`);
  const s = await getStandard(id);
  if (!s) notFound();
  return (
    <>
      <Breadcrumbs items={[{ href: "/standards", label: "Standards" }, { label: s.designation }]} />
      <PageHeading eyebrow="Standard" title={s.designation} provenance={s.provenanceInfo} lead={<p>{s.title}</p>} />
      <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">SDO</dt>
        <dd className="m-0">
          <Link href={`/sdos/${encodeURIComponent(s.sdo.id)}`}>
            {s.sdo.acronym} — {s.sdo.name}
          </Link>
          <ProvenanceBadge info={s.sdo.provenanceInfo} className="mt-1" />
        </dd>
        <dt className="font-semibold">Committee</dt>
        <dd className="m-0">
          {s.committee ? (
            <>
              <Link href={`/committees/${encodeURIComponent(s.committee.id)}`}>{s.committee.designation}</Link> — {s.committee.title}
              <ProvenanceBadge info={s.committee.provenanceInfo} className="mt-1" />
            </>
          ) : (
            "Not assigned to a committee"
          )}
        </dd>
        <dt className="font-semibold">Stage</dt>
        <dd className="m-0">{STAGE_LABEL[s.stage]}</dd>
        <dt className="font-semibold">Year</dt>
        <dd className="m-0">{s.year ?? "Not recorded"}</dd>
        {s.note ? (
          <>
            <dt className="font-semibold">Note</dt>
            <dd className="m-0">{s.note}</dd>
          </>
        ) : null}
      </dl>

      <h2>Core areas</h2>
      {s.coreAreas.length === 0 ? (
        <p>No core areas are linked to this standard.</p>
      ) : (
        <ul className="m-0 list-none space-y-3 p-0">
          {s.coreAreas.map((c) => (
            <li key={c.id}>
              <Link href={`/core-areas/${encodeURIComponent(c.id)}`}>{c.name}</Link>
              <ProvenanceBadge info={c.provenanceInfo} className="mt-1" />
            </li>
          ))}
        </ul>
      )}

      <h2>Key applications</h2>
      {s.keyApplications.length === 0 ? (
        <p>No key applications are linked to this standard.</p>
      ) : (
        <ul className="m-0 list-none space-y-3 p-0">
          {s.keyApplications.map((k) => (
            <li key={k.id}>
              <Link href={`/key-applications/${encodeURIComponent(k.id)}`}>{k.name}</Link>
              <ProvenanceBadge info={k.provenanceInfo} className="mt-1" />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
