// Federal agencies, IICS WG membership and participation counts.
import type { Metadata } from "next";
import { requirePage } from "@/server/auth/session";
import { listAgencies } from "@/server/reference/agencies";
import { PageHeading } from "@/ui/page-heading";
import { ProvenanceBadge } from "@/ui/provenance-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Agencies" };

export default async function AgenciesPage() {
  await requirePage("reference.read", "/agencies");
  const agencies = await listAgencies();
  return (
    <>
      <PageHeading
        title="Agencies"
        lead={
          <p>
            Federal agencies in the tracker, whether they are members of the Interagency International Cybersecurity
            Standardization Working Group (IICS WG), and how many of their people take part.
          </p>
        }
      />
      <div className="relative overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">Agencies with IICS WG membership, active participants and active engagements</caption>
          <thead>
            <tr>
              <th scope="col">Acronym</th>
              <th scope="col">Name</th>
              <th scope="col">IICS WG member</th>
              <th scope="col" className="text-right">
                Active participants
              </th>
              <th scope="col" className="text-right">
                Active engagements
              </th>
              <th scope="col">Provenance</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.acronym}</th>
                <td>{a.name}</td>
                <td>{a.iicswgMember ? "Yes" : "No"}</td>
                <td className="text-right tabular-nums">{a.participantCount.toLocaleString("en-US")}</td>
                <td className="text-right tabular-nums">{a.activeEngagementCount.toLocaleString("en-US")}</td>
                <td>
                  <ProvenanceBadge info={a.provenanceInfo} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
