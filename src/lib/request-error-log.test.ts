// The server's log line for an error Next caught (instrumentation.ts, onRequestError):
// it carries the request id (proxy.ts) and the reference (digest) the error page shows,
// and nothing secret the error happened to quote.
import { afterEach, describe, expect, it, vi } from "vitest";
import { onRequestError } from "../../instrumentation";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("onRequestError", () => {
  it("logs one redacted line with the request id and the error page's reference", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    const error = Object.assign(new Error('insert failed: data: { passwordHash: "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5E6b1p3Y0bEoXn7m0.Gd6eYb7GmW1bS" }'), { digest: "136386866" });
    await onRequestError(
      error,
      { path: "/participants/new?token=abc", method: "POST", headers: { "x-request-id": "e2164502-50f0-424d-a3c8-a01ca097b774", cookie: "next-auth.session-token=eyJhbGciOiJkaXIifQ..abc.def.ghi" } },
      { routerKind: "App Router", routePath: "/participants/new", routeType: "action" },
    );
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatch(/^\[request e2164502-50f0-424d-a3c8-a01ca097b774\] POST \/participants\/new failed; reference 136386866 \(action \/participants\/new\): Error: insert failed/);
    expect(line).not.toContain("C6UzMDM");
    expect(line).not.toContain("token=abc"); // the query string is not logged
    expect(line).not.toContain("eyJ");
  });
});
