"use server";
// Personal access tokens: create (the secret is returned once), revoke one's own; admins
// revoke any. Every export goes through action().
import { revalidatePath } from "next/cache";
import { can } from "@/server/auth/permissions";
import { apiTokenCreateInput, apiTokenRevokeInput } from "@/server/api-tokens/token-input";
import { createApiToken, revokeApiToken } from "@/server/api-tokens/tokens";
import { action } from "./action";

export const createApiTokenAction = action(
  { input: apiTokenCreateInput, permission: "apitoken.own", audit: "apitoken.create" },
  async ({ session, input, tx }) => {
    const { token, secret } = await createApiToken(tx, session.user.id, input, new Date());
    revalidatePath("/api-tokens");
    return {
      data: { id: token.id, name: token.name, secret, expiresAt: token.expiresAt.toISOString() },
      // The audit row names the token by id and prefix, never the secret.
      audit: { entityType: "PersonalAccessToken", entityId: token.id, agencyId: session.user.agencyId, before: null, after: token },
    };
  },
);

export const revokeApiTokenAction = action(
  { input: apiTokenRevokeInput, permission: "apitoken.own", audit: "apitoken.revoke" },
  async ({ session, input, tx }) => {
    const { before, after } = await revokeApiToken(tx, session.scope, input.id, can(session.user.role, "apitoken.admin"), new Date());
    revalidatePath("/api-tokens");
    return {
      data: { id: after.id, name: after.name },
      audit: { entityType: "PersonalAccessToken", entityId: after.id, agencyId: null, before, after },
    };
  },
);
