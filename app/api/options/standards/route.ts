// GET /api/options/standards?sdo=<id>&committee=<id>&q=<text>: at most 20 matching
// standards (there may be thousands), for the searchable standard picker.
import { getSession } from "@/server/auth/session";
import { can } from "@/server/auth/permissions";
import { searchStandardChoices } from "@/server/participation/options";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const session = await getSession();
  if (!session) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!can(session.user.role, "participation.read")) return Response.json({ error: "Not allowed." }, { status: 403 });
  const params = new URL(request.url).searchParams;
  const param = (name: string, max: number) => params.get(name)?.trim().slice(0, max) || undefined;
  const choices = await searchStandardChoices({ sdoId: param("sdo", 64), committeeId: param("committee", 64), q: param("q", 100) });
  return Response.json({ choices }, { headers: { "Cache-Control": "no-store" } });
}
