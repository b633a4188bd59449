import { describe, expect, it } from "vitest";
import { RENEW_AFTER_SECONDS, renewalMaxAge } from "./session-renewal";

const lifetimes = { idleSeconds: 30 * 60, maxSeconds: 8 * 3600 };
const now = 1_800_000_000;

describe("session cookie renewal", () => {
  it("renews a session used more than a minute ago for the idle lifetime", () => {
    expect(renewalMaxAge({ authAt: now - 3600, seenAt: now - RENEW_AFTER_SECONDS }, now, lifetimes)).toBe(30 * 60);
  });

  it("leaves a session renewed within the last minute alone", () => {
    expect(renewalMaxAge({ authAt: now - 3600, seenAt: now - 10 }, now, lifetimes)).toBeNull();
  });

  it("never revives a session idle for the whole idle lifetime", () => {
    expect(renewalMaxAge({ authAt: now - 3600, seenAt: now - 30 * 60 }, now, lifetimes)).toBeNull();
  });

  it("never renews past the absolute lifetime", () => {
    expect(renewalMaxAge({ authAt: now - 8 * 3600 + 600, seenAt: now - 120 }, now, lifetimes)).toBe(600);
    expect(renewalMaxAge({ authAt: now - 8 * 3600, seenAt: now - 120 }, now, lifetimes)).toBeNull();
  });

  it("does not renew tokens without the claims", () => {
    expect(renewalMaxAge({}, now, lifetimes)).toBeNull();
    expect(renewalMaxAge({ authAt: "x", seenAt: now - 120 }, now, lifetimes)).toBeNull();
  });
});
