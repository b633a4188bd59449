// One activity: its values, edit and delete for writers, and its own audit history.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ACTIVITY_LABELS, STANDARD_USE_LABELS } from "@/domain/participation/inputs";
import { recordHistory } from "@/server/audit/audit-log";
import { can } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { getActivity } from "@/server/participation/activities";
import { fromDate } from "@/server/participation/scope";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { RecordHistory } from "@/ui/participation/audit-history";
import { first, secondaryLinkClass, SuccessNotice } from "@/ui/participation/list-bits";
import { DeleteRecord } from "@/ui/participation/record-actions";

export const metadata: Metadata = { title: "Activity" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SAVED: Record<string, string> = { created: "The activity was added.", updated: "Your changes were saved." };

export default async function ActivityPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const session = await requirePage("participation.read", `/activities/${encodeURIComponent(id)}`);
  const activity = await getActivity(session.scope, id);
  if (!activity) notFound();
  const history = can(session.user.role, "audit.read") ? await recordHistory(session.scope, "Activity", id) : null;
  const canWrite = can(session.user.role, "participation.write");
  const saved = SAVED[first((await searchParams).saved) ?? ""];
  const rows: [string, React.ReactNode][] = [
    ["Kind", ACTIVITY_LABELS[activity.kind]],
    ["Agency", activity.agency.acronym],
    ["Dates", `${fromDate(activity.startDate)} – ${fromDate(activity.endDate) ?? fromDate(activity.startDate)}`],
    ["Counterpart", activity.counterpart ?? "—"],
    [
      "Participant",
      activity.participant && activity.participantId ? (
        <Link href={`/participants/${encodeURIComponent(activity.participantId)}`}>{activity.participant.name}</Link>
      ) : (
        "—"
      ),
    ],
    ["SDO", activity.sdo?.acronym ?? "—"],
    ["Committee", activity.committee?.designation ?? "—"],
    [
      "Standard",
      activity.standard && activity.standardId ? (
        <Link href={`/standards/${encodeURIComponent(activity.standardId)}`}>{activity.standard.designation}</Link>
      ) : (
        "—"
      ),
    ],
    ...(activity.kind === "ADOPTION"
      ? ([
          ["A-119 category", activity.standardUse ? STANDARD_USE_LABELS[activity.standardUse] : "Not recorded"],
          ...(activity.governmentUniqueReason ? [["Why government-unique", <span key="g" className="whitespace-pre-line">{activity.governmentUniqueReason}</span>]] : []),
        ] as [string, React.ReactNode][])
      : []),
    ["Attendees", activity.attendees ?? "—"],
    ["Description", <span key="d" className="whitespace-pre-line">{activity.description ?? "—"}</span>],
  ];
  return (
    <>
      <Breadcrumbs items={[{ href: "/activities", label: "Activities" }, { label: activity.title }]} />
      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
      <PageHeading title={activity.title} eyebrow={ACTIVITY_LABELS[activity.kind]} />
      <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="m-0">{value}</dd>
          </div>
        ))}
      </dl>
      {canWrite ? (
        <>
          <p className="mt-6">
            <Link href={`/activities/${encodeURIComponent(id)}/edit`} className={secondaryLinkClass}>
              Edit activity
            </Link>
          </p>
          <section aria-labelledby="delete-heading">
            <h2 id="delete-heading">Delete</h2>
            <p>Only delete an activity recorded by mistake.</p>
            <DeleteRecord kind="activity" id={activity.id} version={activity.version} label={`“${activity.title}”`} />
          </section>
        </>
      ) : null}
      {history ? <RecordHistory events={history} /> : null}
    </>
  );
}
