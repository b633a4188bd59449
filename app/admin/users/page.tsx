// User administration (ADMIN only): list, create, activate/deactivate.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { requirePage } from "@/server/auth/session";
import { listAgencyOptions } from "@/server/reference/agencies";
import { listUsers } from "@/server/users/user-list";
import { pendingAccountViews } from "@/server/users/pending-account-views";
import { PendingAccounts } from "@/ui/pending-accounts";
import { PageHeading } from "@/ui/page-heading";
import { roleLabel } from "@/ui/site-header";
import { UserActiveToggle } from "@/ui/user-active-toggle";
import { UserCreateForm } from "@/ui/user-create-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export default async function UsersPage() {
  const session = await requirePage("user.manage", "/admin/users");
  const [users, agencies, pending] = await Promise.all([listUsers(), listAgencyOptions(), pendingAccountViews()]);
  return (
    <>
      <PageHeading title="Users" lead={<p>Create accounts and switch them on or off. Deactivated users cannot sign in.</p>} />
      {pending ? <PendingAccounts requests={pending} agencies={agencies} /> : null}
      <div className="relative overflow-x-auto">
        <table className="data-table">
          <caption>
            {users.length} {users.length === 1 ? "user" : "users"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Agency</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                </th>
                <td>{u.email}</td>
                <td>{roleLabel(u.role)}</td>
                <td>{u.agency ? <abbr title={u.agency.name}>{u.agency.acronym}</abbr> : <span className="text-[#565c65]">—</span>}</td>
                <td>{u.active ? "Active" : <strong className="text-[#8b0a03]">Deactivated</strong>}</td>
                <td>{u.lastLoginAt ? dateFormat.format(new Date(u.lastLoginAt)) : <span className="text-[#565c65]">Never</span>}</td>
                <td>
                  <UserActiveToggle userId={u.id} name={u.name} active={u.active} isSelf={u.id === session.user.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Create a user</h2>
      <div className="max-w-2xl rounded border border-[#dfe1e2] p-5">
        <UserCreateForm agencies={agencies} />
      </div>
    </>
  );
}
