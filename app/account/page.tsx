// Your account: who you are signed in as, your password, sign-in methods (when identity
// providers are configured) and "sign out everywhere".
import type { Metadata } from "next";
import Link from "@/ui/link";
import { passwordsEnabled } from "@/lib/auth-env";
import { oidcButtons } from "@/server/auth/oidc/config";
import { requirePage } from "@/server/auth/session";
import { getAccountDetails } from "@/server/users/account";
import { SignOutEverywhereButton } from "@/ui/account/sign-out-everywhere-button";
import { PageHeading } from "@/ui/page-heading";
import { roleLabel } from "@/ui/site-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AccountPage() {
  const session = await requirePage("account.own", "/account");
  const account = await getAccountDetails(session.user.id);
  if (!account) return null;
  return (
    <>
      <PageHeading title="Your account" />
      <dl className="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Name</dt>
        <dd className="m-0">{account.name}</dd>
        <dt className="font-semibold">Email address</dt>
        <dd className="m-0 break-all">{account.email}</dd>
        <dt className="font-semibold">Role</dt>
        <dd className="m-0">
          {roleLabel(account.role)}
          {account.agency ? `, ${account.agency.name} (${account.agency.acronym})` : ""}
        </dd>
        <dt className="font-semibold">Password last changed</dt>
        <dd className="m-0">{account.passwordChangedAt ? `${dateFormat.format(new Date(account.passwordChangedAt))} UTC` : "Not recorded"}</dd>
      </dl>

      {passwordsEnabled() ? (
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <p>
            <Link href="/account/password">Change your password</Link>
          </p>
        </section>
      ) : null}

      {oidcButtons().length ? (
        <section aria-labelledby="methods-heading">
          <h2 id="methods-heading">Sign-in methods</h2>
          <p>
            <Link href="/account/sign-in-methods">Link an identity provider (Login.gov, your agency) to this account</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">Sign out everywhere</h2>
        <p className="max-w-2xl">
          Ends every session of your account at once — on this device, other browsers and anywhere a copy of your session
          might be. Use it if you signed in on a shared computer or lost a device.
        </p>
        <SignOutEverywhereButton />
      </section>
    </>
  );
}
