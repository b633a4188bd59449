// Runs before every request (Next 16's proxy, formerly middleware):
// - refuses state-changing requests from other sites (Origin / Sec-Fetch-Site), for every
//   route handler and server action alike, with the same check the import upload uses;
// - gives each request an id (x-request-id) that error pages show and logs carry;
// - sets a per-request CSP nonce and the security headers (src/lib/security-headers.ts).
// Not an authorization layer: pages, actions and routes check the session themselves.
import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteRequest } from "@/lib/same-origin";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/security-headers";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function proxy(request: NextRequest) {
  const publicUrl = process.env.NEXTAUTH_URL;
  const requestId = crypto.randomUUID();
  const headers = staticSecurityHeaders(publicUrl);
  if (!SAFE_METHODS.has(request.method) && isCrossSiteRequest(request.headers, publicUrl)) {
    console.warn(`[request ${requestId}] refused a cross-site ${request.method} ${request.nextUrl.pathname} (origin ${JSON.stringify(request.headers.get("origin"))}, sec-fetch-site ${JSON.stringify(request.headers.get("sec-fetch-site"))})`);
    return NextResponse.json(
      { ok: false, error: { message: "This request did not come from this site's pages, so it was refused.", requestId } },
      { status: 403, headers: { ...headers, "Cache-Control": "no-store", "X-Request-Id": requestId } },
    );
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: publicUrl?.startsWith("https://") });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("x-request-id", requestId);
  forwarded.set("content-security-policy", csp); // where Next reads the nonce from
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
}

export const config = {
  // Everything but the build's static files (hashed, public, no personal data) and the
  // import upload: Next buffers the body of every request a proxy sees (up to
  // proxyClientMaxBodySize, then silently truncated), and the upload streams files of up
  // to 20 MB; it makes the same cross-site check itself before reading a byte.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|admin/imports/upload$).*)"],
};
