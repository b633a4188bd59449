// Runs before every request (Next 16's proxy, formerly middleware):
// - refuses addresses no page can use (NUL and other control characters, invalid UTF-8,
//   over 4,096 characters) with a 400/414 that says why;
// - refuses state-changing requests from other sites (Origin / Sec-Fetch-Site), for every
//   route handler and server action alike, with the same check the import upload uses;
// - gives each request an id (x-request-id) that error pages show and logs carry;
// - sets a per-request CSP nonce and the security headers (src/lib/security-headers.ts);
// - renews the session cookie as it is used, for the idle timeout (src/server/auth/session-renewal.ts).
// Not an authorization layer: pages, actions and routes check the session themselves.
import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteRequest } from "@/lib/same-origin";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/security-headers";
import { renewSessionCookie } from "@/server/auth/session-renewal";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/**
 * Bodies of the requests the proxy sees (forms, server actions, sign-in) are refused over
 * this size at once (413), by their Content-Length; Next buffers at most as much
 * (proxyClientMaxBodySize in next.config.js) and limits server actions to 100 KB itself.
 * The import upload, which takes files of up to 20 MB, is outside the proxy.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Longer addresses are refused (414): no page, filter or export needs more. */
export const MAX_URL_CHARS = 4096;

/**
 * Why the address cannot be a real request, or null. NUL (which PostgreSQL text cannot
 * hold), other control characters and percent-escapes that are not UTF-8 (lone
 * surrogates included) are refused here once, for every page, filter and route, instead
 * of failing deep inside a query.
 */
export function badAddress(url: URL): { status: 400 | 414; message: string } | null {
  const raw = url.pathname + url.search;
  if (raw.length > MAX_URL_CHARS) return { status: 414, message: `The address is longer than ${MAX_URL_CHARS} characters.` };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return { status: 400, message: "The address contains characters that are not valid text (bad percent-encoding)." };
  }
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(decoded)) {
    return { status: 400, message: "The address contains control characters (such as NUL), which no page or filter accepts." };
  }
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(decoded)) {
    return { status: 400, message: "The address contains characters that are not valid text." };
  }
  return null;
}

const plain = (message: string, status: number, headers: Record<string, string>) =>
  new NextResponse(`${message}\n`, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function proxy(request: NextRequest) {
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
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return plain(`The request body is ${length} bytes; at most ${MAX_BODY_BYTES} are accepted here.`, 413, { ...headers, "X-Request-Id": requestId });
  }
  const bad = badAddress(request.nextUrl);
  if (bad) return plain(bad.message, bad.status, { ...headers, "X-Request-Id": requestId });
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
  await renewSessionCookie(request, response);
  return response;
}

export const config = {
  // Everything but the build's static files (hashed, public, no personal data) and the
  // import upload: Next buffers the body of every request a proxy sees (up to
  // proxyClientMaxBodySize, then silently truncated), and the upload streams files of up
  // to 20 MB; it makes the same cross-site check itself before reading a byte.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|admin/imports/upload$).*)"],
};
