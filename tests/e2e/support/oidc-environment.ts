// The OpenID Connect settings the e2e demo server runs with (playwright.config.ts passes
// them to the web server), shared with oidc.spec.ts, which starts the test identity
// provider (support/test-idp.ts) on OIDC_PORT. The app's private_key_jwt key is made once
// per data folder, before the server starts, and read back by the spec to register the
// client's public key with the provider.
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PORT } from "./environment";

/** The test identity provider's port: E2E_OIDC_PORT, or the app's port + 2000. */
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 2000);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_PROVIDER_ID = "testidp";
export const OIDC_PROVIDER_NAME = "Test identity provider";
export const OIDC_CLIENT_ID = "tracker-e2e";
/** Login.gov's acr values: AAL2, and AAL2 with PIV/CAC (phishing-resistant). */
export const ACR_AAL2 = "http://idmanagement.gov/ns/assurance/aal/2";
export const ACR_PIV = "http://idmanagement.gov/ns/assurance/aal/2?hspd12=true";

const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data/e2e/pglite";
export const OIDC_CLIENT_KEY_FILE = path.resolve(`${DATA_DIR}-oidc`, "client-key.pem");

/** Writes the client's RSA key unless it exists (the config is loaded by every worker). */
function ensureClientKey(): void {
  mkdirSync(path.dirname(OIDC_CLIENT_KEY_FILE), { recursive: true });
  const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  try {
    writeFileSync(OIDC_CLIENT_KEY_FILE, pem, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

/** Environment for the demo server: one OIDC provider with Login.gov's profile. */
export function oidcServerEnv(): Record<string, string> {
  ensureClientKey();
  return {
    OIDC_PROVIDERS: OIDC_PROVIDER_ID,
    OIDC_TESTIDP_NAME: OIDC_PROVIDER_NAME,
    OIDC_TESTIDP_ISSUER: OIDC_ISSUER,
    OIDC_TESTIDP_CLIENT_ID: OIDC_CLIENT_ID,
    OIDC_TESTIDP_PRIVATE_KEY_FILE: OIDC_CLIENT_KEY_FILE,
    OIDC_TESTIDP_SCOPES: "openid email profile",
    OIDC_TESTIDP_ACR_VALUES: `${ACR_AAL2} ${ACR_PIV}`,
    OIDC_TESTIDP_PHISHING_RESISTANT_ACR: ACR_PIV,
  };
}
