import { describe, expect, it } from "vitest";
import { createGate, createSingleFlight, GateBusyError } from "./bounded-gate";

/** A job that finishes when the test says so. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setImmediate(r));

describe("createGate", () => {
  it("runs at most `concurrency` jobs and starts queued ones in order as slots free", async () => {
    const gate = createGate({ concurrency: 2, queueMax: 5 });
    const [d0, d1, d2, d3] = [deferred(), deferred(), deferred(), deferred()];
    const jobs = [d0, d1, d2, d3];
    const started: number[] = [];
    const results = jobs.map((d, i) =>
      gate.run(async () => {
        started.push(i);
        await d.promise;
        return i;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect(gate.stats()).toMatchObject({ running: 2, queued: 2 });
    d1.resolve();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    d0.resolve();
    d2.resolve();
    d3.resolve();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect(gate.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it("refuses at once when the queue is full, with a bounded retry hint", async () => {
    const gate = createGate({ concurrency: 1, queueMax: 1, minRetrySeconds: 2, maxRetrySeconds: 30 });
    const a = deferred();
    const first = gate.run(() => a.promise);
    const second = gate.run(async () => "queued");
    await expect(gate.run(async () => "refused")).rejects.toBeInstanceOf(GateBusyError);
    const error = await gate.run(async () => 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateBusyError);
    expect((error as GateBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(2);
    expect((error as GateBusyError).retryAfterSeconds).toBeLessThanOrEqual(30);
    a.resolve();
    await first;
    expect(await second).toBe("queued");
  });

  it("frees the slot when a job fails", async () => {
    const gate = createGate({ concurrency: 1, queueMax: 0 });
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => "next")).toBe("next");
    expect(gate.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it("a queue of 0 refuses whenever every slot is taken", async () => {
    const gate = createGate({ concurrency: 1, queueMax: 0 });
    const a = deferred();
    const first = gate.run(() => a.promise);
    await expect(gate.run(async () => 1)).rejects.toBeInstanceOf(GateBusyError);
    a.resolve();
    await first;
  });
});

describe("createSingleFlight", () => {
  it("shares one run between concurrent callers of a key, and runs again after it settles", async () => {
    const flight = createSingleFlight<number>();
    let runs = 0;
    const d = deferred<number>();
    const job = () => {
      runs++;
      return d.promise;
    };
    const a = flight.run("k", job);
    const b = flight.run("k", job);
    const other = flight.run("other", async () => 7);
    expect(flight.size()).toBe(2);
    d.resolve(42);
    expect(await Promise.all([a, b, other])).toEqual([42, 42, 7]);
    expect(runs).toBe(1);
    expect(flight.size()).toBe(0);
    expect(await flight.run("k", async () => 43)).toBe(43);
  });

  it("passes a failure to every waiting caller and forgets it", async () => {
    const flight = createSingleFlight<number>();
    const d = deferred<number>();
    const a = flight.run("k", () => d.promise);
    const b = flight.run("k", () => d.promise);
    d.reject(new Error("nope"));
    await expect(a).rejects.toThrow("nope");
    await expect(b).rejects.toThrow("nope");
    expect(await flight.run("k", async () => 1)).toBe(1);
  });
});
