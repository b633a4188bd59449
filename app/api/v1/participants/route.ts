// GET /api/v1/participants (Bearer token): see src/server/api/v1-endpoints.ts.
import { participantsEndpoint } from "@/server/api/v1-endpoints";
import { apiRoute } from "@/server/api/v1-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(participantsEndpoint);
