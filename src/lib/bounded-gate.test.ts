import { describe, expect, it } from "vitest";
import { createCoalescer, createGate, GateBusyError } from "./bounded-gate";

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

describe("createCoalescer", () => {
  it("runs once for concurrent callers that may join, and forgets the key when done", async () => {
    const flight = createCoalescer<number>();
    let runs = 0;
    const d = deferred<number>();
    const job = () => {
      runs++;
      return d.promise;
    };
    const a = flight.run("k", job, () => true);
    const b = flight.run("k", job, () => true);
    const other = flight.run("other", async () => 7);
    expect(flight.size()).toBe(2);
    d.resolve(42);
    expect(await Promise.all([a, b, other])).toEqual([42, 42, 7]);
    expect(runs).toBe(1);
    expect(flight.size()).toBe(0);
  });

  it("callers who cannot join share one queued run, started only after the running one", async () => {
    const flight = createCoalescer<string, number>();
    const first = deferred<string>();
    const second = deferred<string>();
    const started: string[] = [];
    const running = flight.run("k", (mark) => {
      started.push("first");
      mark(1);
      return first.promise;
    });
    // The running job is at version 1; these callers need version 2 or later.
    const needsNewer = (m: number | undefined) => m !== undefined && m >= 2;
    const job2 = () => {
      started.push("second");
      return second.promise;
    };
    const x = flight.run("k", job2, needsNewer);
    const y = flight.run("k", job2, needsNewer);
    const z = flight.run("k", job2, needsNewer);
    await flush();
    expect(started).toEqual(["first"]);
    first.resolve("v1");
    expect(await running).toBe("v1");
    await flush();
    expect(started).toEqual(["first", "second"]);
    // A caller content with what runs now joins it.
    const w = flight.run("k", job2, (m) => m === undefined || m >= 1);
    second.resolve("v2");
    expect(await Promise.all([x, y, z, w])).toEqual(["v2", "v2", "v2", "v2"]);
    expect(started).toEqual(["first", "second"]);
    expect(flight.size()).toBe(0);
  });

  it("a failed run fails its callers, and the queued run still starts", async () => {
    const flight = createCoalescer<number>();
    const a = flight.run("k", async () => Promise.reject(new Error("boom")));
    const b = flight.run("k", async () => 2);
    await expect(a).rejects.toThrow("boom");
    expect(await b).toBe(2);
    expect(await flight.run("k", async () => 3)).toBe(3);
  });
});
