// Password hashing runs in worker threads behind a bounded gate; bcrypt's 72-byte limit is
// enforced where passwords are set and at sign-in.
import { beforeAll, describe, expect, it } from "vitest";
import { userCreateInput } from "@/server/users/user-input";

// The pool reads its bounds once, on first use.
process.env.HASH_CONCURRENCY = "1";
process.env.HASH_QUEUE_MAX = "2";
const { hashCost, hashPassword, HashBusyError, hashPoolStats, PASSWORD_MAX_BYTES, verifyPassword } = await import("./password");

let hash = "";
beforeAll(async () => {
  hash = await hashPassword("a fine password");
});

describe("password hashing", () => {
  it("uses cost 12; only the test runner may lower it, never below 4", () => {
    expect(hashCost({})).toBe(12);
    expect(hashCost({ NODE_ENV: "production", PASSWORD_HASH_COST_FOR_TESTS: "4" })).toBe(12);
    expect(hashCost({ NODE_ENV: "test", PASSWORD_HASH_COST_FOR_TESTS: "4" })).toBe(4);
    expect(hashCost({ NODE_ENV: "test", PASSWORD_HASH_COST_FOR_TESTS: "3" })).toBe(12);
    expect(hashCost({ NODE_ENV: "test", PASSWORD_HASH_COST_FOR_TESTS: "13" })).toBe(12);
  });

  it("hashes and verifies in a worker thread", async () => {
    expect(hash).toMatch(/^\$2b\$12\$/);
    await expect(verifyPassword("a fine password", hash)).resolves.toBe(true);
    await expect(verifyPassword("a wrong password", hash)).resolves.toBe(false);
    await expect(verifyPassword("a fine password", null)).resolves.toBe(false);
  });

  it("runs at most HASH_CONCURRENCY checks at once, queues HASH_QUEUE_MAX, refuses the rest as busy", async () => {
    const checks = Array.from({ length: 5 }, () => verifyPassword("a wrong password", hash).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ));
    expect(hashPoolStats()).toMatchObject({ running: 1, queued: 2 });
    const results = await Promise.all(checks);
    expect(results.filter((r) => "value" in r && r.value === false)).toHaveLength(3);
    const refused = results.filter((r) => "error" in r);
    expect(refused).toHaveLength(2);
    for (const r of refused) expect((r as { error: unknown }).error).toBeInstanceOf(HashBusyError);
    expect(hashPoolStats()).toMatchObject({ running: 0, queued: 0 });
  });

  it("refuses to hash a password over 72 bytes and never matches one at sign-in", async () => {
    const base = "é".repeat(36); // 72 bytes in UTF-8
    expect(Buffer.byteLength(base)).toBe(PASSWORD_MAX_BYTES);
    await expect(hashPassword(`${base}x`)).rejects.toThrow(/72 bytes/);
    const stored = await hashPassword(base);
    await expect(verifyPassword(base, stored)).resolves.toBe(true);
    await expect(verifyPassword(`${base}x`, stored)).resolves.toBe(false); // bcrypt alone would say true
  });
});

describe("userCreateInput password bounds", () => {
  const valid = { email: "a@b.gov", name: "A", role: "VIEWER" };
  const errorsFor = (password: string) => {
    const parsed = userCreateInput.safeParse({ ...valid, password });
    return parsed.success ? [] : parsed.error.issues.filter((i) => i.path[0] === "password").map((i) => i.message);
  };

  const phrase72 = "orchid lantern gravel ".repeat(3) + "harbor"; // 72 ASCII characters

  it.each([
    ["12 ASCII characters", "orchid grave", []],
    ["72 ASCII characters", phrase72, []],
    ["36 two-byte letters (72 bytes)", "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉ", []],
  ])("accepts %s", (_label, password, expected) => {
    expect(errorsFor(password)).toEqual(expected);
  });

  it.each([
    ["73 ASCII characters", `${phrase72}s`],
    ["37 two-byte letters (74 bytes)", "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉ" + "é"],
    ["19 emoji (76 bytes, 38 UTF-16 units)", "🔒🔑".repeat(9) + "🔒"],
    ["201 characters", "x".repeat(201)],
  ])("refuses %s with a clear message", (_label, password) => {
    expect(errorsFor(password).join(" ")).toMatch(/at most 72/);
  });

  it("needs 15 characters for an administrator", () => {
    const parsed = userCreateInput.safeParse({ ...valid, role: "ADMIN", password: "orchid gravel" });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/at least 15 characters/);
  });
});
