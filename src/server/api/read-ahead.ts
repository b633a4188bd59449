// Read-ahead for walks through a collection. A client walking a whole collection asks for
// one page after another; each page is a database read of tens of milliseconds during which
// the client waits. Once a page is answered, the page after it is read at once, while the
// client is still receiving and parsing this one, and kept for its next request.
//
// Never staler than a fresh read: a page read ahead is stamped with the data versions read
// BEFORE it (DataVersion and InventoryVersion, bumped at commit by every write to what the
// page shows: engagements, participants, agencies, SDOs, committees, standards), and it is
// served only while those versions are still current. If any write committed since, it
// is dropped and the page is read anew, so a walk's rows are exactly those of fresh reads.
// A stamp read before the page can only be older than the page's data, never newer: the
// check can discard a good page, never keep a stale one.
//
// Bounded: at most READ_AHEAD_MAX pages per process (the oldest go first), each for at most
// READ_AHEAD_TTL_MS; one walk keeps at most one page ahead. Per process: with several app
// instances a request that reaches another one is read there (same result, no read-ahead).
import "server-only";
import { createGate, type Gate } from "@/lib/bounded-gate";
import { readEnv } from "@/lib/env";

const READ_AHEAD_MAX = 16;
const READ_AHEAD_TTL_MS = 30_000;

interface Ahead<P> {
  stamp: string;
  startedAt: number;
  page: Promise<P>;
}

export interface ReadAheadStats {
  /** Pages served as read ahead. */
  served: number;
  /** Pages read ahead, then dropped because a write committed since (or they failed or aged). */
  dropped: number;
}

const holder = globalThis as typeof globalThis & { __apiReadAhead?: { pages: Map<string, Ahead<unknown>>; stats: ReadAheadStats } };

function state() {
  holder.__apiReadAhead ??= { pages: new Map(), stats: { served: 0, dropped: 0 } };
  return holder.__apiReadAhead;
}

const pages = () => state().pages;

/**
 * The turns pages of a walk (read now or read ahead) take: a crowd of walkers builds
 * API_PAGE_CONCURRENCY pages at once per process, the others wait (up to
 * API_PAGE_QUEUE_MAX, then 503 BUSY), so other callers on the same process are not queued
 * behind dozens of pages of JSON.
 */
export function apiPageGate(): Gate {
  const g = globalThis as typeof globalThis & { __apiPageGate?: Gate };
  if (!g.__apiPageGate) {
    const env = readEnv();
    g.__apiPageGate = createGate({ concurrency: env.API_PAGE_CONCURRENCY, queueMax: env.API_PAGE_QUEUE_MAX });
  }
  return g.__apiPageGate;
}

/** Counters since the process started (tests, benchmarks). */
export function readAheadStats(): ReadAheadStats {
  return { ...state().stats };
}

export interface WalkPage {
  /** The id of the page's last row, where the next page starts. */
  lastId: string | null;
  more: boolean;
}

/**
 * The page of `walk` (who asks, with which filters and page size) after `after`: read ahead
 * by the previous request if nothing changed since, else read now. Starts reading the page
 * after it. `read(after)` must depend only on `walk` and `after`. `stamped` is dataStamp()
 * started before this request read anything. Reads pass apiPageGate; a full queue throws
 * GateBusyError.
 */
export async function pageWithReadAhead<P extends WalkPage>(
  walk: string,
  after: string | undefined,
  read: (after: string | undefined) => Promise<P>,
  stamped: Promise<string>,
): Promise<P> {
  const stamp = await stamped;
  const key = `${walk}\u0000${after ?? ""}`;
  const ahead = pages().get(key) as Ahead<P> | undefined;
  pages().delete(key);
  let page: P | null = null;
  if (ahead && ahead.stamp === stamp && performance.now() - ahead.startedAt <= READ_AHEAD_TTL_MS) {
    page = await ahead.page.catch(() => null); // a failed read ahead is read again below
  }
  if (ahead) state().stats[page ? "served" : "dropped"]++;
  const gate = apiPageGate();
  const gated = (from: string | undefined) => gate.run(() => read(from));
  page ??= await gated(after);
  // Reading ahead helps one walker wait less; in a crowd (the gate's queue half full) it
  // would take turns, and queue places, from pages someone is waiting for.
  const { queued, queueMax } = gate.stats();
  const crowded = queued >= queueMax / 2;
  if (page.more && page.lastId !== null && !crowded) keepAhead(`${walk}\u0000${page.lastId}`, stamp, gated(page.lastId));
  return page;
}

function keepAhead(key: string, stamp: string, page: Promise<unknown>) {
  page.catch(() => {}); // nobody may ask for it; its failure is not this request's
  const all = pages();
  all.set(key, { stamp, startedAt: performance.now(), page });
  for (const oldest of all.keys()) {
    if (all.size <= READ_AHEAD_MAX) break;
    all.delete(oldest);
  }
}

