// OpenID Connect providers, configured entirely from the environment and validated with
// zod once at startup (instrumentation.ts), so a bad setting stops the server with a
// message naming the variable instead of failing at someone's first sign-in.
//
//   OIDC_PROVIDERS=logingov,entra
//   OIDC_LOGINGOV_ISSUER=https://idp.int.identitysandbox.gov
//   OIDC_LOGINGOV_CLIENT_ID=urn:gov:gsa:openidconnect.profiles:sp:sso:agency:tracker
//   OIDC_LOGINGOV_PRIVATE_KEY_FILE=/run/secrets/logingov.pem   (private_key_jwt)
//   OIDC_ENTRA_CLIENT_SECRET=...                               (or a client secret)
//
// See the README ("Signing in with Login.gov or an agency identity provider").
import { createHash, createPrivateKey, type JsonWebKey as NodeJwk } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";

/** Lower-case letters, digits and dashes: the id appears in URLs (/api/auth/callback/<id>). */
const PROVIDER_ID = /^[a-z][a-z0-9-]{0,31}$/;

export interface OidcProviderConfig {
  id: string;
  /** The button label: "Sign in with <name>". */
  name: string;
  /** Without a trailing slash; the ID token's `iss` must equal it. */
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** private_key_jwt: the client's private key as a JWK (with kid and alg). */
  privateJwk: (NodeJwk & { kid: string; alg: string }) | null;
  scopes: string;
  acrValues: string | null;
  prompt: string | null;
  pkce: boolean;
  /** `acr` values that mean a phishing-resistant authenticator was used. */
  phishingResistantAcr: string[];
  /** `amr` values (RFC 8176) that mean the same. */
  phishingResistantAmr: string[];
  /** Treat the `email` claim as verified even without `email_verified: true`. */
  trustEmail: boolean;
}

const list = z
  .string()
  .trim()
  .transform((v) => v.split(/[\s,]+/).filter(Boolean));

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "on", "off", ""], { error: "Use true or false" })
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : v === "true" || v === "1" || v === "on"));

const optionalText = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .transform((v) => (v ? v : null));

const issuerUrl = z
  .string({ error: "Set the issuer URL (for example https://idp.int.identitysandbox.gov)" })
  .trim()
  .min(1, "Set the issuer URL (for example https://idp.int.identitysandbox.gov)")
  .refine((v) => URL.canParse(v), "Not a URL")
  .transform((v) => new URL(v))
  .refine((u) => u.protocol === "https:" || (u.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)), {
    message: "Use an https:// URL (http:// only for 127.0.0.1 or localhost, in tests)",
  })
  .refine((u) => !u.search && !u.hash, "The issuer URL takes no query or fragment")
  .transform((u) => u.href.replace(/\/+$/, ""));

const providerSchema = z
  .object({
    NAME: z.string().trim().max(60, "Use at most 60 characters").optional(),
    ISSUER: issuerUrl,
    CLIENT_ID: z.string({ error: "Set the client id" }).trim().min(1, "Set the client id").max(500),
    CLIENT_SECRET: optionalText,
    PRIVATE_KEY_FILE: optionalText,
    SCOPES: list.optional().transform((v) => (v && v.length ? v : ["openid", "email", "profile"])),
    ACR_VALUES: list.optional().transform((v) => (v && v.length ? v.join(" ") : null)),
    PROMPT: optionalText,
    PKCE: bool(true),
    PHISHING_RESISTANT_ACR: list.optional().transform((v) => v ?? []),
    PHISHING_RESISTANT_AMR: list.optional().transform((v) => v ?? []),
    TRUST_EMAIL: bool(false),
  })
  .superRefine((v, ctx) => {
    if (!v.CLIENT_SECRET === !v.PRIVATE_KEY_FILE) {
      ctx.addIssue({ code: "custom", path: ["PRIVATE_KEY_FILE"], message: "Set exactly one of _CLIENT_SECRET or _PRIVATE_KEY_FILE (private_key_jwt)" });
    }
    if (!v.SCOPES.includes("openid")) {
      ctx.addIssue({ code: "custom", path: ["SCOPES"], message: 'The scopes must include "openid"' });
    }
  });

/** The environment prefix of a provider's variables: logingov -> OIDC_LOGINGOV_. */
export function oidcPrefix(id: string): string {
  return `OIDC_${id.toUpperCase().replace(/-/g, "_")}_`;
}

/** Reads a PEM private key (RSA, for RS256) and returns it as a JWK; throws a clear message. */
export function readPrivateJwk(file: string, read: (path: string) => string = (p) => readFileSync(p, "utf8")): NonNullable<OidcProviderConfig["privateJwk"]> {
  let pem: string;
  try {
    pem = read(file);
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let key;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error(`${file} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== "rsa") throw new Error(`${file} must be an RSA key (RS256); it is ${key.asymmetricKeyType ?? "unknown"}`);
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Error(`${file} must be an RSA key of at least 2048 bits`);
  const jwk = key.export({ format: "jwk" });
  // The kid is the RFC 7638 thumbprint, so it is stable for the key and the same on the public side.
  return { ...jwk, kid: rsaThumbprint(jwk), alg: "RS256" };
}

function rsaThumbprint(jwk: NodeJwk): string {
  return createHash("sha256").update(JSON.stringify({ e: jwk.e, kty: "RSA", n: jwk.n })).digest("base64url");
}

/**
 * Every configured provider, or an Error listing each bad variable. No OIDC_PROVIDERS
 * means none (password sign-in only).
 */
export function readOidcProviders(
  source: Record<string, string | undefined> = process.env,
  read?: (path: string) => string,
): OidcProviderConfig[] {
  const ids = (source.OIDC_PROVIDERS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const problems: string[] = [];
  const seen = new Set<string>();
  const out: OidcProviderConfig[] = [];
  for (const id of ids) {
    if (!PROVIDER_ID.test(id) || id === "credentials") {
      problems.push(`  OIDC_PROVIDERS: "${id}" is not a valid provider id (lower-case letters, digits and dashes, starting with a letter; not "credentials")`);
      continue;
    }
    if (seen.has(id)) {
      problems.push(`  OIDC_PROVIDERS: "${id}" is listed twice`);
      continue;
    }
    seen.add(id);
    const prefix = oidcPrefix(id);
    const raw: Record<string, string | undefined> = {};
    for (const key of Object.keys(providerSchema.shape ?? {})) raw[key] = source[prefix + key];
    const parsed = providerSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`  ${prefix}${issue.path.join(".")}: ${issue.message}`);
      continue;
    }
    const v = parsed.data;
    let privateJwk: OidcProviderConfig["privateJwk"] = null;
    if (v.PRIVATE_KEY_FILE) {
      try {
        privateJwk = readPrivateJwk(v.PRIVATE_KEY_FILE, read);
      } catch (error) {
        problems.push(`  ${prefix}PRIVATE_KEY_FILE: ${(error as Error).message}`);
        continue;
      }
    }
    out.push({
      id,
      name: v.NAME || id,
      issuer: v.ISSUER,
      clientId: v.CLIENT_ID,
      clientSecret: v.CLIENT_SECRET,
      privateJwk,
      scopes: v.SCOPES.join(" "),
      acrValues: v.ACR_VALUES,
      prompt: v.PROMPT,
      pkce: v.PKCE,
      phishingResistantAcr: v.PHISHING_RESISTANT_ACR,
      phishingResistantAmr: v.PHISHING_RESISTANT_AMR,
      trustEmail: v.TRUST_EMAIL,
    });
  }
  if (problems.length) throw new Error(`Invalid OpenID Connect settings:\n${problems.join("\n")}`);
  return out;
}

/** The button list for the sign-in page: ids and labels only. */
export interface OidcProviderButton {
  id: string;
  name: string;
}
