// The configured OpenID Connect providers, read once per process from the environment
// (src/lib/oidc-env.ts), and the next-auth provider built for each.
import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { readOidcProviders, type OidcProviderButton, type OidcProviderConfig } from "@/lib/oidc-env";

let cached: OidcProviderConfig[] | undefined;

export function oidcProviders(): OidcProviderConfig[] {
  cached ??= readOidcProviders();
  return cached;
}

export function oidcProvider(id: string): OidcProviderConfig | null {
  return oidcProviders().find((p) => p.id === id) ?? null;
}

/** What the sign-in page and the account page show: ids and labels, no secrets. */
export function oidcButtons(): OidcProviderButton[] {
  return oidcProviders().map(({ id, name }) => ({ id, name }));
}

export interface OidcClaims {
  sub: string;
  iss?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
  acr?: string;
  amr?: string[] | string;
}

/**
 * A next-auth OIDC provider: discovery from the issuer, the ID token verified by
 * openid-client (signature, iss, aud, exp, iat, nonce), state and PKCE checked by
 * next-auth's cookies, and private_key_jwt client authentication when a key is set.
 */
export function nextAuthProvider(p: OidcProviderConfig): OAuthConfig<OidcClaims> {
  return {
    id: p.id,
    name: p.name,
    type: "oauth",
    wellKnown: `${p.issuer}/.well-known/openid-configuration`,
    idToken: true,
    checks: p.pkce ? ["pkce", "state", "nonce"] : ["state", "nonce"],
    clientId: p.clientId,
    ...(p.clientSecret ? { clientSecret: p.clientSecret } : {}),
    client: p.privateJwk
      ? { token_endpoint_auth_method: "private_key_jwt", token_endpoint_auth_signing_alg: "RS256", id_token_signed_response_alg: "RS256" }
      : { id_token_signed_response_alg: "RS256" },
    ...(p.privateJwk ? { jwks: { keys: [p.privateJwk as never] } } : {}),
    authorization: {
      params: {
        scope: p.scopes,
        ...(p.acrValues ? { acr_values: p.acrValues } : {}),
        ...(p.prompt ? { prompt: p.prompt } : {}),
      },
    },
    // The verified ID token's claims, completed by the userinfo endpoint: Login.gov sends
    // email and email_verified only there. The ID token's own claims (iss, acr, amr, sub)
    // win; openid-client refuses userinfo whose sub differs from the ID token's.
    userinfo: {
      async request({ tokens, client }) {
        // next-auth hands over openid-client's TokenSet (its type says only the parameters).
        const set = tokens as unknown as Parameters<typeof client.userinfo>[0] & { claims(): Record<string, unknown> };
        const id = set.claims();
        const info = tokens.access_token && client.issuer.metadata.userinfo_endpoint ? await client.userinfo(set) : {};
        return { ...info, ...id } as unknown as OidcClaims;
      },
    },
    // The user id is replaced by the account's id in the signIn callback (oidc/sign-in.ts).
    profile(claims) {
      const name = claims.name ?? [claims.given_name, claims.family_name].filter(Boolean).join(" ");
      return { id: claims.sub, email: claims.email ?? null, name: name || claims.email || null };
    },
  };
}
