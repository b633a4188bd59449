// Key IT applications (NISTIR 8074 Vol. 2).
import type { Metadata } from "next";
import Link from "@/ui/link";
import { requirePage } from "@/server/auth/session";
import { listKeyApplications } from "@/server/reference/key-applications";
import { PageHeading } from "@/ui/page-heading";
import { ProvenanceBadge } from "@/ui/provenance-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Key applications" };

export default async function KeyApplicationsPage() {
  await requirePage("reference.read", "/key-applications");
  const apps = await listKeyApplications();
  return (
    <>
      <PageHeading
        title="Key applications"
        lead={<p>The key IT applications for which NISTIR 8074 Vol. 2 assessed the maturity of cybersecurity standards.</p>}
      />
      <ul className="m-0 grid list-none gap-4 p-0 md:grid-cols-2">
        {apps.map((a) => (
          <li key={a.id} className="rounded border border-[#dfe1e2] p-4">
            <h2 className="mt-0 text-xl">
              <Link href={`/key-applications/${encodeURIComponent(a.id)}`}>{a.name}</Link>
            </h2>
            <ProvenanceBadge info={a.provenanceInfo} />
            {a.description ? <p className="mt-2">{a.description}</p> : null}
            <p className="m-0 mt-2 text-sm text-[#565c65]">
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
