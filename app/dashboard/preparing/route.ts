// The "being prepared" answer of an overloaded dashboard view: 503, Retry-After, and a
// page that refreshes back to the view (src/server/coverage/busy.ts).
import { can } from "@/server/auth/permissions";
import { getSession } from "@/server/auth/session";
import { busyPageHtml, busyPageInput } from "@/server/coverage/busy";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const { next, retry } = busyPageInput.parse(Object.fromEntries(url.searchParams));
  const session = await getSession();
  if (!session) {
    return Response.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(next)}`, url), 303);
  }
  if (!can(session.user.role, "dashboard.read")) return new Response("You do not have permission to read the dashboard.", { status: 403 });
  return new Response(busyPageHtml(next, retry, request.headers.get("x-nonce") ?? ""), {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(retry), "Cache-Control": "no-store" },
  });
}
