// The human page of the read API (/api-docs): every endpoint with who may call it, its
// parameters and an example curl, built from the same endpoint list and zod schemas as the
// OpenAPI document, so the page cannot drift from the API.
import "server-only";
import { PERMISSIONS } from "@/server/auth/permissions";
import { parametersOf } from "./openapi";
import { API_ENDPOINTS } from "./v1-endpoints";
import type { ApiEndpoint } from "./v1-route";

export interface ApiDocParameter {
  name: string;
  description: string;
  values: string;
}

export interface ApiDocEndpoint {
  path: string;
  summary: string;
  kind: "collection" | "document";
  roles: string[];
  parameters: ApiDocParameter[];
  curl: string;
}

const ROLE_LABEL: Record<string, string> = { ADMIN: "Admin", LEAD: "Lead", COORDINATOR: "Coordinator (own agency)", VIEWER: "Viewer" };

/** A short statement of the values a parameter takes, from its JSON Schema. */
function valuesOf(schema: Record<string, unknown>): string {
  const s = (schema.anyOf as Record<string, unknown>[] | undefined)?.[0] ?? schema;
  if (Array.isArray(s.enum)) return `one of ${(s.enum as string[]).join(", ")}`;
  if (s.type === "integer" || s.type === "number") {
    const range = [s.minimum, s.maximum].every((v) => typeof v === "number") ? ` from ${s.minimum} to ${s.maximum}` : "";
    return `whole number${range}${s.default !== undefined ? ` (default ${s.default})` : ""}`;
  }
  if (s.pattern === "^\\d{4}-\\d{2}-\\d{2}$") return "a day, YYYY-MM-DD";
  if (s.type === "string" && typeof s.maxLength === "number") return `text, up to ${s.maxLength} characters`;
  return "text";
}

/** A call that shows one typical parameter: a page size for collections, a year for the report. */
const EXAMPLE_QUERY: Record<string, string> = {
  "/api/v1/coverage": "fy=2025",
  "/api/v1/audit": "from=2025-01-01&limit=100",
  "/api/v1/engagements": "status=active&limit=1000",
};

export function apiDocs(origin: string): ApiDocEndpoint[] {
  return (API_ENDPOINTS as readonly ApiEndpoint[]).map((endpoint) => {
    const query = EXAMPLE_QUERY[endpoint.path] ?? (endpoint.kind === "collection" ? "limit=100" : "");
    const url = `${origin}${endpoint.path}${query ? `?${query}` : ""}`;
    return {
      path: endpoint.path,
      summary: endpoint.summary,
      kind: endpoint.kind,
      roles: PERMISSIONS[endpoint.permission].map((r) => ROLE_LABEL[r] ?? r),
      parameters: parametersOf(endpoint).map((p) => ({ name: p.name, description: p.description ?? "", values: valuesOf(p.schema) })),
      curl: `curl -H "Authorization: Bearer $TRACKER_TOKEN" "${url}"`,
    };
  });
}

/**
 * The origin examples point at: NEXTAUTH_URL (the public URL) when set and valid, else the
 * request's own host and protocol.
 */
export function publicOrigin(configured: string | undefined, headers: Headers): string {
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      /* fall through to the request */
    }
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "127.0.0.1:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
