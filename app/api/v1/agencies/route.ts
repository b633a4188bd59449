// GET /api/v1/agencies (Bearer token): see src/server/api/v1-endpoints.ts.
import { agenciesEndpoint } from "@/server/api/v1-endpoints";
import { apiRoute } from "@/server/api/v1-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(agenciesEndpoint);
