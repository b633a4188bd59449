// The Users page's pending list, shaped for the client component; null when no identity
// provider is configured and none is waiting (the section is then left out).
import "server-only";
import { oidcProviders } from "@/server/auth/oidc/config";
import type { Role } from "@/generated/prisma/enums";
import { listPendingAccounts } from "./pending-accounts";

export interface PendingAccountView {
  id: string;
  providerName: string;
  email: string;
  emailVerified: boolean;
  name: string;
  suggestedAgencyId: string | null;
  suggestedRole: Role | null;
  requestedOn: string;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export async function pendingAccountViews(): Promise<PendingAccountView[] | null> {
  const rows = await listPendingAccounts();
  const providers = oidcProviders();
  if (rows.length === 0 && providers.length === 0) return null;
  const names = new Map(providers.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    id: r.id,
    providerName: names.get(r.provider) ?? r.provider,
    email: r.email,
    emailVerified: r.emailVerified,
    name: r.name,
    suggestedAgencyId: r.suggestedAgencyId,
    suggestedRole: r.suggestedRole,
    requestedOn: dateFormat.format(new Date(r.createdAt)),
  }));
}
