// A real OpenID Connect provider for the e2e tests: the `oidc-provider` package on
// 127.0.0.1 with its own generated RSA key, no network. The app is registered as a
// private_key_jwt client with PKCE required (Login.gov's profile). Sign-in needs no form:
// the interaction logs in whoever the test put in `nextLogin` (sub, email, acr, amr).
//
// In front of it sits a small proxy that can misbehave on purpose (`tamper`): it re-signs
// the ID token from the token endpoint with a wrong nonce, issuer or audience, or an
// expiry in the past, or swaps the state on the redirect back to the app. The app must
// refuse each of these.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { PORT } from "./environment";
import { OIDC_CLIENT_ID, OIDC_CLIENT_KEY_FILE, OIDC_ISSUER, OIDC_PORT, OIDC_PROVIDER_ID, ACR_AAL2, ACR_PIV } from "./oidc-environment";

export interface TestAccount {
  sub: string;
  email: string;
  name: string;
  acr: string;
  amr: string[];
}

export type Tamper = "none" | "nonce" | "state" | "issuer" | "audience" | "expired";

export interface TestIdp {
  /** Who the next sign-in logs in as. */
  nextLogin: TestAccount | null;
  tamper: Tamper;
  /** How many ID tokens the proxy re-signed (so a test knows its tamper was applied). */
  tampered: number;
  close(): Promise<void>;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

export async function startTestIdp(): Promise<TestIdp> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const signingJwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const clientJwk = createPublicKey(createPrivateKey(readFileSync(OIDC_CLIENT_KEY_FILE, "utf8"))).export({ format: "jwk" });
  // The same kid the app puts in its client assertions (RFC 7638 thumbprint, src/lib/oidc-env.ts).
  const clientKid = createHash("sha256").update(JSON.stringify({ e: clientJwk.e, kty: "RSA", n: clientJwk.n })).digest("base64url");
  const clientPublicJwk = { ...clientJwk, kid: clientKid, alg: "RS256", use: "sig" };
  const accounts = new Map<string, TestAccount>();

  const provider = new Provider(OIDC_ISSUER, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "RS256",
        jwks: { keys: [clientPublicJwk as never] },
        redirect_uris: [`http://127.0.0.1:${PORT}/api/auth/callback/${OIDC_PROVIDER_ID}`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        id_token_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [signingJwk as never] },
    pkce: { methods: ["S256"], required: () => true },
    acrValues: [ACR_AAL2, ACR_PIV],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: [randomUUID()] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: account.email, email_verified: true, name: account.name }) };
    },
  });

  const state = { nextLogin: null as TestAccount | null, tamper: "none" as Tamper, tampered: 0 };
  const providerCallback = provider.callback();

  // The provider itself, on a port of its own; the interaction logs in state.nextLogin.
  const inner = http.createServer((req, res) => {
    if (!req.url?.startsWith("/interaction/")) {
      providerCallback(req, res);
      return;
    }
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const account = state.nextLogin;
      if (!account) throw new Error("The test did not say who signs in (nextLogin)");
      accounts.set(account.sub, account);
      const grant = new provider.Grant({ accountId: account.sub, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: account.sub, acr: account.acr, amr: account.amr }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => inner.listen(0, "127.0.0.1", resolve));
  const innerPort = (inner.address() as AddressInfo).port;

  const resign = (idToken: string): string => {
    const [, payload] = idToken.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    if (state.tamper === "nonce") claims.nonce = "not-the-nonce-the-app-sent";
    if (state.tamper === "issuer") claims.iss = "http://127.0.0.1:9/another-issuer";
    if (state.tamper === "audience") claims.aud = "another-client";
    if (state.tamper === "expired") Object.assign(claims, { iat: now - 3600, exp: now - 1800 });
    const signingInput = `${b64({ alg: "RS256", typ: "JWT", kid })}.${b64(claims)}`;
    state.tampered += 1;
    return `${signingInput}.${sign("sha256", Buffer.from(signingInput), privateKey).toString("base64url")}`;
  };

  // The proxy the app and the browser talk to (the issuer's address).
  const outer = http.createServer((req, res) => {
    const upstream = http.request({ host: "127.0.0.1", port: innerPort, path: req.url, method: req.method, headers: req.headers }, (up) => {
      const headers = { ...up.headers };
      const callbackPrefix = `http://127.0.0.1:${PORT}/api/auth/callback/`;
      if (state.tamper === "state" && typeof headers.location === "string" && headers.location.startsWith(callbackPrefix)) {
        const location = new URL(headers.location);
        location.searchParams.set("state", "a-state-the-app-never-sent");
        headers.location = location.href;
        state.tampered += 1;
      }
      const isToken = req.method === "POST" && req.url?.startsWith("/token") && up.statusCode === 200;
      if (!isToken || !["nonce", "issuer", "audience", "expired"].includes(state.tamper)) {
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      up.on("data", (c: Buffer) => chunks.push(c));
      up.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { id_token?: string };
        if (body.id_token) body.id_token = resign(body.id_token);
        const text = JSON.stringify(body);
        delete headers["content-length"];
        res.writeHead(up.statusCode ?? 200, { ...headers, "content-length": Buffer.byteLength(text) });
        res.end(text);
      });
    });
    upstream.on("error", (error) => {
      res.statusCode = 502;
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    outer.once("error", reject);
    outer.listen(OIDC_PORT, "127.0.0.1", resolve);
  });

  return Object.assign(state, {
    async close() {
      outer.closeAllConnections();
      inner.closeAllConnections();
      await Promise.all([new Promise((r) => outer.close(r)), new Promise((r) => inner.close(r))]);
    },
  }) as TestIdp;
}
