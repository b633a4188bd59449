// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the endpoints
// validate with (zod 4's JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses).
import "server-only";
import { z } from "zod";
import { API_ENDPOINTS } from "./v1-endpoints";
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

export function openApiDocument() {
  const paths: Record<string, unknown> = {};
  for (const endpoint of API_ENDPOINTS) {
    const shape = endpoint.query.shape as Record<string, z.ZodType>;
    paths[endpoint.path] = {
      get: {
        summary: endpoint.summary,
        operationId: `list${endpoint.path.slice("/api/v1/".length).replace(/^./, (c) => c.toUpperCase())}`,
        security: [{ bearerToken: [] }],
        parameters: Object.entries(shape).map(([name, field]) => {
          const { description, ...schema } = schemaOf(field, "input");
          return { name, in: "query", required: false, description, schema };
        }),
        responses: {
          "200": {
            description: "One page of rows in id order; follow `next` until it is null. Headers: ETag, Cache-Control: no-store.",
            content: { "application/json": { schema: schemaOf(pageOf(endpoint.item), "output") } },
          },
          "304": { description: "Not modified (If-None-Match matched the ETag)" },
          "400": errorResponse("Unknown parameter (UNKNOWN_PARAMETER) or bad value (INVALID_PARAMETER); `parameter` names it"),
          "401": errorResponse("No valid token (missing, unknown, expired, revoked, or the owner is deactivated)"),
          "403": errorResponse("The token owner's role may not read this collection"),
          "500": errorResponse("Unexpected error, with a reference id; no details"),
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
        "during a walk appear if their id sorts after the cursor.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer" } },
      schemas: { Error: schemaOf(apiError, "output") },
    },
  };
}
