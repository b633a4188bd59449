// Log an activity. Coordinators log their own agency's; admins choose the agency.
import type { Metadata } from "next";
import { connection } from "next/server";
import { ACTIVITY_KINDS } from "@/domain/participation/inputs";
import { requirePage } from "@/server/auth/session";
import { agencyChoices, sdoChoices } from "@/server/participation/options";
import { participantChoices } from "@/server/participation/participants";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { ActivityForm } from "@/ui/participation/activity-form";
import { first } from "@/ui/participation/list-bits";

export const metadata: Metadata = { title: "Add an activity" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewActivityPage({ searchParams }: Props) {
  await connection();
  const session = await requirePage("participation.write", "/activities/new");
  const pinned = session.scope.agencyId !== null;
  const [people, sdos, agencies] = await Promise.all([participantChoices(session.scope), sdoChoices(), pinned ? null : agencyChoices()]);
  const kind = first((await searchParams).kind) ?? "";
  return (
    <>
      <Breadcrumbs items={[{ href: "/activities", label: "Activities" }, { label: "Add an activity" }]} />
      <PageHeading title="Add an activity" lead={<p>Log an activity that evidences the NISTIR 8074 recommendations beyond committee seats.</p>} />
      <ActivityForm
        agencies={agencies}
        participants={people}
        sdos={sdos}
        initialCommittees={[]}
        initial={{
          kind: (ACTIVITY_KINDS as readonly string[]).includes(kind) ? kind : "",
          title: "", description: "", counterpart: "", startDate: "", endDate: "", participantId: "",
          sdoId: "", committeeId: "", standard: null, attendees: "", standardUse: "", governmentUniqueReason: "", agencyId: "",
        }}
      />
    </>
  );
}
