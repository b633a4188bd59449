// The one shape of every /api/v1 collection endpoint: Bearer token -> permission (the same
// table as the pages) -> strict zod query (unknown or bad parameters are a 400 naming the
// parameter) -> scoped data function -> one page in id order with a `next` link. JSON
// errors carry a stable `code`; unexpected ones are logged with an id and masked.
// Responses are `Cache-Control: no-store` with an `ETag` (If-None-Match -> 304).
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { z } from "zod";
import { describeError } from "@/lib/log-redact";
import { sessionForToken } from "@/server/api-tokens/tokens";
import { can, type Permission } from "@/server/auth/permissions";
import type { Scope } from "@/server/auth/session";
import type { apiError } from "./v1-schemas";

type ApiError = z.infer<typeof apiError>;
export type RawQuery = Record<string, string>;

export interface CollectionEndpoint<Q extends z.ZodObject = z.ZodObject, I extends z.ZodType = z.ZodType> {
  path: `/api/v1/${string}`;
  summary: string;
  permission: Permission;
  query: Q;
  item: I;
  /** Checks that need the page's own parsing (a reversed date range); parameter -> reason. */
  problems?: (raw: RawQuery) => Record<string, string>;
  /** Up to `take` rows with id > `after` (if given), in id order, within the caller's scope. */
  list: (scope: Scope, query: z.infer<Q>, raw: RawQuery, after: string | undefined, take: number) => Promise<(z.input<I> & { id: string })[]>;
}

const CONTROL = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function json(body: unknown, status: number, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", Vary: "Authorization", ...extra },
  });
}

export function apiErrorResponse(status: number, error: ApiError): Response {
  const extra: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {};
  return json(error, status, extra);
}

const encodeCursor = (id: string) => Buffer.from(id, "utf8").toString("base64url");
const decodeCursor = (cursor: string) => Buffer.from(cursor, "base64url").toString("utf8");

function clientAddress(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || null;
}

/** Reads the query strictly: each parameter at most once, no control characters, the zod schema. */
function readQuery<Q extends z.ZodObject>(endpoint: CollectionEndpoint<Q>, url: URL): { raw: RawQuery; query: z.infer<Q> } | ApiError {
  // URLSearchParams turns invalid percent-encoding (lone surrogates) into U+FFFD silently;
  // read the raw pairs first so such a value is refused, not searched for.
  for (const pair of url.search.slice(1).split("&")) {
    const [rawKey = "", rawValue = ""] = pair.split("=", 2);
    const safeKey = (() => {
      try {
        return decodeURIComponent(rawKey.replace(/\+/g, " "));
      } catch {
        return rawKey;
      }
    })();
    try {
      decodeURIComponent(rawValue.replace(/\+/g, " "));
      decodeURIComponent(rawKey.replace(/\+/g, " "));
    } catch {
      return { code: "INVALID_PARAMETER", message: `${safeKey}: not valid text (bad percent-encoding)`, parameter: safeKey };
    }
  }
  const raw: RawQuery = {};
  for (const [key, value] of url.searchParams) {
    if (key in raw) return { code: "INVALID_PARAMETER", message: `${key}: give this parameter at most once`, parameter: key };
    if (CONTROL.test(key) || CONTROL.test(value)) {
      return { code: "INVALID_PARAMETER", message: `${key}: contains control characters or invalid text`, parameter: key };
    }
    raw[key] = value;
  }
  const parsed = endpoint.query.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === "unrecognized_keys") {
      const parameter = issue.keys[0]!;
      const known = Object.keys(endpoint.query.shape).join(", ");
      return { code: "UNKNOWN_PARAMETER", message: `${parameter}: not a parameter of this endpoint (known: ${known})`, parameter };
    }
    const parameter = String(issue.path[0] ?? "");
    return { code: "INVALID_PARAMETER", message: `${parameter}: ${issue.message}`, parameter };
  }
  const problems = endpoint.problems?.(raw) ?? {};
  const [parameter, reason] = Object.entries(problems)[0] ?? [];
  if (parameter) return { code: "INVALID_PARAMETER", message: `${parameter}: ${reason}`, parameter };
  return { raw, query: parsed.data };
}

export function apiRoute<Q extends z.ZodObject, I extends z.ZodType>(endpoint: CollectionEndpoint<Q, I>) {
  return async (request: Request): Promise<Response> => {
    try {
      const session = await sessionForToken(request.headers.get("authorization"), clientAddress(request), new Date());
      if (!session) {
        return apiErrorResponse(401, {
          code: "UNAUTHENTICATED",
          message: "Send a valid personal access token as `Authorization: Bearer <token>` (tokens expire, can be revoked, and stop working when their owner is deactivated).",
        });
      }
      if (!can(session.user.role, endpoint.permission)) {
        return apiErrorResponse(403, { code: "FORBIDDEN", message: "Your role may not read this collection." });
      }
      const url = new URL(request.url);
      const read = readQuery(endpoint, url);
      if ("code" in read) return apiErrorResponse(400, read);
      const { query, raw } = read;
      const limit = (query as { limit: number }).limit;
      const cursor = (query as { cursor?: string }).cursor;
      const rows = await endpoint.list(session.scope, query, raw, cursor ? decodeCursor(cursor) : undefined, limit + 1);
      const data = rows.slice(0, limit);
      let next: string | null = null;
      if (rows.length > limit) {
        const params = new URLSearchParams(url.searchParams);
        params.set("cursor", encodeCursor(data[data.length - 1]!.id));
        next = `${endpoint.path}?${params.toString()}`;
      }
      const body = JSON.stringify({ data, next });
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
      const ifNoneMatch = request.headers.get("if-none-match");
      const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", Vary: "Authorization", ETag: etag };
      if (ifNoneMatch && (ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag))) {
        return new Response(null, { status: 304, headers: { "Cache-Control": "no-store", Vary: "Authorization", ETag: etag } });
      }
      return new Response(body, { status: 200, headers });
    } catch (error) {
      const id = randomUUID();
      console.error(`[api ${endpoint.path}] error ${id}: ${describeError(error)}`);
      return apiErrorResponse(500, { code: "INTERNAL", message: `Something went wrong (reference ${id}).` });
    }
  };
}
