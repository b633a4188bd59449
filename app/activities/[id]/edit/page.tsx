// Edit an activity; the version travels with the form (optimistic lock).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requirePage } from "@/server/auth/session";
import { getActivity } from "@/server/participation/activities";
import { agencyChoices, committeeChoices, sdoChoices, standardChoice } from "@/server/participation/options";
import { participantFieldChoices } from "@/server/participation/participants";
import { fromDate } from "@/server/participation/scope";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { ActivityForm } from "@/ui/participation/activity-form";

export const metadata: Metadata = { title: "Edit activity" };

type Props = { params: Promise<{ id: string }> };

export default async function EditActivityPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const session = await requirePage("participation.write", `/activities/${encodeURIComponent(id)}/edit`);
  const activity = await getActivity(session.scope, id);
  if (!activity) notFound();
  const pinned = session.scope.agencyId !== null;
  const [{ participants, participant }, sdos, committees, standard, agencies] = await Promise.all([
    participantFieldChoices(session.scope, activity.participantId ?? undefined, { keepInactive: true }),
    sdoChoices(),
    activity.sdoId ? committeeChoices(activity.sdoId) : [],
    standardChoice(activity.standardId),
    pinned ? null : agencyChoices(),
  ]);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/activities", label: "Activities" },
          { href: `/activities/${encodeURIComponent(id)}`, label: activity.title },
          { label: "Edit" },
        ]}
      />
      <PageHeading title="Edit activity" lead={<p>{activity.title}</p>} />
      <ActivityForm
        agencies={agencies}
        participants={participants}
        sdos={sdos}
        initialCommittees={committees}
        initial={{
          id: activity.id,
          version: activity.version,
          kind: activity.kind,
          title: activity.title,
          description: activity.description ?? "",
          counterpart: activity.counterpart ?? "",
          startDate: fromDate(activity.startDate) ?? "",
          endDate: fromDate(activity.endDate) ?? "",
          participantId: activity.participantId ?? "",
          participant,
          sdoId: activity.sdoId ?? "",
          committeeId: activity.committeeId ?? "",
          standard,
          attendees: activity.attendees === null ? "" : String(activity.attendees),
          standardUse: activity.standardUse ?? "",
          governmentUniqueReason: activity.governmentUniqueReason ?? "",
          agencyId: activity.agencyId,
        }}
      />
    </>
  );
}
