import { describe, expect, it } from "vitest";
import { readEnv, reportConcurrency, requireAuthSecret } from "./env";

describe("readEnv", () => {
  it("defaults to the embedded database", () => {
    const env = readEnv({ NODE_ENV: "test" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(readEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("rejects a DATABASE_URL that is not PostgreSQL, naming the variable", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: DATABASE_URL must be a postgres/);
  });

  it("rejects a short NEXTAUTH_SECRET", () => {
    expect(() => readEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET/);
  });
});

describe("requireAuthSecret", () => {
  it("refuses to run production without a secret, saying what to do", () => {
    expect(() => requireAuthSecret(readEnv({ NODE_ENV: "production" }))).toThrow(/NEXTAUTH_SECRET is not set.*openssl rand/s);
  });

  it("returns the configured secret", () => {
    const secret = "s".repeat(40);
    expect(requireAuthSecret(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secret }))).toBe(secret);
  });

  it("outside production, without a secret, signs with a random one made once per process", () => {
    const holder = globalThis as { __processAuthSecret?: string };
    delete holder.__processAuthSecret;
    const first = requireAuthSecret(readEnv({ NODE_ENV: "development" }));
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first).not.toMatch(/development-only/);
    expect(requireAuthSecret(readEnv({ NODE_ENV: "test" }))).toBe(first); // same process, same secret
    delete holder.__processAuthSecret; // a new process
    expect(requireAuthSecret(readEnv({ NODE_ENV: "development" }))).not.toBe(first);
  });
});

describe("pool and report concurrency", () => {
  const pg = "postgresql://u@h/db";

  it("defaults to a pool of 10 and half of it for reports, 16 waiting", () => {
    const env = readEnv({ DATABASE_URL: pg });
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.REPORT_QUEUE_MAX).toBe(16);
    expect(reportConcurrency(env)).toBe(5);
  });

  it("never lets reports take more than half the pool", () => {
    expect(reportConcurrency(readEnv({ DATABASE_URL: pg, DATABASE_POOL_MAX: "20", REPORT_CONCURRENCY: "3" }))).toBe(3);
    expect(reportConcurrency(readEnv({ DATABASE_URL: pg, DATABASE_POOL_MAX: "4", REPORT_CONCURRENCY: "8" }))).toBe(2);
  });

  it("computes one report at a time on the embedded database", () => {
    expect(reportConcurrency(readEnv({}))).toBe(1);
  });

  it("rejects a pool of one, naming the variable", () => {
    expect(() => readEnv({ DATABASE_POOL_MAX: "1" })).toThrow(/DATABASE_POOL_MAX/);
  });
});
