// Edit an engagement; the version travels with the form (optimistic lock).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requirePage } from "@/server/auth/session";
import { getEngagement } from "@/server/participation/engagements";
import { committeeChoices, sdoChoices, standardChoice } from "@/server/participation/options";
import { participantFieldChoices } from "@/server/participation/participants";
import { fromDate } from "@/server/participation/scope";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { EngagementForm } from "@/ui/participation/engagement-form";

export const metadata: Metadata = { title: "Edit engagement" };

type Props = { params: Promise<{ id: string }> };

export default async function EditEngagementPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const session = await requirePage("participation.write", `/engagements/${encodeURIComponent(id)}/edit`);
  const engagement = await getEngagement(session.scope, id);
  if (!engagement) notFound();
  const sdoId = engagement.committee?.sdoId ?? engagement.standard?.sdoId ?? "";
  const [{ participants, participant }, sdos, committees, standard] = await Promise.all([
    participantFieldChoices(session.scope, engagement.participantId, { keepInactive: true }),
    sdoChoices(),
    sdoId ? committeeChoices(sdoId) : [],
    standardChoice(engagement.standardId),
  ]);
  const title = `${engagement.participant.name}${engagement.committee ? ` in ${engagement.committee.designation}` : ""}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/engagements", label: "Engagements" },
          { href: `/engagements/${encodeURIComponent(id)}`, label: title },
          { label: "Edit" },
        ]}
      />
      <PageHeading title="Edit engagement" lead={<p>{title}</p>} />
      <EngagementForm
        participants={participants}
        sdos={sdos}
        initialCommittees={committees}
        initial={{
          id: engagement.id,
          version: engagement.version,
          participantId: engagement.participantId,
          participant,
          sdoId,
          committeeId: engagement.committeeId ?? "",
          standard,
          role: engagement.role,
          depth: engagement.depth,
          startDate: fromDate(engagement.startDate) ?? "",
          endDate: fromDate(engagement.endDate) ?? "",
          notes: engagement.notes ?? "",
        }}
      />
    </>
  );
}
