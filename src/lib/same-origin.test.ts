import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./same-origin";

const h = (init: Record<string, string>) => new Headers(init);

describe("isCrossSiteRequest", () => {
  it.each([
    ["same origin by Origin and Host", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }, undefined, false],
    ["Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }, undefined, false],
    ["no browser headers (a script)", { host: "127.0.0.1:3000" }, undefined, false],
    ["the public URL behind a proxy", { origin: "https://tracker.example.gov", host: "10.0.0.5:3000" }, "https://tracker.example.gov", false],
    ["forwarded host", { origin: "https://tracker.example.gov", host: "10.0.0.5:3000", "x-forwarded-host": "tracker.example.gov" }, undefined, false],
    ["another site by Origin", { origin: "https://evil.example", host: "127.0.0.1:3000" }, undefined, true],
    ["another port is another origin", { origin: "http://127.0.0.1:4000", host: "127.0.0.1:3000" }, undefined, true],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site", host: "127.0.0.1:3000" }, undefined, true],
    ["Sec-Fetch-Site same-site (a sibling subdomain)", { "sec-fetch-site": "same-site", origin: "https://x.example.gov", host: "tracker.example.gov" }, undefined, true],
    ["Origin null", { origin: "null", host: "127.0.0.1:3000" }, undefined, true],
  ])("%s", (_label, headers, publicOrigin, cross) => {
    expect(isCrossSiteRequest(h(headers), publicOrigin)).toBe(cross);
  });
});
