// One committee: its place in the SDO tree, subgroups, core areas, key applications, standards.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/server/auth/session";
import { sessionCan } from "@/server/reference/access";
import { getCommittee } from "@/server/reference/committees";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { ProvenanceBadge } from "@/ui/provenance-badge";
import { StandardTable } from "@/ui/reference-lists";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await sessionCan("reference.read"))) return { title: "Committee" };
  const committee = await getCommittee(id);
  return { title: committee ? `${committee.designation} (committee)` : "Committee not found" };
}

export default async function CommitteePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePage("reference.read", `/committees/${id}`);
  const page = pageParam.parse((await searchParams).page ?? 1);
  const committee = await getCommittee(id, page);
  if (!committee) notFound();
  const { standards } = committee;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/sdos", label: "SDOs" },
          { href: `/sdos/${encodeURIComponent(committee.sdo.id)}`, label: committee.sdo.acronym },
          ...committee.ancestors.map((a) => ({ href: `/committees/${encodeURIComponent(a.id)}`, label: a.designation })),
          { label: committee.designation },
        ]}
      />
      <PageHeading eyebrow="Committee" title={committee.designation} provenance={committee.provenanceInfo} lead={<p>{committee.title}</p>} />
      <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">SDO</dt>
        <dd className="m-0">
          <Link href={`/sdos/${encodeURIComponent(committee.sdo.id)}`}>
            {committee.sdo.acronym} — {committee.sdo.name}
          </Link>
        </dd>
        <dt className="font-semibold">Parent</dt>
        <dd className="m-0">
          {committee.ancestors.length > 0 ? (
            <Link href={`/committees/${encodeURIComponent(committee.ancestors.at(-1)!.id)}`}>{committee.ancestors.at(-1)!.designation}</Link>
          ) : (
            "None (top-level committee)"
          )}
        </dd>
        {committee.usMirrorOrTag ? (
          <>
            <dt className="font-semibold">U.S. mirror / TAG</dt>
            <dd className="m-0">{committee.usMirrorOrTag}</dd>
          </>
        ) : null}
        {committee.note ? (
          <>
            <dt className="font-semibold">Note</dt>
            <dd className="m-0">{committee.note}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Core areas</dt>
        <dd className="m-0">
          {committee.coreAreas.length === 0
            ? "None linked"
            : committee.coreAreas.map((c, i) => (
                <span key={c.id}>
                  {i > 0 ? ", " : ""}
                  <Link href={`/core-areas/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                </span>
              ))}
        </dd>
        <dt className="font-semibold">Key applications</dt>
        <dd className="m-0">
          {committee.keyApplications.length === 0
            ? "None linked"
            : committee.keyApplications.map((k, i) => (
                <span key={k.id}>
                  {i > 0 ? ", " : ""}
                  <Link href={`/key-applications/${encodeURIComponent(k.id)}`}>{k.name}</Link>
                </span>
              ))}
        </dd>
      </dl>

      <h2>Subgroups</h2>
      {committee.children.length === 0 ? (
        <p>This committee has no recorded subcommittees or working groups.</p>
      ) : (
        <ul className="m-0 list-none space-y-3 p-0">
          {committee.children.map((c) => (
            <li key={c.id} className="border-l-4 border-[#97d4ea] pl-3">
              <Link href={`/committees/${encodeURIComponent(c.id)}`} className="font-semibold">
                {c.designation}
              </Link>{" "}
              — {c.title}
              <div className="mt-1">
                <ProvenanceBadge info={c.provenanceInfo} />
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2>Standards ({standards.total.toLocaleString("en-US")})</h2>
      {standards.total === 0 ? (
        <p>No standards are assigned to this committee.</p>
      ) : (
        <>
          <StandardTable standards={standards.items} caption={`Standards of ${committee.designation}`} />
          <Pagination
            label="Standards pages"
            page={standards.page}
            pageCount={standards.pageCount}
            total={standards.total}
            pageSize={standards.pageSize}
            hrefFor={(p) => `/committees/${encodeURIComponent(committee.id)}?page=${p}`}
          />
        </>
      )}
    </>
  );
}
