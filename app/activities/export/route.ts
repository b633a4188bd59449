// GET /activities/export?format=csv|json&<list filters>: the filtered activity list as a
// streamed download (CSV cells neutralised against formula injection); coordinators get
// their agency's rows only.
import { parseActivityFilters } from "@/domain/participation/list-filters";
import { exportActivities, exportRoute } from "@/server/participation/export";

export const dynamic = "force-dynamic";

export const GET = exportRoute("activities", (scope, params, format) =>
  exportActivities(scope, { ...parseActivityFilters(params), page: undefined }, format),
);
