// A person's page: details, role history (timeline of engagements, leadership
// highlighted), deactivate/reactivate, and the record's own audit history.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { recordHistory } from "@/server/audit/audit-log";
import { can } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { participantHistory } from "@/server/participation/engagements";
import { getParticipant } from "@/server/participation/participants";
import { fromDate, todayIso } from "@/server/participation/scope";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { RecordHistory } from "@/ui/participation/audit-history";
import { actionLinkClass, first, secondaryLinkClass, SuccessNotice } from "@/ui/participation/list-bits";
import { ParticipantActiveToggle } from "@/ui/participation/record-actions";
import { RoleTimeline } from "@/ui/participation/role-timeline";

export const metadata: Metadata = { title: "Participant" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SAVED: Record<string, string> = { created: "The participant was added.", updated: "Your changes were saved." };

export default async function ParticipantPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const session = await requirePage("participation.read", `/participants/${encodeURIComponent(id)}`);
  const participant = await getParticipant(session.scope, id);
  if (!participant) notFound();
  const [engagements, history] = await Promise.all([
    participantHistory(session.scope, id),
    // Audit events name who changed what: shown to roles that may read the audit log.
    can(session.user.role, "audit.read") ? recordHistory(session.scope, "Participant", id) : null,
  ]);
  const canWrite = can(session.user.role, "participation.write");
  const saved = SAVED[first((await searchParams).saved) ?? ""];
  const encoded = encodeURIComponent(id);
  return (
    <>
      <Breadcrumbs items={[{ href: "/participants", label: "Participants" }, { label: participant.name }]} />
      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
      <PageHeading title={participant.name} eyebrow="Participant" />
      <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Agency</dt>
        <dd className="m-0">{participant.agency.acronym} — {participant.agency.name}</dd>
        <dt className="font-semibold">Email</dt>
        <dd className="m-0 break-all">{participant.email ?? "—"}</dd>
        <dt className="font-semibold">Status</dt>
        <dd className="m-0">{participant.active ? "Active" : "Inactive (no new engagements can be added)"}</dd>
        <dt className="font-semibold">Engagements</dt>
        <dd className="m-0">
          <Link href={`/engagements?participant=${encoded}&status=all`}>{engagements.length} in the engagement list</Link>
        </dd>
      </dl>
      {canWrite ? (
        <div className="mt-6 flex flex-wrap items-start gap-3">
          {participant.active ? (
            <Link href={`/engagements/new?participant=${encoded}`} className={actionLinkClass}>
              Add an engagement
            </Link>
          ) : null}
          <Link href={`/participants/${encoded}/edit`} className={secondaryLinkClass}>
            Edit details
          </Link>
          <ParticipantActiveToggle id={participant.id} version={participant.version} active={participant.active} name={participant.name} />
        </div>
      ) : null}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Role history</h2>
        <p className="text-sm text-[#565c65]">
          Oldest first. Leadership positions are marked <span aria-hidden="true">★</span> Leadership.
        </p>
        <RoleTimeline
          today={todayIso()}
          entries={engagements.map((e) => ({
            id: e.id,
            role: e.role,
            depth: e.depth,
            startDate: fromDate(e.startDate)!,
            endDate: fromDate(e.endDate),
            committee: e.committee?.designation ?? null,
            committeeTitle: e.committee?.title ?? null,
            sdo: e.committee?.sdo.acronym ?? null,
            standard: e.standard?.designation ?? null,
          }))}
        />
      </section>
      {history ? <RecordHistory events={history} /> : null}
    </>
  );
}
