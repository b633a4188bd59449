import { describe, expect, it } from "vitest";
import { authCookies } from "./cookies";

describe("auth cookie options", () => {
  it.each(["https://tracker.example.gov", "HTTPS://tracker.example.gov/", " https://x.gov"])("are Secure with prefixed names behind %s", (url) => {
    const { secure, cookies } = authCookies(url);
    expect(secure).toBe(true);
    expect(cookies.sessionToken).toEqual({ name: "__Secure-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    expect(cookies.callbackUrl.name).toBe("__Secure-next-auth.callback-url");
    expect(cookies.csrfToken.name).toBe("__Host-next-auth.csrf-token");
    for (const cookie of Object.values(cookies)) expect(cookie.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });

  it.each([undefined, "", "http://127.0.0.1:3000", "http://https.example.gov"])("are not Secure for %s (plain http: the browser would drop them)", (url) => {
    const { secure, cookies } = authCookies(url);
    expect(secure).toBe(false);
    expect(cookies.sessionToken.name).toBe("next-auth.session-token");
    expect(cookies.csrfToken.name).toBe("next-auth.csrf-token");
    for (const cookie of Object.values(cookies)) expect(cookie.options).toMatchObject({ secure: false, httpOnly: true, sameSite: "lax" });
  });
});
