// Add a participant. Coordinators add people of their own agency; admins choose one.
import type { Metadata } from "next";
import { connection } from "next/server";
import { requirePage } from "@/server/auth/session";
import { agencyChoices } from "@/server/participation/options";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { ParticipantForm } from "@/ui/participation/participant-form";

export const metadata: Metadata = { title: "Add a participant" };

export default async function NewParticipantPage() {
  await connection();
  const session = await requirePage("participation.write", "/participants/new");
  const pinned = session.scope.agencyId !== null;
  const agencies = pinned ? null : await agencyChoices();
  return (
    <>
      <Breadcrumbs items={[{ href: "/participants", label: "Participants" }, { label: "Add a participant" }]} />
      <PageHeading title="Add a participant" lead={<p>Record a person who takes part in standards work for the agency.</p>} />
      <ParticipantForm initial={{ name: "", email: "", agencyId: "" }} agencies={agencies} pinnedAgency={session.user.agencyAcronym} />
    </>
  );
}
