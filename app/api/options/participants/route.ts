// GET /api/options/participants?q=<text>: at most 20 active people of the caller's scope
// (a coordinator: their own agency) whose name or email matches, for the participant picker
// of forms whose scope holds too many people to list.
import { getSession } from "@/server/auth/session";
import { can } from "@/server/auth/permissions";
import { searchParticipantChoices } from "@/server/participation/participants";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const session = await getSession();
  if (!session) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!can(session.user.role, "participation.read")) return Response.json({ error: "Not allowed." }, { status: 403 });
  const q = new URL(request.url).searchParams.get("q")?.trim().slice(0, 100) || undefined;
  const choices = await searchParticipantChoices(session.scope, q);
  return Response.json({ choices }, { headers: { "Cache-Control": "no-store" } });
}
