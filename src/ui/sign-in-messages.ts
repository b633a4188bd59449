// What the sign-in page says for each `?error=` code next-auth or the OIDC sign-in
// (src/server/auth/oidc/sign-in.ts) redirects with. Unknown codes get a generic message.
export const SIGN_IN_MESSAGES: Record<string, string> = {
  OAuthCallback:
    "The identity provider's answer could not be verified (its signature, issuer, audience, expiry, nonce or state did not match), so you were not signed in. Try again; if it keeps happening, tell your administrator.",
  OAuthSignin: "The identity provider could not be reached to start signing in. Try again in a moment; if it keeps happening, tell your administrator.",
  Callback: "Signing in through the identity provider failed. Try again; if it keeps happening, tell your administrator.",
  OidcInvalidIdentity: "The identity provider's answer did not come from the configured issuer, so you were not signed in. Tell your administrator.",
  OidcLinkRequired:
    "An account already uses this email address. Sign in with your email and password once, then link the identity provider under Your account → Sign-in methods (your name in the header); after that you can sign in with it.",
  AccessRejected: "An administrator declined your request for access. If you think this is a mistake, contact your agency's standards coordinator.",
  AccountDeactivated: "Your account is deactivated. Contact your agency's standards coordinator.",
  AuthenticatorTooWeak:
    "Your role requires a phishing-resistant authenticator (PIV/CAC or a security key). Sign in again through your identity provider and choose PIV/CAC or your security key.",
  AccessDenied: "You are not allowed to sign in. Contact your agency's standards coordinator.",
};

export function signInMessage(code: string | undefined): string | null {
  if (!code || code === "CredentialsSignin" || code === "SessionRequired") return null;
  return SIGN_IN_MESSAGES[code] ?? "Signing in failed. Try again; if it keeps happening, tell your administrator.";
}
