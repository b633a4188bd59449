// A person's engagements as a dated role history, oldest first. Leadership positions are
// marked with a star, a "Leadership" tag and a heavier border (not by colour alone).
import Link from "@/ui/link";
import { DEPTH_LABELS, isLeadership, ROLE_LABELS, type Depth, type EngagementRole } from "@/domain/participation/inputs";
import { LeadershipTag } from "./list-bits";

export interface TimelineEntry {
  id: string;
  role: EngagementRole;
  depth: Depth;
  startDate: string;
  endDate: string | null;
  committee: string | null;
  committeeTitle: string | null;
  sdo: string | null;
  standard: string | null;
}

export function RoleTimeline({ entries, today }: { entries: TimelineEntry[]; today: string }) {
  if (entries.length === 0) return <p>No engagements recorded for this person yet.</p>;
  return (
    <ol className="m-0 list-none border-l-4 border-[#dfe1e2] p-0 pl-0">
      {entries.map((e) => {
        const leader = isLeadership(e.role);
        const ended = e.endDate !== null && e.endDate < today;
        return (
          <li key={e.id} className="relative mb-4 ml-6">
            <span
              aria-hidden="true"
              className={`absolute top-3 -left-[2.3rem] flex size-6 items-center justify-center rounded-full border-2 text-xs ${
                leader ? "border-[#936f38] bg-[#faf3d1] text-[#1b1b1b]" : "border-[#565c65] bg-white"
              }`}
            >
              {leader ? "★" : ""}
            </span>
            <div className={`rounded border p-3 ${leader ? "border-2 border-[#936f38]" : "border-[#dfe1e2]"}`}>
              <p className="m-0 text-sm text-[#565c65]">
                <time dateTime={e.startDate}>{e.startDate}</time> – {e.endDate ? <time dateTime={e.endDate}>{e.endDate}</time> : "ongoing"}
                {ended ? " (ended)" : e.endDate ? " (active)" : ""}
              </p>
              <p className="m-0 font-semibold">
                <Link href={`/engagements/${encodeURIComponent(e.id)}`}>
                  {ROLE_LABELS[e.role]}
                  {e.committee ? `, ${e.committee}` : ""}
                </Link>
                {leader ? <LeadershipTag /> : null}
              </p>
              <p className="m-0 text-sm">
                {[e.sdo, e.committeeTitle, e.standard ? `standard ${e.standard}` : null].filter(Boolean).join(" · ")}
                {" · "}Depth: {DEPTH_LABELS[e.depth]}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
