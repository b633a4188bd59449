// The progress poll: status, phase and fraction of one run (small JSON, no caching).
import { NextResponse } from "next/server";
import { getSession } from "@/server/auth/session";
import { can } from "@/server/auth/permissions";
import { getImportProgress } from "@/server/imports/runs";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  if (!can(session.user.role, "import.run")) return NextResponse.json({ error: "Forbidden." }, { status: 403 });
  const { id } = await params;
  const progress = await getImportProgress(id);
  if (!progress) return NextResponse.json({ error: "Not found." }, { status: 404 });
  return NextResponse.json(progress, { headers: { "Cache-Control": "no-store" } });
}
