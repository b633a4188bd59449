import { describe, expect, it } from "vitest";
import { appInstances, readEnv, reportConcurrency, requireAuthSecret } from "./env";

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

  it("runs one app process per core on PostgreSQL unless WEB_CONCURRENCY says otherwise", () => {
    expect(appInstances(readEnv({ DATABASE_URL: pg }), 2)).toBe(2);
    expect(appInstances(readEnv({ DATABASE_URL: pg, WEB_CONCURRENCY: "3" }), 2)).toBe(3);
    expect(appInstances(readEnv({ DATABASE_URL: pg }), 0)).toBe(1);
  });

  it("runs one process on the embedded database, which one process owns", () => {
    expect(appInstances(readEnv({ WEB_CONCURRENCY: "4" }), 8)).toBe(1);
  });

  it("rejects WEB_CONCURRENCY that is not a positive whole number, naming it", () => {
    expect(() => readEnv({ WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
    expect(() => readEnv({ WEB_CONCURRENCY: "two" })).toThrow(/WEB_CONCURRENCY/);
  });

  it("rejects a pool of one, naming the variable", () => {
    expect(() => readEnv({ DATABASE_POOL_MAX: "1" })).toThrow(/DATABASE_POOL_MAX/);
  });
});
