// Admission control for heavy work: at most `concurrency` jobs run at once, at most
// `queueMax` wait for a turn, and anything beyond is refused at once with a retry hint
// instead of piling up (a refused caller answers "being prepared, retry in N s").
// Plus single flight: callers asking for the same key while it runs share one promise.

export class GateBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Busy: retry in ${retryAfterSeconds} s`);
    this.name = "GateBusyError";
  }
}

export interface GateOptions {
  concurrency: number;
  queueMax: number;
  /** Bounds of the retry hint, in seconds. */
  minRetrySeconds?: number;
  maxRetrySeconds?: number;
}

export interface GateStats {
  running: number;
  queued: number;
  /** Mean duration of the last jobs (ms), 0 before the first. */
  meanMs: number;
}

export interface Gate {
  run<T>(job: () => Promise<T>): Promise<T>;
  stats(): GateStats;
  /** The retry hint a refused caller would get now. */
  retryAfterSeconds(): number;
}

const RECENT = 20;

export function createGate(options: GateOptions): Gate {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const queueMax = Math.max(0, Math.floor(options.queueMax));
  const minRetry = options.minRetrySeconds ?? 2;
  const maxRetry = options.maxRetrySeconds ?? 30;
  const waiting: (() => void)[] = [];
  const recent: number[] = [];
  let running = 0;

  const meanMs = () => (recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0);
  const retryAfterSeconds = () => {
    // Time for the work ahead (running + queued) to drain at this concurrency.
    const ahead = running + waiting.length;
    const seconds = Math.ceil(((ahead / concurrency) * meanMs()) / 1000);
    return Math.min(maxRetry, Math.max(minRetry, seconds));
  };

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    async run<T>(job: () => Promise<T>): Promise<T> {
      if (running >= concurrency) {
        if (waiting.length >= queueMax) throw new GateBusyError(retryAfterSeconds());
        // The slot is handed over by release(): `running` stays counted for the waiter.
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running++;
      }
      const started = performance.now();
      try {
        return await job();
      } finally {
        recent.push(performance.now() - started);
        if (recent.length > RECENT) recent.shift();
        release();
      }
    },
    stats: () => ({ running, queued: waiting.length, meanMs: meanMs() }),
    retryAfterSeconds,
  };
}

/** Concurrent calls with the same key share the first caller's promise until it settles. */
export function createSingleFlight<T>() {
  const inFlight = new Map<string, Promise<T>>();
  return {
    run(key: string, job: () => Promise<T>): Promise<T> {
      const existing = inFlight.get(key);
      if (existing) return existing;
      const promise = job().finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
    size: () => inFlight.size,
  };
}
