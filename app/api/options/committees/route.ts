// GET /api/options/committees?sdo=<id>: the committees of one SDO, for the dependent
// select of the participation forms. Signed-in readers only.
import { getSession } from "@/server/auth/session";
import { can } from "@/server/auth/permissions";
import { committeeChoices } from "@/server/participation/options";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const session = await getSession();
  if (!session) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!can(session.user.role, "participation.read")) return Response.json({ error: "Not allowed." }, { status: 403 });
  const sdo = new URL(request.url).searchParams.get("sdo")?.trim().slice(0, 64);
  if (!sdo) return Response.json({ choices: [] }, { headers: { "Cache-Control": "no-store" } });
  return Response.json({ choices: await committeeChoices(sdo) }, { headers: { "Cache-Control": "no-store" } });
}
