// The read API's human page: every endpoint, its parameters and an example curl.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { readEnv } from "@/lib/env";
import { apiDocs, publicOrigin } from "@/server/api/api-docs";
import { requirePage } from "@/server/auth/session";
import { ApiDocsView } from "@/ui/api-docs/api-docs-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Read API" };

export default async function ApiDocsPage() {
  await requirePage("apitoken.own", "/api-docs");
  const origin = publicOrigin(process.env.NEXTAUTH_URL, await headers());
  return <ApiDocsView endpoints={apiDocs(origin)} origin={origin} rateLimit={readEnv().API_RATE_LIMIT} />;
}
