// Exports of the filtered participation lists as CSV (formula-neutralised) or JSON,
// streamed in keyset-paginated batches so a large list never sits in memory at once, with
// a row cap and a limit on exports running at once.
import "server-only";
import { csvLine, type CsvValue } from "@/domain/csv";
import type { ActivityFilters, EngagementFilters, FilterProblems } from "@/domain/participation/list-filters";
import { createGate, GateBusyError, type Gate } from "@/lib/bounded-gate";
import { describeError } from "@/lib/log-redact";
import { can } from "@/server/auth/permissions";
import { getSession, type Scope } from "@/server/auth/session";
import { activitiesForExport, activitySnapshot, type ActivityRecord } from "./activities";
import { engagementsForExport, engagementSnapshot, type EngagementRecord } from "./engagements";

export type ExportFormat = "csv" | "json";

interface Columns<R> {
  header: string[];
  row: (record: R) => CsvValue[];
}

const ENGAGEMENT_COLUMNS: Columns<EngagementRecord> = {
  header: ["id", "participant", "agency", "sdo", "committee", "standard", "role", "depth", "start_date", "end_date", "last_confirmed_on", "notes"],
  row: (e) => [
    e.id, e.participant.name, e.agency.acronym, e.committee?.sdo.acronym ?? e.standard?.sdo.acronym ?? "", e.committee?.designation ?? "",
    e.standard?.designation ?? "", e.role, e.depth, e.startDate, e.endDate, e.lastConfirmedOn, e.notes,
  ],
};

const ACTIVITY_COLUMNS: Columns<ActivityRecord> = {
  header: ["id", "kind", "title", "agency", "participant", "counterpart", "sdo", "committee", "standard", "start_date", "end_date", "attendees",
    "standard_use", "government_unique_reason", "description"],
  row: (a) => [
    a.id, a.kind, a.title, a.agency.acronym, a.participant?.name, a.counterpart, a.sdo?.acronym, a.committee?.designation, a.standard?.designation,
    a.startDate, a.endDate, a.attendees, a.standardUse, a.governmentUniqueReason, a.description,
  ],
};

async function* render<R>(batches: AsyncIterable<R[]>, format: ExportFormat, columns: Columns<R>, snapshot: (r: R) => object) {
  if (format === "csv") {
    yield csvLine(columns.header);
    for await (const rows of batches) yield rows.map((r) => csvLine(columns.row(r))).join("");
    return;
  }
  yield "[";
  let first = true;
  for await (const rows of batches) {
    const text = rows.map((r) => JSON.stringify(snapshot(r))).join(",\n");
    yield first ? `\n${text}` : `,\n${text}`;
    first = false;
  }
  yield "\n]\n";
}

export function exportEngagements(scope: Scope, filters: EngagementFilters, format: ExportFormat) {
  return render(engagementsForExport(scope, filters), format, ENGAGEMENT_COLUMNS, engagementSnapshot);
}

export function exportActivities(scope: Scope, filters: ActivityFilters, format: ExportFormat) {
  return render(activitiesForExport(scope, filters), format, ACTIVITY_COLUMNS, activitySnapshot);
}

/** At most this many rows in one export: beyond it the user is asked to narrow the filters. */
export const EXPORT_MAX_ROWS = 100_000;

// Exports one instance streams at once (each holds a pooled connection per batch and a
// CPU while rendering). Beyond it an export answers 503 with Retry-After at once.
const holder = globalThis as { __exportGate?: Gate };
const exportGate = () => (holder.__exportGate ??= createGate({ concurrency: Number(process.env.EXPORT_CONCURRENCY) || 2, queueMax: 0, minRetrySeconds: 5 }));

/** A slot of the export gate, held until `release` is called (when the stream ends). */
function acquireExportSlot(): Promise<() => void> {
  return new Promise((admitted, refused) => {
    exportGate()
      .run(() => new Promise<void>((release) => admitted(release)))
      .catch(refused);
  });
}

/** A streamed download response; `release` is called once the stream ends, however it ends. */
export function downloadResponse(chunks: AsyncIterable<string>, format: ExportFormat, baseName: string, release: () => void = () => {}): Response {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  let released = false;
  const done = () => {
    if (!released) release();
    released = true;
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done: finished } = await iterator.next();
        if (finished) {
          controller.close();
          done();
        } else controller.enqueue(encoder.encode(value));
      } catch (error) {
        done();
        console.error(`[export ${baseName}] failed while streaming: ${describeError(error)}`);
        controller.error(new Error("The export failed"));
      }
    },
    async cancel() {
      done();
      await iterator.return?.();
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${baseName}-${stamp}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const problemResponse = (message: string, status = 400, headers: Record<string, string> = {}) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

export interface ExportSource<F> {
  /** The list's filters from the URL. */
  parse: (params: Record<string, string>) => F;
  /** Params the filters could not read, with reasons (list-filters.ts). */
  problems: (params: Record<string, string>) => FilterProblems;
  count: (scope: Scope, filters: F) => Promise<number>;
  produce: (scope: Scope, filters: F, format: ExportFormat) => AsyncIterable<string>;
}

/**
 * The GET handler of an export route: checks the session and permission itself (route
 * handlers are not server actions), reads the format and the list's filters from the URL,
 * refuses filters it cannot read (400, with the reasons) and lists over the row cap, and
 * streams at most EXPORT_CONCURRENCY exports at once.
 */
export function exportRoute<F>(baseName: string, source: ExportSource<F>, maxRows = EXPORT_MAX_ROWS) {
  return async function GET(request: Request): Promise<Response> {
    const session = await getSession();
    if (!session) return problemResponse("Sign in first.", 401);
    if (!can(session.user.role, "participation.read")) return problemResponse("Not allowed.", 403);
    const url = new URL(request.url);
    if (url.search.length > 4096) return problemResponse("The export address is too long.", 414);
    const params = Object.fromEntries(url.searchParams);
    const format = params.format === "json" ? "json" : params.format === "csv" ? "csv" : null;
    if (!format) return problemResponse("Choose format=csv or format=json.");
    const problems = source.problems(params);
    if (Object.keys(problems).length) {
      return problemResponse(`These filters cannot be read, so nothing was exported:\n${Object.entries(problems).map(([k, reason]) => `- ${k}: ${reason}`).join("\n")}\n`);
    }
    const filters = source.parse(params);
    let release: () => void;
    try {
      release = await acquireExportSlot();
    } catch (error) {
      if (!(error instanceof GateBusyError)) throw error;
      return problemResponse("Other exports are running. Try again in a few seconds.", 503, { "Retry-After": String(error.retryAfterSeconds) });
    }
    try {
      const rows = await source.count(session.scope, filters);
      if (rows > maxRows) {
        release();
        return problemResponse(`This export would have ${rows.toLocaleString("en-US")} rows; one export holds at most ${maxRows.toLocaleString("en-US")}. Narrow the filters (for example by dates or agency).`);
      }
      return downloadResponse(source.produce(session.scope, filters, format), format, baseName, release);
    } catch (error) {
      release();
      throw error;
    }
  };
}
