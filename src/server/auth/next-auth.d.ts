import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null; image?: string | null; phishingResistant?: boolean };
  }
  interface User {
    sessionVersion?: number;
    /** Set by the signIn callback: the identity provider reported a phishing-resistant authenticator. */
    phishingResistant?: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The user's session version at sign-in (session-lifetime.ts). */
    sv?: number;
    /** Sign-in time, seconds since the epoch: the absolute lifetime counts from here. */
    authAt?: number;
    /** Last use, seconds since the epoch: the idle timeout counts from here (renewed by the proxy). */
    seenAt?: number;
    /** How the session signed in: "credentials" or an OIDC provider id (oidc/sign-in.ts). */
    method?: string;
    /** Signed in with a phishing-resistant authenticator (PIV/CAC, FIDO). */
    phr?: boolean;
  }
}
