// Home: what the tracker is for, and headline counts.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { can } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { getHomeCounts } from "@/server/reference/home";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "Home — Standards Engagement Tracker" } };

export default async function HomePage() {
  const session = await requirePage("reference.read", "/");
  const canWrite = can(session.user.role, "participation.write");
  const counts = await getHomeCounts();
  const cards = [
    { label: "Agencies", value: counts.agencies, href: "/agencies", hint: "Federal agencies in the tracker" },
    { label: "Participants", value: counts.participants, href: "/participants", hint: "Active participants" },
    { label: "Active engagements", value: counts.activeEngagements, href: "/engagements?status=active", hint: "Seats and work items with no end date or ending in the future" },
    { label: "SDOs", value: counts.sdos, href: "/sdos", hint: "Standards development organisations" },
    { label: "Committees", value: counts.committees, href: "/sdos", hint: "Committees, subcommittees and working groups" },
    { label: "Standards", value: counts.standards, href: "/standards", hint: "Standards and work items" },
  ];
  return (
    <>
      <h1>Standards Engagement Tracker</h1>
      <div className="max-w-3xl text-lg">
        <p>
          This tool records how people from U.S. federal agencies take part in developing international cybersecurity
          standards: which committees they sit on, which standards they work on, and how deeply.
        </p>
        <p>
          It is organised around <Link href="/objectives">the four strategic objectives</Link> and{" "}
          <Link href="/recommendations">eight recommendations</Link> of NISTIR 8074, and the report&apos;s{" "}
          <Link href="/core-areas">core areas</Link> and <Link href="/key-applications">key applications</Link>, so
          coverage gaps can be seen and discussed.
        </p>
      </div>
      {canWrite ? (
        <section aria-labelledby="record-heading" className="mt-6 rounded border-l-8 border-[#005ea2] bg-[#e7f2f8] px-4 py-3">
          <h2 id="record-heading" className="mt-0 text-xl">
            Record participation{session.user.agencyAcronym ? ` for ${session.user.agencyAcronym}` : ""}
          </h2>
          <ul className="m-0 flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
            <li>
              <Link href="/participants/new">Add a participant</Link>
            </li>
            <li>
              <Link href="/engagements/new">Add an engagement</Link>
            </li>
            <li>
              <Link href="/activities/new">Log an activity</Link>
            </li>
            {can(session.user.role, "audit.read") ? (
              <li>
                <Link href="/audit">Review recent changes</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      <h2>At a glance</h2>
      <ul className="m-0 grid list-none gap-4 p-0 sm:grid-cols-2 lg:grid-cols-3">
        {cards.map((card) => (
          <li key={card.label} className="rounded border border-[#dfe1e2] border-t-4 border-t-[#005ea2] bg-white p-4 shadow-sm">
            <Link href={card.href} className="group block no-underline">
              <span className="block text-4xl font-bold text-[#1b1b1b]">{card.value.toLocaleString("en-US")}</span>
              <span className="mt-1 block text-lg font-semibold underline">{card.label}</span>
            </Link>
            <p className="m-0 mt-1 text-sm text-[#565c65]">{card.hint}</p>
          </li>
        ))}
      </ul>
      <h2>Reading provenance labels</h2>
      <p className="max-w-3xl">
        Every reference item shows where its information came from: <strong>Confirmed</strong>,{" "}
        <strong>Confirmed (secondary)</strong>, <strong>Inferred</strong> or <strong>General knowledge</strong>. Open a
        label to see its sources. Items marked Inferred have not been checked against the report and should be verified
        before they are relied on.
      </p>
    </>
  );
}
