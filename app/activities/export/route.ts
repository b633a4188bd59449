// GET /activities/export?format=csv|json&<list filters>: the filtered activity list as a
// streamed download (CSV cells neutralised against formula injection). Checks the session
// and the permission itself; coordinators get their agency's rows only.
import { parseActivityFilters } from "@/domain/participation/list-filters";
import { can } from "@/server/auth/permissions";
import { getSession } from "@/server/auth/session";
import { downloadResponse, exportActivities } from "@/server/participation/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const session = await getSession();
  if (!session) return new Response("Sign in first.", { status: 401 });
  if (!can(session.user.role, "participation.read")) return new Response("Not allowed.", { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const format = params.format === "json" ? "json" : params.format === "csv" ? "csv" : null;
  if (!format) return new Response("Choose format=csv or format=json.", { status: 400 });
  const filters = { ...parseActivityFilters(params), page: undefined };
  return downloadResponse(exportActivities(session.scope, filters, format), format, "activities");
}
