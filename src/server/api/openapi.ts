// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the endpoints
// validate with (zod 4's JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses).
import "server-only";
import { z } from "zod";
import { API_ENDPOINTS } from "./v1-endpoints";
import type { ApiEndpoint, CollectionEndpoint } from "./v1-route";
import { apiError, pageOf } from "./v1-schemas";

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  delete json.$schema; // the document's jsonSchemaDialect covers it
  return json;
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/** The JSON Schema of an endpoint's 200 body: a page of its items, or its document. */
export function responseSchemaOf(endpoint: ApiEndpoint): JsonSchema {
  return schemaOf(endpoint.kind === "collection" ? pageOf(endpoint.item) : endpoint.body, "output");
}

/** What a CSV page of the collection holds: its header row, the item's fields in order. */
export function csvDescriptionOf(endpoint: CollectionEndpoint): string {
  return `format=csv: RFC 4180 CSV, CRLF line ends, a header row then one row per item. Columns: ${Object.keys(endpoint.item.shape).join(", ")}.`;
}

/** `engagements` -> listEngagements, `core-areas` -> listCoreAreas, `coverage` -> getCoverage. */
export function operationIdOf(endpoint: ApiEndpoint): string {
  const name = endpoint.path.slice("/api/v1/".length).replace(/(^|-)(.)/g, (_m, _d, c: string) => c.toUpperCase());
  return `${endpoint.kind === "collection" ? "list" : "get"}${name}`;
}

/** An endpoint's query parameters, as documented (name, description, JSON Schema). */
export function parametersOf(endpoint: ApiEndpoint) {
  const shape = endpoint.query.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, field]) => {
    const { description, ...schema } = schemaOf(field, "input");
    return { name, in: "query" as const, required: false, description: description as string | undefined, schema };
  });
}

const RATE_HEADERS = {
  "RateLimit-Limit": { description: "Calls this token may make per minute", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Calls left in the current window", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window ends", schema: { type: "integer" } },
};
const RETRY_AFTER = { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } } };

export function openApiDocument() {
  const paths: Record<string, unknown> = {};
  for (const endpoint of API_ENDPOINTS as readonly ApiEndpoint[]) {
    const extra = endpoint.responses ?? {};
    paths[endpoint.path] = {
      get: {
        summary: endpoint.summary,
        operationId: operationIdOf(endpoint),
        security: [{ bearerToken: [] }],
        parameters: parametersOf(endpoint),
        responses: {
          "200": {
            description:
              endpoint.kind === "collection"
                ? "One page of rows in id order; follow `next` until it is null (with format=csv: the Link header's rel=\"next\" URL, " +
                  "absent after the last row). Headers: ETag, Cache-Control: no-store, RateLimit-*."
                : "The document. Headers: ETag, Cache-Control: no-store, RateLimit-*.",
            headers: {
              ETag: { schema: { type: "string" } },
              ...(endpoint.kind === "collection" ? { Link: { description: 'format=csv only: `<next page URL>; rel="next"`', schema: { type: "string" } } } : {}),
              ...RATE_HEADERS,
            },
            content: {
              "application/json": { schema: responseSchemaOf(endpoint) },
              ...(endpoint.kind === "collection" ? { "text/csv": { schema: { type: "string", description: csvDescriptionOf(endpoint) } } } : {}),
            },
          },
          "304": { description: "Not modified (If-None-Match matched the ETag)" },
          "400": errorResponse("Unknown parameter (UNKNOWN_PARAMETER) or bad value (INVALID_PARAMETER); `parameter` names it"),
          "401": errorResponse("No valid token (missing, unknown, expired, revoked, or the owner is deactivated)"),
          "403": errorResponse("The token owner's role may not read this (FORBIDDEN)"),
          "429": { ...errorResponse("Too many calls with this token this minute (RATE_LIMITED)"), headers: { ...RETRY_AFTER, ...RATE_HEADERS } },
          "500": errorResponse("Unexpected error, with a reference id; no details"),
          ...Object.fromEntries(Object.entries(extra).map(([status, description]) => [status, { ...errorResponse(description), headers: RETRY_AFTER }])),
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Standards engagement tracker read API",
      version: "1",
      description:
        "Read-only. Authenticate with a personal access token (API tokens page) as `Authorization: Bearer <token>`. " +
        "A token reads with its owner's current role and agency, exactly as the pages do. Collections are paged by id: " +
        "every row that exists for the whole walk and keeps matching the filters is returned exactly once; rows created " +
        "during a walk appear if their id sorts after the cursor, rows deleted or changed to no longer match before their " +
        "page is read do not appear. Each token may make API_RATE_LIMIT calls per minute (default 600); beyond it 429 " +
        "with Retry-After.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer" } },
      schemas: { Error: schemaOf(apiError, "output") },
    },
  };
}
