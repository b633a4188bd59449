// Template downloads: /admin/imports/template/csv and /admin/imports/template/json.
import { getSession } from "@/server/auth/session";
import { can } from "@/server/auth/permissions";
import { csvTemplate, jsonTemplate } from "@/domain/inventory/templates";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ format: string }> }) {
  const session = await getSession();
  if (!session) return new Response("Sign in first.", { status: 401 });
  if (!can(session.user.role, "import.run")) return new Response("Only administrators can import inventories.", { status: 403 });
  const { format } = await params;
  if (format === "csv") {
    return new Response(csvTemplate(), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="sdo-inventory-template.csv"' },
    });
  }
  if (format === "json") {
    return new Response(jsonTemplate(), {
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="sdo-inventory-template.json"' },
    });
  }
  return new Response("Unknown template.", { status: 404 });
}
