// GET /engagements/export?format=csv|json&<list filters>: the filtered engagement list as a
// streamed download (CSV cells neutralised against formula injection). Checks the session
// and the permission itself; coordinators get their agency's rows only.
import { parseEngagementFilters } from "@/domain/participation/list-filters";
import { can } from "@/server/auth/permissions";
import { getSession } from "@/server/auth/session";
import { downloadResponse, exportEngagements } from "@/server/participation/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const session = await getSession();
  if (!session) return new Response("Sign in first.", { status: 401 });
  if (!can(session.user.role, "participation.read")) return new Response("Not allowed.", { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const format = params.format === "json" ? "json" : params.format === "csv" ? "csv" : null;
  if (!format) return new Response("Choose format=csv or format=json.", { status: 400 });
  const filters = { ...parseEngagementFilters(params), page: undefined };
  return downloadResponse(exportEngagements(session.scope, filters, format), format, "engagements");
}
