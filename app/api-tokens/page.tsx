// Personal access tokens for the read API: one's own (admins: everyone's), create, revoke.
import type { Metadata } from "next";
import { listApiTokens } from "@/server/api-tokens/tokens";
import { can } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { ApiTokensView } from "@/ui/api-tokens/api-tokens-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const session = await requirePage("apitoken.own", "/api-tokens");
  const all = can(session.user.role, "apitoken.admin");
  const tokens = await listApiTokens(session.scope, all);
  return <ApiTokensView tokens={tokens} showOwner={all} now={new Date()} />;
}
