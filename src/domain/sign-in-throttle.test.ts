import { describe, expect, it } from "vitest";
import { describeWait, LOCK_SECONDS, secondsUntilAllowed, throttleKey, waitAfterFailures } from "./sign-in-throttle";

describe("sign-in throttle policy", () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [10, 32],
    [13, 256],
    [14, 300],
    [19, 300],
    [20, LOCK_SECONDS],
    [57, LOCK_SECONDS],
  ])("after %i failures the next attempt waits %i s", (failures, seconds) => {
    expect(waitAfterFailures(failures)).toBe(seconds);
  });

  it("waits for the longest blocked key", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const at = (s: number) => new Date(now.getTime() + s * 1000);
    expect(secondsUntilAllowed([], now)).toBe(0);
    expect(secondsUntilAllowed([{ failures: 3, blockedUntil: null }], now)).toBe(0);
    expect(secondsUntilAllowed([{ failures: 6, blockedUntil: at(-1) }], now)).toBe(0);
    expect(secondsUntilAllowed([{ failures: 6, blockedUntil: at(1.2) }, { failures: 20, blockedUntil: at(900) }], now)).toBe(900);
  });

  it("keys accounts by the email in lower case and addresses as given", () => {
    expect(throttleKey("account", " Jane@Agency.GOV ")).toBe("account:jane@agency.gov");
    expect(throttleKey("address", "2001:db8::1")).toBe("address:2001:db8::1");
    expect(throttleKey("account", "x".repeat(500))).toHaveLength("account:".length + 300);
  });

  it("says how long to wait in words", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(12)).toBe("12 seconds");
    expect(describeWait(61)).toBe("about 2 minutes");
    expect(describeWait(900)).toBe("about 15 minutes");
  });
});
