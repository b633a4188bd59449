// GET /api/v1/core-areas (Bearer token): see src/server/api/v1-endpoints.ts.
import { coreAreasEndpoint } from "@/server/api/v1-endpoints";
import { apiRoute } from "@/server/api/v1-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(coreAreasEndpoint);
