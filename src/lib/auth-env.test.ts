import { describe, expect, it } from "vitest";
import { clientAddressFrom, passwordsEnabled, readAuthEnv, sessionLifetimes } from "./auth-env";

describe("sign-in and session settings", () => {
  it("default to passwords on, 30 minutes idle, 8 hours at most, one proxy", () => {
    const env = readAuthEnv({});
    expect(env).toEqual({ AUTH_PASSWORDS: "on", SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 8, TRUSTED_PROXIES: 1 });
    expect(passwordsEnabled(env)).toBe(true);
    expect(sessionLifetimes(env)).toEqual({ idleSeconds: 1800, maxSeconds: 28800 });
  });

  it("read the variables, blank meaning the default", () => {
    const env = readAuthEnv({ AUTH_PASSWORDS: "OFF", SESSION_IDLE_MINUTES: "15", SESSION_MAX_HOURS: " ", TRUSTED_PROXIES: "2" });
    expect(env).toEqual({ AUTH_PASSWORDS: "off", SESSION_IDLE_MINUTES: 15, SESSION_MAX_HOURS: 8, TRUSTED_PROXIES: 2 });
    expect(passwordsEnabled(env)).toBe(false);
  });

  it("never let the idle timeout exceed the maximum", () => {
    expect(sessionLifetimes(readAuthEnv({ SESSION_IDLE_MINUTES: "600", SESSION_MAX_HOURS: "2" }))).toEqual({ idleSeconds: 7200, maxSeconds: 7200 });
  });

  it.each([
    [{ AUTH_PASSWORDS: "yes" }, /AUTH_PASSWORDS must be on or off/],
    [{ SESSION_IDLE_MINUTES: "0" }, /SESSION_IDLE_MINUTES/],
    [{ SESSION_MAX_HOURS: "eight" }, /SESSION_MAX_HOURS/],
    [{ TRUSTED_PROXIES: "0" }, /TRUSTED_PROXIES/],
  ])("refuse %o with the variable's name", (source, message) => {
    expect(() => readAuthEnv(source)).toThrow(message);
  });

  it.each([
    [null, 1, null],
    ["203.0.113.9", 1, "203.0.113.9"],
    ["1.2.3.4, 203.0.113.9", 1, "203.0.113.9"], // the client wrote 1.2.3.4; the proxy appended the real one
    ["1.2.3.4, 203.0.113.9, 10.0.0.2", 2, "203.0.113.9"],
    ["203.0.113.9", 3, "203.0.113.9"],
  ])("take the client address from X-Forwarded-For %s with %i proxies", (header, proxies, expected) => {
    expect(clientAddressFrom(header, proxies)).toBe(expected);
  });
});
