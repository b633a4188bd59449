// GET /data-calls/<fy>/<agency>/export?format=csv|json[&version=n]: one submission's report
// (the frozen version asked for, else what the submission page shows) with its narrative and
// the record ids behind every figure. Authenticated, validated, permission and scope checked.
import { z } from "zod";
import { submissionCsv } from "@/domain/data-call/export";
import { can } from "@/server/auth/permissions";
import { getSession } from "@/server/auth/session";
import { figuresOf, loadSubmission, recordsToShow, versionStatus } from "@/server/data-call/submissions";
import { exportFormat, submissionParams } from "@/server/data-call/page-params";
import { ReportBusyError } from "@/server/coverage/report-cache";

export const dynamic = "force-dynamic";

const query = exportFormat.extend({ version: z.coerce.number().int().min(1).max(100_000).optional() });

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ fy: string; agencyId: string }> }): Promise<Response> {
  const session = await getSession();
  if (!session) return text(401, "Sign in first.");
  if (!can(session.user.role, "datacall.read")) return text(403, "Not allowed.");
  const route = submissionParams.safeParse(await params);
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!route.success) return text(404, "No such submission.");
  if (!parsed.success) return text(400, parsed.error.issues[0]?.message ?? "Choose format=csv or format=json.");
  const { fy, agencyId } = route.data;
  // Every id behind every figure: today's figures are assembled with their records.
  const data = await loadSubmission(session, fy, agencyId, new Date(), { records: parsed.data.version ? "none" : "all" }).catch((error: unknown) => {
    if (error instanceof ReportBusyError) return error;
    throw error;
  });
  if (data instanceof ReportBusyError) {
    return new Response(`The report is being prepared. Try again in ${data.retryAfterSeconds} seconds.`, {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(data.retryAfterSeconds), "Cache-Control": "no-store" },
    });
  }
  if (!data) return text(404, "No such submission, or not one you may read.");
  const shown = parsed.data.version ? figuresOf(data, parsed.data.version) : recordsToShow(data);
  if (!shown) return text(404, "No such version, or not one you may read.");
  const narrative = shown.frozen?.narrative ?? data.narrative;
  const meta = {
    fiscalYear: fy,
    agency: data.agency.acronym,
    status: shown.frozen ? versionStatus(data, shown.frozen.version) : data.submission.status,
    version: shown.frozen?.version ?? 0,
    contentHash: shown.frozen?.contentHash ?? null,
  };
  const name = `data-call-FY${fy}-${data.agency.acronym.replace(/[^A-Za-z0-9-]/g, "_")}${meta.version ? `-v${meta.version}` : "-draft"}`;
  const headers = (type: string, ext: string) => ({
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${name}.${ext}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (parsed.data.format === "csv") return new Response(submissionCsv(meta, shown.figures, narrative), { headers: headers("text/csv; charset=utf-8", "csv") });
  return new Response(JSON.stringify({ ...meta, figures: shown.figures, narrative }, null, 2), { headers: headers("application/json; charset=utf-8", "json") });
}
