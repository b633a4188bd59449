// Exports of the filtered participation lists as CSV (formula-neutralised) or JSON,
// produced in batches so a large list never sits in memory at once.
import "server-only";
import { csvLine, type CsvValue } from "@/domain/csv";
import type { ActivityFilters, EngagementFilters } from "@/domain/participation/list-filters";
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
  header: ["id", "kind", "title", "agency", "participant", "counterpart", "sdo", "committee", "standard", "start_date", "end_date", "attendees", "description"],
  row: (a) => [a.id, a.kind, a.title, a.agency.acronym, a.participant?.name, a.counterpart, a.sdo?.acronym, a.committee?.designation, a.standard?.designation, a.startDate, a.endDate, a.attendees, a.description],
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

/** A streamed download response. */
export function downloadResponse(chunks: AsyncIterable<string>, format: ExportFormat, baseName: string): Response {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
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

/**
 * The GET handler of an export route: checks the session and permission itself (route
 * handlers are not server actions), reads the format and the list's filters from the URL.
 */
export function exportRoute(
  baseName: string,
  produce: (scope: Scope, params: Record<string, string>, format: ExportFormat) => AsyncIterable<string>,
) {
  return async function GET(request: Request): Promise<Response> {
    const session = await getSession();
    if (!session) return new Response("Sign in first.", { status: 401 });
    if (!can(session.user.role, "participation.read")) return new Response("Not allowed.", { status: 403 });
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const format = params.format === "json" ? "json" : params.format === "csv" ? "csv" : null;
    if (!format) return new Response("Choose format=csv or format=json.", { status: 400 });
    return downloadResponse(produce(session.scope, params, format), format, baseName);
  };
}
