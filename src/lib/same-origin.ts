// Is a state-changing request from our own pages? Browsers say so with Sec-Fetch-Site
// and Origin; a cross-site page posting with the user's cookies is refused (defence in
// depth behind SameSite=Lax cookies). A request with neither header is not from a
// browser that could carry someone else's session, so it is let through to the usual
// session checks.
export function isCrossSiteRequest(headers: Headers, publicOrigin?: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage
  }
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (host && from.host === host) return false;
  if (publicOrigin) {
    try {
      if (new URL(publicOrigin).origin === from.origin) return false;
    } catch {
      /* an unusable NEXTAUTH_URL proves nothing */
    }
  }
  return true;
}
