// The cookies next-auth sets, computed from NEXTAUTH_URL: `Secure` (and the __Secure- /
// __Host- name prefixes, which browsers only accept over https) whenever the public URL is
// https; HttpOnly and SameSite=Lax always. Used by options.ts and by the proxy's session
// renewal (session-renewal.ts), so both write the same cookie.
import type { CookiesOptions } from "next-auth";

export interface AuthCookies {
  secure: boolean;
  cookies: Pick<CookiesOptions, "sessionToken" | "callbackUrl" | "csrfToken">;
}

export function isHttpsUrl(publicUrl: string | undefined): boolean {
  return (publicUrl ?? "").trim().toLowerCase().startsWith("https://");
}

export function authCookies(publicUrl: string | undefined): AuthCookies {
  const secure = isHttpsUrl(publicUrl);
  const prefix = secure ? "__Secure-" : "";
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    secure,
    cookies: {
      sessionToken: { name: `${prefix}next-auth.session-token`, options: base },
      callbackUrl: { name: `${prefix}next-auth.callback-url`, options: base },
      // __Host-: only this host, path /, Secure: the CSRF double-submit cookie.
      csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options: base },
    },
  };
}
