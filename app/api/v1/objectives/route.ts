// GET /api/v1/objectives (Bearer token): see src/server/api/v1-endpoints.ts.
import { objectivesEndpoint } from "@/server/api/v1-endpoints";
import { apiRoute } from "@/server/api/v1-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(objectivesEndpoint);
