// The proxy (proxy.ts) in front of every page, action and route handler: security headers
// with a fresh nonce per request, and cross-site state-changing requests refused.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";
import { contentSecurityPolicy, staticSecurityHeaders } from "./security-headers";

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { method: init.method ?? "GET", headers: { host: "127.0.0.1:3000", ...init.headers } });

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});

describe("content security policy", () => {
  it("allows scripts only with the nonce, never inline or eval in production", () => {
    const csp = contentSecurityPolicy("abc");
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.slice(d.indexOf(" ") + 1)]));
    expect(directives["script-src"]).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(directives).toMatchObject({
      "default-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'self'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(contentSecurityPolicy("abc", { dev: true })).toMatch(/script-src[^;]*'unsafe-eval'/);
  });

  it("sends HSTS only when the public URL is https", () => {
    expect(staticSecurityHeaders("http://127.0.0.1:3000")).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders(undefined)).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders("https://tracker.example.gov")["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}; includeSubDomains$/);
  });
});

describe("proxy", () => {
  it("sets the headers with a fresh nonce per request, and passes the nonce and a request id on to Next", async () => {
    const first = await proxy(request("/engagements"));
    const second = await proxy(request("/engagements"));
    const nonce = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(first)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonce(first)).not.toBe(nonce(second));
    expect(first.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(first.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
    expect(first.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // NextResponse.next() forwards overridden request headers under x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce(first));
    expect(first.headers.get("x-middleware-request-x-request-id")).toBe(first.headers.get("x-request-id"));
  });

  it("adds HSTS behind an https public URL", async () => {
    process.env.NEXTAUTH_URL = "https://tracker.example.gov";
    expect((await proxy(request("/"))).headers.get("strict-transport-security")).toMatch(/max-age=/);
  });

  it.each([
    ["POST", { origin: "https://evil.example" }],
    ["POST", { "sec-fetch-site": "cross-site" }],
    ["POST", { origin: "null" }],
    ["PUT", { origin: "http://127.0.0.1:3000.evil.example" }],
    ["DELETE", { "sec-fetch-site": "same-site", origin: "http://other.127.0.0.1:3000" }],
  ])("refuses a cross-site %s (%o) with 403 before any route runs", async (method, headers) => {
    for (const path of ["/api/auth/signout", "/api/auth/callback/credentials", "/engagements/new", "/admin/users"]) {
      const response = await proxy(request(path, { method, headers }));
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { message: expect.stringMatching(/did not come from this site/) } });
    }
  });

  it.each([
    ["a same-origin POST", "POST", { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }],
    ["a POST without browser headers (scripts, curl)", "POST", {}],
    ["a cross-site GET (links from elsewhere)", "GET", { "sec-fetch-site": "cross-site" }],
  ])("lets %s through", async (_label, method, headers) => {
    const response = await proxy(request("/api/auth/signout", { method, headers }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it.each([
    ["a NUL in a search", "/engagements?q=%00", 400, /control characters/],
    ["a NUL in a record id", "/sdos/%00x", 400, /control characters/],
    ["a NUL in an audit filter", "/audit?actor=a%00b", 400, /control characters/],
    ["another control character", "/participants?q=a%07", 400, /control characters/],
    ["an encoded lone surrogate", "/standards/%ED%A0%80", 400, /not valid text/],
    ["broken percent-encoding", "/standards?q=%E2%82", 400, /not valid text/],
    ["an address over 4,096 characters", `/committees/${"x".repeat(5000)}`, 414, /longer than 4096/],
  ])("refuses %s with a reason", async (_label, path, status, reason) => {
    const response = await proxy(request(path));
    expect(response.status).toBe(status);
    expect(await response.text()).toMatch(reason);
  });

  it.each(["/standards?q=27001%20%C3%A9l%C3%A9ment", "/engagements?q=a+b&from=2024-01-01", "/sdos/SDO-ISOIEC-JTC1", "/participants?q=%E2%80%94%F0%9F%94%92"])("lets the ordinary address %s through", async (path) => {
    expect((await proxy(request(path))).headers.get("x-middleware-next")).toBe("1");
  });

  it("refuses a body over 1 MB by its length, before anything reads it", async () => {
    const response = await proxy(request("/engagements/new", { method: "POST", headers: { origin: "http://127.0.0.1:3000", "content-length": String(1024 * 1024 + 1) } }));
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/at most 1048576 are accepted/);
    expect((await proxy(request("/engagements/new", { method: "POST", headers: { origin: "http://127.0.0.1:3000", "content-length": "5000" } }))).status).toBe(200);
  });
});
