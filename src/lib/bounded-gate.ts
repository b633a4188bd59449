// Admission control for heavy work: at most `concurrency` jobs run at once, at most
// `queueMax` wait for a turn, and anything beyond is refused at once with a retry hint
// instead of piling up (a refused caller answers "being prepared, retry in N s").
// Plus coalescing: callers asking for the same key share runs (createCoalescer).

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
  /** How many may wait (the option, after rounding). */
  queueMax: number;
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
    stats: () => ({ running, queued: waiting.length, queueMax, meanMs: meanMs() }),
    retryAfterSeconds,
  };
}

/**
 * Fresh-value coalescing per key: at most one run and one queued run per key. A caller
 * joins the running job only when `canJoin` says its result will be fresh enough for
 * it; otherwise it joins the queued job, which starts when the running one settles (so
 * it starts after every caller that joined it arrived). Concurrent callers of a key
 * therefore cause at most two runs, however many they are.
 */
export function createCoalescer<T, M = unknown>() {
  interface Flight {
    current: object | null;
    running: Promise<T> | null;
    /** What the running job has said about itself (e.g. its data version), once known. */
    runningMark: M | undefined;
    queued: Promise<T> | null;
  }
  const flights = new Map<string, Flight>();

  const launch = (key: string, flight: Flight, job: (mark: (m: M) => void) => Promise<T>): Promise<T> => {
    // Identifies this run: a mark from a run that is no longer the running one is ignored.
    const run = {};
    flight.current = run;
    flight.runningMark = undefined;
    const promise = job((m) => {
      if (flight.current === run) flight.runningMark = m;
    }).finally(() => {
      if (flight.current === run) {
        flight.current = null;
        flight.running = null;
      }
      if (!flight.running && !flight.queued) flights.delete(key);
    });
    if (flight.current === run) flight.running = promise;
    return promise;
  };

  return {
    run(key: string, job: (mark: (m: M) => void) => Promise<T>, canJoin: (mark: M | undefined) => boolean = () => false): Promise<T> {
      let flight = flights.get(key);
      if (!flight) {
        flight = { current: null, running: null, runningMark: undefined, queued: null };
        flights.set(key, flight);
      }
      const running = flight.running;
      if (!running) return launch(key, flight, job);
      if (canJoin(flight.runningMark)) return running;
      if (flight.queued) return flight.queued;
      const current = flight;
      const ignore = () => undefined;
      const queued = running.then(ignore, ignore).then(() => {
        current.queued = null;
        return launch(key, current, job);
      });
      current.queued = queued;
      return queued;
    },
    size: () => flights.size,
  };
}
