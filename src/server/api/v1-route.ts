// The one shape of every /api/v1 endpoint: Bearer token (authenticated and counted against
// the token's rate limit in one statement) -> permission (the same table as the pages) ->
// strict zod query (unknown or bad parameters are a 400 naming the parameter) -> scoped
// data function -> a collection page in id order with a `next` link, or one document (the
// coverage report). JSON errors carry a stable `code`; unexpected ones are logged with an id
// and masked. Responses are `Cache-Control: no-store` with an `ETag` (If-None-Match -> 304)
// and the token's RateLimit-* headers.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { z } from "zod";
import { csvLine, type CsvValue } from "@/domain/csv";
import { GateBusyError } from "@/lib/bounded-gate";
import { describeError } from "@/lib/log-redact";
import { readEnv } from "@/lib/env";
import { authenticateTokenCall } from "@/server/api-tokens/tokens";
import { can, type Permission } from "@/server/auth/permissions";
import type { Scope } from "@/server/auth/session";
import { dataStamp, ReportBusyError } from "@/server/coverage/report-cache";
import { UserError } from "@/server/errors";
import type { PageFormat, TextPage } from "./v1-data";
import type { apiError } from "./v1-schemas";

type ApiError = z.infer<typeof apiError>;
export type RawQuery = Record<string, string>;
/** A response body, what its ETag hashes if not the body itself, its type if not JSON, and its Link header. */
type PageBody = { body: string; digested?: string; contentType?: string; link?: string };

interface EndpointBase<Q extends z.ZodObject> {
  path: `/api/v1/${string}`;
  summary: string;
  permission: Permission;
  query: Q;
  /** Errors it may answer besides the common ones (status -> description), for the OpenAPI document. */
  responses?: Record<string, string>;
  /** Checks that need the page's own parsing (a reversed date range); parameter -> reason. */
  problems?: (raw: RawQuery) => Record<string, string>;
}

export interface CollectionEndpoint<Q extends z.ZodObject = z.ZodObject, I extends z.ZodObject = z.ZodObject> extends EndpointBase<Q> {
  kind: "collection";
  item: I;
  /** Up to `take` rows with id > `after` (if given), in id order, within the caller's scope. */
  // Method syntax: every endpoint, whatever its query type, is an ApiEndpoint.
  list(scope: Scope, query: z.infer<Q>, raw: RawQuery, after: string | undefined, take: number): Promise<(z.input<I> & { id: string })[]>;
  /**
   * Optional fast path for big walks: up to `limit` rows after `after` as text built by the
   * database (a JSON array, or CSV with its header row, as `format` asks), its SHA-256
   * (base64url), the last id, and whether more rows follow. Same rows and values as `list`.
   * `stamped`: the data versions (report-cache.ts dataStamp) read before the request's reads.
   */
  listText?(
    scope: Scope,
    query: z.infer<Q>,
    raw: RawQuery,
    after: string | undefined,
    limit: number,
    stamped: Promise<string>,
    format: PageFormat,
  ): Promise<TextPage>;
}

/** An endpoint answering one JSON document (the coverage report), not a paged collection. */
export interface DocumentEndpoint<Q extends z.ZodObject = z.ZodObject, B extends z.ZodType = z.ZodType> extends EndpointBase<Q> {
  kind: "document";
  body: B;
  read(scope: Scope, query: z.infer<Q>, now: Date): Promise<z.input<B>>;
}

export type ApiEndpoint = CollectionEndpoint | DocumentEndpoint;

/** Calls per token per minute (API_RATE_LIMIT), read once per process. */
function rateLimit(): number {
  const holder = globalThis as { __apiRateLimit?: number };
  holder.__apiRateLimit ??= readEnv().API_RATE_LIMIT;
  return holder.__apiRateLimit;
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
function readQuery<Q extends z.ZodObject>(endpoint: EndpointBase<Q>, url: URL): { raw: RawQuery; query: z.infer<Q> } | ApiError {
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

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/** `body` with its ETag: the SHA-256 of the body, or of `digested` (what the body is made of, hashed beforehand). */
function withEtag(request: Request, { body, digested, contentType, link }: PageBody, extra: Record<string, string>): Response {
  const etag = `"${sha256(digested ?? body).slice(0, 32)}"`;
  const ifNoneMatch = request.headers.get("if-none-match");
  const headers = { "Cache-Control": "no-store", Vary: "Authorization", ETag: etag, ...(link ? { Link: link } : {}), ...extra };
  if (ifNoneMatch && (ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag))) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers: { "Content-Type": contentType ?? "application/json; charset=utf-8", ...headers } });
}

const CSV_TYPE = "text/csv; charset=utf-8; header=present";

/** A CSV cell of an item's value: arrays and objects (provenance sources...) as their JSON text. */
const csvValue = (value: unknown): CsvValue =>
  value === null || value === undefined || typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? value
    : JSON.stringify(value);

/** The IETF draft's RateLimit-* fields and the older X-RateLimit-* ones clients already read. */
function rateHeaders(limit: number, remaining: number, resetSeconds: number): Record<string, string> {
  return {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(remaining),
    "RateLimit-Reset": String(resetSeconds),
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": String(remaining),
    "X-RateLimit-Reset": String(resetSeconds),
  };
}

async function collectionPage(
  endpoint: CollectionEndpoint,
  scope: Scope,
  url: URL,
  query: Record<string, unknown>,
  raw: RawQuery,
  stamped: Promise<string> | null,
): Promise<PageBody> {
  const limit = query.limit as number;
  const cursor = query.cursor as string | undefined;
  const format = (query.format as PageFormat | undefined) ?? "json";
  const after = cursor ? decodeCursor(cursor) : undefined;
  const nextLink = (lastId: string) => {
    const params = new URLSearchParams(url.searchParams);
    params.set("cursor", encodeCursor(lastId));
    return `${endpoint.path}?${params.toString()}`;
  };
  // CSV has no place in its rows for the next page: the Link header carries it (RFC 8288).
  const csv = (body: string, next: string | null, digested?: string): PageBody => ({
    body,
    digested,
    contentType: CSV_TYPE,
    link: next ? `<${next}>; rel="next"` : undefined,
  });
  if (endpoint.listText && stamped) {
    const page = await endpoint.listText(scope, query, raw, after, limit, stamped, format);
    const next = page.more && page.lastId ? nextLink(page.lastId) : null;
    // The page's text was hashed when it was read (perhaps ahead): hash that with the link.
    const digested = `${page.digest}\u0000${next ?? ""}`;
    if (format === "csv") return csv(page.text, next, digested);
    return { body: `{"data":${page.text},"next":${JSON.stringify(next)}}`, digested };
  }
  const rows = await endpoint.list(scope, query, raw, after, limit + 1);
  const data = rows.length > limit ? rows.slice(0, limit) : rows;
  const next = rows.length > limit ? nextLink(data[data.length - 1]!.id) : null;
  if (format === "csv") {
    const fields = Object.keys(endpoint.item.shape);
    const item = (row: Record<string, unknown>) => csvLine(fields.map((field) => csvValue(row[field])));
    return csv(csvLine(fields) + data.map(item).join(""), next);
  }
  return { body: JSON.stringify({ data, next }) };
}

export function apiRoute(endpoint: ApiEndpoint) {
  return async (request: Request): Promise<Response> => {
    try {
      const now = new Date();
      // A walk's page is stamped with the data versions read before it: read them beside
      // the token check rather than after it (one round trip less on every page).
      const stamped = endpoint.kind === "collection" && endpoint.listText ? dataStamp() : null;
      stamped?.catch(() => {}); // awaited below, unless the call is refused first
      const call = await authenticateTokenCall(request.headers.get("authorization"), clientAddress(request), now, rateLimit());
      if (call.kind === "unauthenticated") {
        return apiErrorResponse(401, {
          code: "UNAUTHENTICATED",
          message: "Send a valid personal access token as `Authorization: Bearer <token>` (tokens expire, can be revoked, and stop working when their owner is deactivated).",
        });
      }
      if (call.kind === "limited") {
        return json(
          { code: "RATE_LIMITED", message: `This token made more than ${call.limit} calls this minute. Try again in ${call.retryAfterSeconds} seconds.` },
          429,
          { "Retry-After": String(call.retryAfterSeconds), ...rateHeaders(call.limit, 0, call.resetSeconds) },
        );
      }
      const limits = rateHeaders(call.limit, call.remaining, call.resetSeconds);
      const { session } = call;
      if (!can(session.user.role, endpoint.permission)) {
        return json({ code: "FORBIDDEN", message: "Your role may not read this." }, 403, limits);
      }
      const url = new URL(request.url);
      const read = readQuery(endpoint, url);
      if ("code" in read) return json(read, 400, limits);
      const { query, raw } = read;
      let body: PageBody;
      if (endpoint.kind === "collection") {
        try {
          body = await collectionPage(endpoint, session.scope, url, query, raw, stamped);
        } catch (error) {
          if (!(error instanceof GateBusyError)) throw error;
          const message = `Too many pages are being built. Try again in ${error.retryAfterSeconds} seconds.`;
          return json({ code: "BUSY", message }, 503, { "Retry-After": String(error.retryAfterSeconds), ...limits });
        }
      } else {
        try {
          body = { body: JSON.stringify(await endpoint.read(session.scope, query, now)) };
        } catch (error) {
          if (error instanceof ReportBusyError) {
            return json({ code: "BUSY", message: error.message }, 503, { "Retry-After": String(error.retryAfterSeconds), ...limits });
          }
          if (error instanceof UserError && error.code === "VALIDATION") {
            const parameter = Object.keys(error.fieldErrors ?? {})[0] ?? "";
            const reason = error.fieldErrors?.[parameter]?.[0] ?? error.message;
            return json({ code: "INVALID_PARAMETER", message: `${parameter}: ${reason}`, parameter }, 400, limits);
          }
          throw error;
        }
      }
      return withEtag(request, body, limits);
    } catch (error) {
      const id = randomUUID();
      console.error(`[api ${endpoint.path}] error ${id}: ${describeError(error)}`);
      return apiErrorResponse(500, { code: "INTERNAL", message: `Something went wrong (reference ${id}).` });
    }
  };
}
