// The "API tokens" page body: the create form and the list of tokens with their state.
import Link from "@/ui/link";
import type { ApiTokenView } from "@/server/api-tokens/tokens";
import { PageHeading } from "@/ui/page-heading";
import { ApiTokenCreateForm } from "./api-token-create-form";
import { ApiTokenRevokeButton } from "./api-token-revoke-button";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const when = (d: Date | null) => (d ? `${dateFormat.format(d)} UTC` : "Never");

function status(token: ApiTokenView, now: Date): string {
  // Days only: short enough for a phone's column; the exact times are in the audit log.
  if (token.revokedAt) return `Revoked ${dayFormat.format(token.revokedAt)}`;
  if (token.expiresAt <= now) return `Expired ${dayFormat.format(token.expiresAt)}`;
  return `Active until ${dayFormat.format(token.expiresAt)}`;
}

export function ApiTokensView({ tokens, showOwner, now }: { tokens: ApiTokenView[]; showOwner: boolean; now: Date }) {
  return (
    <>
      <PageHeading
        title="API tokens"
        lead={
          <p>
            Tokens let your own systems read this tracker&apos;s data through <code>/api/v1/</code> with your current role and agency.
            They are read-only, and stop working when revoked, expired, or when your account is deactivated.
            The <Link href="/api-docs">read API page</Link> lists every endpoint with an example call.
          </p>
        }
      />
      <section aria-labelledby="api-token-create-title" className="mb-8">
        <h2 id="api-token-create-title">Create a token</h2>
        <ApiTokenCreateForm />
      </section>
      <section aria-labelledby="api-token-list-title">
        <h2 id="api-token-list-title">{showOwner ? "All tokens" : "Your tokens"}</h2>
        <div className="relative overflow-x-auto">
          <table className="data-table">
            <caption>
              {tokens.length} {tokens.length === 1 ? "token" : "tokens"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                {showOwner ? <th scope="col">Owner</th> : null}
                <th scope="col">Starts with</th>
                <th scope="col">Status</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  {showOwner ? <td>{t.user.name} ({t.user.email})</td> : null}
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{status(t, now)}</td>
                  <td>
                    {when(t.lastUsedAt)}
                    {t.lastUsedAddress ? <span className="block text-sm text-[#565c65]">from {t.lastUsedAddress}</span> : null}
                  </td>
                  <td className="whitespace-nowrap">{!t.revokedAt && t.expiresAt > now ? <ApiTokenRevokeButton id={t.id} name={t.name} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
