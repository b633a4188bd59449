// The signed-in person's sign-in methods: identity providers linked to the account, and
// buttons to link the others (linking needs this session: the old method, once).
import type { Metadata } from "next";
import { oidcButtons } from "@/server/auth/oidc/config";
import { requirePage } from "@/server/auth/session";
import { listLinkedIdentities } from "@/server/users/sign-in-rules";
import { OidcLinkButtons } from "@/ui/oidc-link-buttons";
import { PageHeading } from "@/ui/page-heading";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign-in methods" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export default async function SignInMethodsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePage("account.own", "/account/sign-in-methods");
  const params = await searchParams;
  const providers = oidcButtons();
  const linked = await listLinkedIdentities(session.user.id);
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const unlinked = providers.filter((p) => !linked.some((l) => l.provider === p.id));
  return (
    <>
      <PageHeading title="Sign-in methods" lead={<p>Link your identity provider to this account, so that you can sign in with it instead of a password.</p>} />
      {params.linked && linked.length ? (
        <p role="status" className="border-l-8 border-[#00a91c] bg-[#ecf3ec] px-4 py-3 font-semibold">
          Your identity provider is linked.
        </p>
      ) : null}
      <h2>Linked identity providers</h2>
      {linked.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul>
          {linked.map((l) => (
            <li key={l.id}>
              <strong>{names.get(l.provider) ?? l.provider}</strong> as {l.email}, linked {dateFormat.format(new Date(l.createdAt))}
              {l.lastUsedAt ? `, last used ${dateFormat.format(new Date(l.lastUsedAt))}` : ""}
            </li>
          ))}
        </ul>
      )}
      {unlinked.length ? (
        <>
          <h2>Link a provider</h2>
          <p>
            You will sign in at the provider. It must confirm the email address of this account ({session.user.email}); the link is then recorded in the audit
            log. The request expires after 10 minutes.
          </p>
          <OidcLinkButtons providers={unlinked} />
        </>
      ) : providers.length === 0 ? (
        <p>No identity provider is configured for this installation.</p>
      ) : null}
    </>
  );
}
