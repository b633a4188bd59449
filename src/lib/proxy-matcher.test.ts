// Which paths the proxy (proxy.ts) runs for, asked of Next's own matcher. A file of its
// own: importing Next's testing helpers changes how NextResponse runs in this process.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "../../proxy";

describe("proxy matcher", () => {
  it("leaves the import upload (which checks itself and streams) and static files out", () => {
    const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url, nextConfig: {} });
    expect(matches("/admin/imports/upload")).toBe(false);
    expect(matches("/_next/static/chunks/app.js")).toBe(false);
    expect(matches("/admin/imports/42")).toBe(true);
    expect(matches("/api/auth/signout")).toBe(true);
    expect(matches("/engagements/export")).toBe(true);
  });
});
