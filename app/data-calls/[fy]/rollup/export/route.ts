// GET /data-calls/<fy>/rollup/export?format=csv|json: the roll-up of the accepted
// submissions with each agency's contribution. Authenticated, validated, permission checked.
import { rollUpCsv } from "@/domain/data-call/export";
import { can } from "@/server/auth/permissions";
import { getSession } from "@/server/auth/session";
import { exportFormat, fiscalYearParams } from "@/server/data-call/page-params";
import { loadRollUp } from "@/server/data-call/submissions";

export const dynamic = "force-dynamic";

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ fy: string }> }): Promise<Response> {
  const session = await getSession();
  if (!session) return text(401, "Sign in first.");
  if (!can(session.user.role, "datacall.read")) return text(403, "Not allowed.");
  const route = fiscalYearParams.safeParse(await params);
  if (!route.success) return text(404, "No such data call.");
  const parsed = exportFormat.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return text(400, parsed.error.issues[0]?.message ?? "Choose format=csv or format=json.");
  const data = await loadRollUp(route.data.fy);
  if (!data) return text(404, "No such data call.");
  const name = `data-call-FY${route.data.fy}-rollup`;
  const headers = (type: string, ext: string) => ({
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${name}.${ext}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (parsed.data.format === "csv") return new Response(rollUpCsv(data.rollUp), { headers: headers("text/csv; charset=utf-8", "csv") });
  return new Response(JSON.stringify(data.rollUp, null, 2), { headers: headers("application/json; charset=utf-8", "json") });
}
