// Add an engagement (?participant=<id> preselects the person).
import type { Metadata } from "next";
import Link from "@/ui/link";
import { connection } from "next/server";
import { requirePage } from "@/server/auth/session";
import { sdoChoices } from "@/server/participation/options";
import { participantFieldChoices } from "@/server/participation/participants";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { PageHeading } from "@/ui/page-heading";
import { EngagementForm } from "@/ui/participation/engagement-form";
import { first } from "@/ui/participation/list-bits";

export const metadata: Metadata = { title: "Add an engagement" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewEngagementPage({ searchParams }: Props) {
  await connection();
  const session = await requirePage("participation.write", "/engagements/new");
  const requested = first((await searchParams).participant) || undefined;
  const [{ participants, participant }, sdos] = await Promise.all([participantFieldChoices(session.scope, requested, { keepInactive: false }), sdoChoices()]);
  return (
    <>
      <Breadcrumbs items={[{ href: "/engagements", label: "Engagements" }, { label: "Add an engagement" }]} />
      <PageHeading title="Add an engagement" lead={<p>Record a person&apos;s seat in a committee (and optionally the standard they work on), or their work on a standard at the SDO level when the SDO has no committee for it.</p>} />
      {participants?.length === 0 ? (
        <p>
          There are no active participants yet. <Link href="/participants/new">Add a participant</Link> first.
        </p>
      ) : (
        <EngagementForm
          participants={participants}
          sdos={sdos}
          initialCommittees={[]}
          initial={{
            participantId: participant?.id ?? "",
            participant,
            sdoId: "",
            committeeId: "",
            standard: null,
            role: "",
            depth: "",
            startDate: "",
            endDate: "",
            notes: "",
          }}
        />
      )}
    </>
  );
}
