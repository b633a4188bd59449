// GET /engagements/export?format=csv|json&<list filters>: the filtered engagement list as a
// streamed download (CSV cells neutralised against formula injection); coordinators get
// their agency's rows only.
import { parseEngagementFilters } from "@/domain/participation/list-filters";
import { exportEngagements, exportRoute } from "@/server/participation/export";

export const dynamic = "force-dynamic";

export const GET = exportRoute("engagements", (scope, params, format) =>
  exportEngagements(scope, { ...parseEngagementFilters(params), page: undefined }, format),
);
