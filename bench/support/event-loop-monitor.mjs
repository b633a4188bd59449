// Preloaded into the benchmarked server (NODE_OPTIONS=--import): measures how late the
// main thread's event loop runs (perf_hooks histogram, 10 ms resolution) and writes
// max / p99 to $BENCH_ELD_DIR/eld-<pid>.json every 250 ms; SIGUSR2 starts a new window.
// Benchmarks only: the app never loads it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

const dir = process.env.BENCH_ELD_DIR;
if (isMainThread && dir) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const file = path.join(dir, `eld-${process.pid}.json`);
  const write = () => {
    const ms = (ns) => Math.round(ns / 1e6);
    writeFileSync(file, JSON.stringify({ pid: process.pid, max: ms(histogram.max), p99: ms(histogram.percentile(99)), count: histogram.count }));
  };
  setInterval(write, 250).unref();
  process.on("SIGUSR2", () => {
    histogram.reset();
    write();
  });
}
