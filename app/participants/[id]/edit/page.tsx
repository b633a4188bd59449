// Edit a participant (optimistic lock: the version travels with the form).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requirePage } from "@/server/auth/session";
import { agencyChoices } from "@/server/participation/options";
import { getParticipant } from "@/server/participation/participants";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { ParticipantForm } from "@/ui/participation/participant-form";

export const metadata: Metadata = { title: "Edit participant" };

type Props = { params: Promise<{ id: string }> };

export default async function EditParticipantPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const session = await requirePage("participation.write", `/participants/${encodeURIComponent(id)}/edit`);
  const participant = await getParticipant(session.scope, id);
  if (!participant) notFound();
  const pinned = session.scope.agencyId !== null;
  const agencies = pinned ? null : await agencyChoices();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/participants", label: "Participants" },
          { href: `/participants/${encodeURIComponent(id)}`, label: participant.name },
          { label: "Edit" },
        ]}
      />
      <PageHeading title={`Edit ${participant.name}`} />
      <ParticipantForm
        initial={{ id: participant.id, version: participant.version, name: participant.name, email: participant.email ?? "", agencyId: participant.agencyId }}
        agencies={agencies}
        pinnedAgency={participant.agency.acronym}
      />
    </>
  );
}
