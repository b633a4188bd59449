import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { oidcPrefix, readOidcProviders } from "./oidc-env";

const rsaPem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const ecPem = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const files: Record<string, string> = { "/keys/rsa.pem": rsaPem, "/keys/ec.pem": ecPem, "/keys/junk.pem": "not a key" };
const read = (path: string): string => {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
  return text;
};

const loginGov = {
  OIDC_PROVIDERS: "logingov",
  OIDC_LOGINGOV_ISSUER: "https://idp.int.identitysandbox.gov/",
  OIDC_LOGINGOV_CLIENT_ID: "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:tracker",
  OIDC_LOGINGOV_PRIVATE_KEY_FILE: "/keys/rsa.pem",
  OIDC_LOGINGOV_SCOPES: "openid email",
  OIDC_LOGINGOV_ACR_VALUES: "http://idmanagement.gov/ns/assurance/aal/2 urn:acr.login.gov:auth-only",
  OIDC_LOGINGOV_NAME: "Login.gov",
  OIDC_LOGINGOV_PROMPT: "select_account",
};

describe("readOidcProviders", () => {
  it("is empty without OIDC_PROVIDERS", () => {
    expect(readOidcProviders({}, read)).toEqual([]);
    expect(readOidcProviders({ OIDC_PROVIDERS: " , " }, read)).toEqual([]);
  });

  it("reads Login.gov's profile: private_key_jwt, PKCE, acr_values, prompt", () => {
    const p = readOidcProviders(loginGov, read)[0]!;
    expect(p).toMatchObject({
      id: "logingov",
      name: "Login.gov",
      issuer: "https://idp.int.identitysandbox.gov",
      clientSecret: null,
      scopes: "openid email",
      acrValues: "http://idmanagement.gov/ns/assurance/aal/2 urn:acr.login.gov:auth-only",
      prompt: "select_account",
      pkce: true,
      trustEmail: false,
    });
    expect(p.privateJwk).toMatchObject({ kty: "RSA", alg: "RS256" });
    expect(p.privateJwk?.d).toBeTruthy();
    expect(p.privateJwk?.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("reads two providers, the second with a client secret and defaults", () => {
    const providers = readOidcProviders(
      {
        ...loginGov,
        OIDC_PROVIDERS: "logingov, entra",
        OIDC_ENTRA_ISSUER: "https://login.microsoftonline.com/0000-tenant/v2.0",
        OIDC_ENTRA_CLIENT_ID: "app-id",
        OIDC_ENTRA_CLIENT_SECRET: "s3cret",
        OIDC_ENTRA_PHISHING_RESISTANT_AMR: "hwk, sc",
        OIDC_ENTRA_TRUST_EMAIL: "true",
      },
      read,
    );
    expect(providers.map((p) => p.id)).toEqual(["logingov", "entra"]);
    expect(providers[1]).toMatchObject({
      name: "entra",
      clientSecret: "s3cret",
      privateJwk: null,
      scopes: "openid email profile",
      acrValues: null,
      phishingResistantAmr: ["hwk", "sc"],
      trustEmail: true,
    });
  });

  it.each([
    [{ OIDC_LOGINGOV_ISSUER: "http://idp.example.gov" }, "OIDC_LOGINGOV_ISSUER: Use an https:// URL"],
    [{ OIDC_LOGINGOV_ISSUER: "not a url" }, "OIDC_LOGINGOV_ISSUER: Not a URL"],
    [{ OIDC_LOGINGOV_ISSUER: undefined }, "OIDC_LOGINGOV_ISSUER: Set the issuer URL"],
    [{ OIDC_LOGINGOV_CLIENT_ID: "" }, "OIDC_LOGINGOV_CLIENT_ID: Set the client id"],
    [{ OIDC_LOGINGOV_CLIENT_SECRET: "also" }, "Set exactly one of _CLIENT_SECRET or _PRIVATE_KEY_FILE"],
    [{ OIDC_LOGINGOV_PRIVATE_KEY_FILE: "" }, "Set exactly one of _CLIENT_SECRET or _PRIVATE_KEY_FILE"],
    [{ OIDC_LOGINGOV_PRIVATE_KEY_FILE: "/keys/none.pem" }, "OIDC_LOGINGOV_PRIVATE_KEY_FILE: cannot read /keys/none.pem: ENOENT"],
    [{ OIDC_LOGINGOV_PRIVATE_KEY_FILE: "/keys/junk.pem" }, "is not a PEM private key"],
    [{ OIDC_LOGINGOV_PRIVATE_KEY_FILE: "/keys/ec.pem" }, "must be an RSA key"],
    [{ OIDC_LOGINGOV_SCOPES: "email" }, 'OIDC_LOGINGOV_SCOPES: The scopes must include "openid"'],
    [{ OIDC_LOGINGOV_PKCE: "maybe" }, "OIDC_LOGINGOV_PKCE: Use true or false"],
    [{ OIDC_PROVIDERS: "Login.gov" }, '"Login.gov" is not a valid provider id'],
    [{ OIDC_PROVIDERS: "credentials" }, '"credentials" is not a valid provider id'],
    [{ OIDC_PROVIDERS: "logingov,logingov" }, '"logingov" is listed twice'],
  ])("refuses %j with a message naming the variable", (change, message) => {
    expect(() => readOidcProviders({ ...loginGov, ...change }, read)).toThrow(message);
  });

  it("allows http only for the loopback address (tests)", () => {
    const p = readOidcProviders({ ...loginGov, OIDC_LOGINGOV_ISSUER: "http://127.0.0.1:5241" }, read)[0]!;
    expect(p.issuer).toBe("http://127.0.0.1:5241");
  });

  it("names variables by the id", () => {
    expect(oidcPrefix("my-idp")).toBe("OIDC_MY_IDP_");
  });
});
