// One engagement: its values, "Confirm still active", End (set the end date) and Delete for
// writers, and its own audit history. Another agency's engagement is "not found" for a coordinator.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DEPTH_LABELS, isLeadership, ROLE_LABELS } from "@/domain/participation/inputs";
import { recordHistory } from "@/server/audit/audit-log";
import { can } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { getEngagement } from "@/server/participation/engagements";
import { fromDate, todayIso } from "@/server/participation/scope";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { RecordHistory } from "@/ui/participation/audit-history";
import { first, LeadershipTag, secondaryLinkClass, SuccessNotice } from "@/ui/participation/list-bits";
import { ConfirmActiveButton, DeleteRecord, EngagementEndForm } from "@/ui/participation/record-actions";

export const metadata: Metadata = { title: "Engagement" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SAVED: Record<string, string> = {
  created: "The engagement was added.",
  updated: "Your changes were saved.",
  ended: "The engagement was ended.",
  confirmed: "Confirmed: the seat is still active today.",
};

export default async function EngagementPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const session = await requirePage("participation.read", `/engagements/${encodeURIComponent(id)}`);
  const engagement = await getEngagement(session.scope, id);
  if (!engagement) notFound();
  const history = can(session.user.role, "audit.read") ? await recordHistory(session.scope, "Engagement", id) : null;
  const canWrite = can(session.user.role, "participation.write");
  const saved = SAVED[first((await searchParams).saved) ?? ""];
  const today = todayIso();
  const start = fromDate(engagement.startDate)!;
  const end = fromDate(engagement.endDate);
  const status = end === null ? "Active (no end date)" : end < today ? `Ended on ${end}` : `Active until ${end}`;
  const sdoAcronym = engagement.committee?.sdo.acronym ?? engagement.standard?.sdo.acronym ?? null;
  const confirmed = fromDate(engagement.lastConfirmedOn);
  const current = start <= today && (end === null || end >= today);
  const title = `${engagement.participant.name}${
    engagement.committee ? ` in ${engagement.committee.designation}` : engagement.standard ? ` on ${engagement.standard.designation}` : ""
  }`;
  const encoded = encodeURIComponent(id);
  return (
    <>
      <Breadcrumbs items={[{ href: "/engagements", label: "Engagements" }, { label: title }]} />
      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
      <PageHeading title={title} eyebrow="Engagement" />
      <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Participant</dt>
        <dd className="m-0">
          <Link href={`/participants/${encodeURIComponent(engagement.participantId)}`}>{engagement.participant.name}</Link>
          {engagement.participant.active ? "" : " (inactive)"}
        </dd>
        <dt className="font-semibold">Agency</dt>
        <dd className="m-0">{engagement.agency.acronym}</dd>
        <dt className="font-semibold">SDO</dt>
        <dd className="m-0">{sdoAcronym ?? "—"}</dd>
        <dt className="font-semibold">Committee</dt>
        <dd className="m-0">
          {engagement.committee && engagement.committeeId ? (
            <Link href={`/committees/${encodeURIComponent(engagement.committeeId)}`}>
              {engagement.committee.designation} — {engagement.committee.title}
            </Link>
          ) : (
            "None: at the SDO level"
          )}
        </dd>
        <dt className="font-semibold">Standard</dt>
        <dd className="m-0">
          {engagement.standard && engagement.standardId ? (
            <Link href={`/standards/${encodeURIComponent(engagement.standardId)}`}>
              {engagement.standard.designation} — {engagement.standard.title}
            </Link>
          ) : (
            "—"
          )}
        </dd>
        <dt className="font-semibold">Role</dt>
        <dd className="m-0">
          {ROLE_LABELS[engagement.role]}
          {isLeadership(engagement.role) ? <LeadershipTag /> : null}
        </dd>
        <dt className="font-semibold">Depth</dt>
        <dd className="m-0">{DEPTH_LABELS[engagement.depth]}</dd>
        <dt className="font-semibold">Dates</dt>
        <dd className="m-0">
          {start} – {end ?? "ongoing"}
        </dd>
        <dt className="font-semibold">Status</dt>
        <dd className="m-0">{status}</dd>
        <dt className="font-semibold">Last confirmed</dt>
        <dd className="m-0">
          {confirmed ? (
            <>
              Last confirmed on <span className="whitespace-nowrap">{confirmed}</span>
            </>
          ) : (
            "Never confirmed"
          )}
        </dd>
        <dt className="font-semibold">Notes</dt>
        <dd className="m-0 whitespace-pre-line">{engagement.notes ?? "—"}</dd>
      </dl>
      {canWrite ? (
        <>
          <p className="mt-6">
            <Link href={`/engagements/${encoded}/edit`} className={secondaryLinkClass}>
              Edit engagement
            </Link>
          </p>
          {current ? (
            <section aria-labelledby="confirm-heading">
              <h2 id="confirm-heading">Still active?</h2>
              <p className="max-w-3xl">
                A seat with no start, end or confirmation for a long time is flagged on the dashboard as “not confirmed lately”. If this person
                still holds it, confirm it: today becomes its last confirmed day.
              </p>
              <ConfirmActiveButton id={engagement.id} version={engagement.version} label={title} />
            </section>
          ) : null}
          <section aria-labelledby="end-heading">
            <h2 id="end-heading">{end === null ? "End this engagement" : "Change the end date"}</h2>
            <p>When the person leaves the committee or the role, set the last day here. The engagement stays in the role history.</p>
            <EngagementEndForm id={engagement.id} version={engagement.version} startDate={start} defaultEnd={end ?? (today >= start ? today : start)} />
          </section>
          <section aria-labelledby="delete-heading">
            <h2 id="delete-heading">Delete</h2>
            <p>Only delete an engagement recorded by mistake; end it instead when it is over.</p>
            <DeleteRecord kind="engagement" id={engagement.id} version={engagement.version} label={`The engagement of ${title}`} />
          </section>
        </>
      ) : null}
      {history ? <RecordHistory events={history} /> : null}
    </>
  );
}
