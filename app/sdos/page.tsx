// Standards development organisations.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { requirePage } from "@/server/auth/session";
import { listSdos } from "@/server/reference/sdos";
import { PageHeading } from "@/ui/page-heading";
import { ProvenanceBadge } from "@/ui/provenance-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Standards development organisations" };

export default async function SdosPage() {
  await requirePage("reference.read", "/sdos");
  const sdos = await listSdos();
  return (
    <>
      <PageHeading
        title="Standards development organisations"
        lead={<p>The SDOs whose committees develop international cybersecurity standards. Open one to see its committee tree.</p>}
      />
      <div className="relative overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">Standards development organisations, with committee and standard counts</caption>
          <thead>
            <tr>
              <th scope="col">Acronym</th>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col" className="text-right">
                Committees
              </th>
              <th scope="col" className="text-right">
                Standards
              </th>
              <th scope="col">Provenance</th>
            </tr>
          </thead>
          <tbody>
            {sdos.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link href={`/sdos/${encodeURIComponent(s.id)}`}>{s.acronym}</Link>
                </th>
                <td>{s.name}</td>
                <td>{s.type}</td>
                <td className="text-right tabular-nums">{s.committeeCount.toLocaleString("en-US")}</td>
                <td className="text-right tabular-nums">{s.standardCount.toLocaleString("en-US")}</td>
                <td>
                  <ProvenanceBadge info={s.provenanceInfo} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
