// Core areas of cybersecurity standardization (NISTIR 8074 Vol. 2).
import type { Metadata } from "next";
import Link from "@/ui/link";
import { requirePage } from "@/server/auth/session";
import { listCoreAreas } from "@/server/reference/core-areas";
import { PageHeading } from "@/ui/page-heading";
import { ProvenanceBadge } from "@/ui/provenance-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Core areas" };

export default async function CoreAreasPage() {
  await requirePage("reference.read", "/core-areas");
  const areas = await listCoreAreas();
  return (
    <>
      <PageHeading
        title="Core areas"
        lead={<p>The core areas of cybersecurity standardization used by NISTIR 8074 Vol. 2 to map committees, standards and their maturity.</p>}
      />
      <ul className="m-0 grid list-none gap-4 p-0 md:grid-cols-2">
        {areas.map((a) => (
          <li key={a.id} className="rounded border border-[#dfe1e2] p-4">
            <h2 className="mt-0 text-xl">
              <Link href={`/core-areas/${encodeURIComponent(a.id)}`}>{a.name}</Link>
            </h2>
            <ProvenanceBadge info={a.provenanceInfo} />
            <p className="mt-2">{a.description}</p>
            <p className="m-0 text-sm text-[#565c65]">
              {a.committeeCount} {a.committeeCount === 1 ? "committee" : "committees"} · {a.standardCount.toLocaleString("en-US")}{" "}
              {a.standardCount === 1 ? "standard" : "standards"}
              {a.maturity ? ` · Maturity: ${a.maturity}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
