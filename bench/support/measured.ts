// One measured run of database work, shared by the benchmarks: wall clock, and CPU time of
// this process plus, on PostgreSQL, of the backend serving the transaction (read from
// /proc, so a local server) — CPU time is what other load on a shared machine distorts least.
import { readFileSync } from "node:fs";
import type { PrismaClient } from "@/generated/prisma/client";
import { REPORT_TRANSACTION, type Tx } from "@/server/coverage/gap-report-data";

/** CPU milliseconds of a local PostgreSQL backend process (null when /proc cannot tell). */
function backendCpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

const processCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface Measured<T> {
  result: T;
  /** Wall clock, ms. */
  wall: number;
  /** CPU of this process and the PostgreSQL backend, ms. */
  cpu: number;
  /** CPU of the PostgreSQL backend alone, ms (0 on PGlite). */
  db: number;
}

/** Runs `work` in one transaction (the report's bounds) and measures it. */
export async function measuredTransaction<T>(prisma: PrismaClient, pglite: boolean, work: (tx: Tx) => Promise<T>): Promise<Measured<T>> {
  const wall0 = performance.now();
  const cpu0 = processCpuMs();
  let backend = 0;
  const result = await prisma.$transaction(async (tx) => {
    const pid = pglite ? null : ((await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]?.pid ?? null);
    const b0 = backendCpuMs(pid);
    const out = await work(tx);
    const b1 = backendCpuMs(pid);
    if (b0 !== null && b1 !== null) backend = b1 - b0;
    return out;
  }, REPORT_TRANSACTION);
  return { result, wall: performance.now() - wall0, cpu: processCpuMs() - cpu0 + backend, db: backend };
}
