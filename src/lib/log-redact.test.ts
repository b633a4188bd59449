import { describe, expect, it } from "vitest";
import { describeError, redactSecrets } from "./log-redact";

const JWE = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..Qm9ndXNJVkJvZ3Vz.c2Vzc2lvbi1wYXlsb2FkLXdpdGgtdWlk.dGFnLXRhZy10YWctdGFn";

describe("redactSecrets", () => {
  it.each([
    ["a session cookie header", `cookie: next-auth.session-token=${JWE}; theme=dark`, "cookie: next-auth.session-token=[redacted]; theme=dark", JWE],
    ["a secure chunked cookie", "__Secure-next-auth.session-token.0=abcdef123456", "__Secure-next-auth.session-token.0=[redacted]", "abcdef123456"],
    ["a bare token", `token was ${JWE} here`, "token was [token] here", JWE],
    ["a JSON password", `{"email":"a@b.gov","password":"hunter2 is \\"mine\\""}`, `{"email":"a@b.gov","password":[redacted]}`, "hunter2"],
    ["a form password", "email=a%40b.gov&password=hunter2&csrfToken=abc123", "email=a%40b.gov&password=[redacted]&csrfToken=[redacted]", "hunter2"],
    ["a Prisma argument dump", `data: { passwordHash: "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5E6b1p3Y0bEoXn7m0.Gd6eYb7GmW1bS", name: "X" }`, `data: { passwordHash: [redacted], name: "X" }`, "C6UzMDM"],
    ["a bcrypt hash alone", "hash $2b$12$C6UzMDM.H6dfI/f/IKcEeO5E6b1p3Y0bEoXn7m0.Gd6eYb7GmW1bS end", "hash [hash] end", "C6UzMDM"],
    ["an authorization header", "authorization: Bearer abc.def.ghi", "authorization: [redacted] [redacted]", "abc.def"],
  ])("removes %s", (_label, input, expected, secret) => {
    const out = redactSecrets(input);
    expect(out).not.toContain(secret);
    expect(out).toBe(expected);
  });

  it("leaves ordinary text alone", () => {
    expect(redactSecrets("Engagement cuid123 not found for agency NIST")).toBe("Engagement cuid123 not found for agency NIST");
  });
});

describe("describeError", () => {
  it("keeps the message and stack, with causes, redacted", () => {
    const error = new Error("insert failed", { cause: new Error(`password=hunter2 token ${JWE}`) });
    const text = describeError(error);
    expect(text).toContain("insert failed");
    expect(text).toContain("Caused by: Error: password=[redacted] token [token]");
    expect(text).not.toContain("hunter2");
  });

  it("cuts what an error quotes from an uploaded file to a bounded length", () => {
    const text = describeError(new Error(`Unexpected token in ${"x".repeat(100_000)}`));
    expect(text.length).toBeLessThan(4100);
    expect(text).toMatch(/more characters cut\]$/);
  });
});
