// One user (ADMIN only): reset their password, sign them out everywhere.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { notFound } from "next/navigation";
import { minimumLengthFor } from "@/domain/password-policy";
import { passwordsEnabled } from "@/lib/auth-env";
import { requirePage } from "@/server/auth/session";
import { getAccountDetails } from "@/server/users/account";
import { PasswordResetForm } from "@/ui/account/password-reset-form";
import { SignOutEverywhereButton } from "@/ui/account/sign-out-everywhere-button";
import { PageHeading } from "@/ui/page-heading";
import { roleLabel } from "@/ui/site-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "User" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string | null, none: string) => (iso ? `${dateFormat.format(new Date(iso))} UTC` : none);

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requirePage("user.manage", `/admin/users/${encodeURIComponent(id)}`);
  const user = await getAccountDetails(id.slice(0, 100));
  if (!user) notFound();
  const isSelf = user.id === session.user.id;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/users">← Users</Link>
      </p>
      <PageHeading title={user.name} />
      <dl className="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Email address</dt>
        <dd className="m-0 break-all">{user.email}</dd>
        <dt className="font-semibold">Role</dt>
        <dd className="m-0">
          {roleLabel(user.role)}
          {user.agency ? `, ${user.agency.acronym}` : ""}
        </dd>
        <dt className="font-semibold">Status</dt>
        <dd className="m-0">{user.active ? "Active" : "Deactivated"}</dd>
        <dt className="font-semibold">Last sign-in</dt>
        <dd className="m-0">{when(user.lastLoginAt, "Never")}</dd>
        <dt className="font-semibold">Password last set</dt>
        <dd className="m-0">
          {when(user.passwordChangedAt, "Not recorded")}
          {user.mustChangePassword ? " — must choose a new one at next sign-in" : ""}
        </dd>
      </dl>
      {isSelf ? (
        <p className="mt-6">
          This is you: change your password and sign out everywhere under <Link href="/account">Your account</Link>.
        </p>
      ) : (
        <>
          {passwordsEnabled() ? (
            <section aria-labelledby="reset-heading">
              <h2 id="reset-heading">Reset password</h2>
              <p className="max-w-2xl">Ends every session of {user.name} at once; they must choose a new password at next sign-in.</p>
              <div className="max-w-2xl rounded border border-[#dfe1e2] p-5">
                <PasswordResetForm userId={user.id} minLength={minimumLengthFor(user.role)} />
              </div>
            </section>
          ) : null}
          <section aria-labelledby="everywhere-heading">
            <h2 id="everywhere-heading">Sign out everywhere</h2>
            <p className="max-w-2xl">Ends every session of {user.name} at once, on every device. Their password stays as it is.</p>
            <SignOutEverywhereButton userId={user.id} name={user.name} />
          </section>
        </>
      )}
    </>
  );
}
